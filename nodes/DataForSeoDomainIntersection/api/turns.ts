import { sleep } from 'n8n-workflow';

/**
 * The longest stretch of the node's own work between two turns of the event loop. n8n's editor,
 * webhooks and other executions wait on the same thread while the node parses and flattens
 * pages (20 competitors: ~14 MB of JSON, 1,000 rows of ~120 or ~440 columns), so the work is cut
 * into slices. The node's own answers and requests wait for a slice's end too, so a short slice
 * keeps the API busier: 10 ms instead of 40 made Return All of the docs example ~4 % faster in
 * n8n 2.41.1 and halved the longest block, for no CPU the bench could see.
 */
export const SLICE_MS = 10;

/** How many rows are built between two looks at the clock. */
export const ROWS_PER_CHECK = 64;

/**
 * Hands the event loop back once a slice is used up. One per execution, so pages and items
 * handled side by side share the slice. `sleep(0)` is a timer, so I/O and other timers run
 * before the node goes on (a resolved promise would let only other promise callbacks in).
 */
export class Turns {
	private since = Date.now();
	/** Slices started so far: tells a waiter whether another one took this turn before it. */
	private started = 0;

	get due(): boolean {
		return Date.now() - this.since >= SLICE_MS;
	}

	/**
	 * Resolves in a later turn of the event loop with a slice to use. Waiters whose timers fire in
	 * the same turn would otherwise run back to back: only the first starts a slice, the others
	 * find it taken and, once it is used up, wait for the next turn.
	 */
	async slice(): Promise<void> {
		while (this.due) {
			const seen = this.started;
			await sleep(0);
			if (this.started === seen) {
				this.started++;
				this.since = Date.now();
			}
		}
	}
}
