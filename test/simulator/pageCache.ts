// The items of a page as JSON bytes, kept for the next request of the same page. Rendering and
// serializing 1,000 rows takes ~20 ms of the simulator's one thread (~300 ms at 20 targets), and
// writing a string re-encodes it every time; concurrent requests would queue behind that, which
// DataForSEO's many servers do not do, and on a 2-core machine the benchmarks would time the
// simulator's CPU instead of the node's. The envelope around the items is built fresh each time.

/** Stands in for the items inside the answer's object until their bytes are put in. */
export const ITEMS_MARK = '\u0000simulator-items\u0000';
const MARK_JSON = JSON.stringify(ITEMS_MARK);

/** The default bound: the e2e and unit simulators run inside processes that do other work. */
export const DEFAULT_PAGE_CACHE_MB = 128;

export class PageCache {
	private readonly entries = new Map<string, Buffer>();
	private bytes = 0;

	/** `maxBytes` bounds the bytes kept, outside the JS heap. */
	constructor(private readonly maxBytes = DEFAULT_PAGE_CACHE_MB * 2 ** 20) {}

	bytesOf(key: string, render: () => unknown): Buffer {
		const hit = this.entries.get(key);
		if (hit !== undefined) {
			// Re-insert to mark as most recently used.
			this.entries.delete(key);
			this.entries.set(key, hit);
			return hit;
		}
		const bytes = Buffer.from(JSON.stringify(render()));
		this.entries.set(key, bytes);
		this.bytes += bytes.length;
		for (const [oldKey, oldBytes] of this.entries) {
			if (this.bytes <= this.maxBytes || oldKey === key) break;
			this.entries.delete(oldKey);
			this.bytes -= oldBytes.length;
		}
		return bytes;
	}

	get size(): number {
		return this.entries.size;
	}
}

/** The answer's bytes in order, the items' bytes where ITEMS_MARK stands (not copied). */
export function answerParts(body: unknown, items: Buffer | undefined): Buffer[] {
	const text = JSON.stringify(body);
	const at = items === undefined ? -1 : text.indexOf(MARK_JSON);
	if (items === undefined || at < 0) return [Buffer.from(text)];
	return [Buffer.from(text.slice(0, at)), items, Buffer.from(text.slice(at + MARK_JSON.length))];
}
