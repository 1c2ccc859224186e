// The items of a page as JSON text, kept for the next request of the same page. Rendering and
// serializing 1,000 rows takes ~20 ms of the simulator's one thread; concurrent requests would
// queue behind it, which DataForSEO's many servers do not do, and the benchmarks would time the
// simulator instead of the node. The envelope around the items is built fresh each time.

/** Stands in for the items inside the answer's object until its text is spliced in. */
export const ITEMS_MARK = '\u0000simulator-items\u0000';
const MARK_JSON = JSON.stringify(ITEMS_MARK);

export class PageTextCache {
	private readonly entries = new Map<string, string>();
	private bytes = 0;

	/** `maxChars` bounds the text kept (UTF-16 units, about bytes for this ASCII JSON). */
	constructor(private readonly maxChars = 128 * 1024 * 1024) {}

	text(key: string, render: () => unknown): string {
		const hit = this.entries.get(key);
		if (hit !== undefined) {
			// Re-insert to mark as most recently used.
			this.entries.delete(key);
			this.entries.set(key, hit);
			return hit;
		}
		const text = JSON.stringify(render());
		this.entries.set(key, text);
		this.bytes += text.length;
		for (const [oldKey, oldText] of this.entries) {
			if (this.bytes <= this.maxChars || oldKey === key) break;
			this.entries.delete(oldKey);
			this.bytes -= oldText.length;
		}
		return text;
	}

	get size(): number {
		return this.entries.size;
	}
}

/** The answer's JSON text, with the items' text where ITEMS_MARK stands. */
export function answerText(body: unknown, itemsText: string | undefined): string {
	const text = JSON.stringify(body);
	// A function, so "$" in the items is not read as a replacement pattern.
	return itemsText === undefined ? text : text.replace(MARK_JSON, () => itemsText);
}
