import { sleep } from 'n8n-workflow';

/**
 * The longest stretch of the node's own work between two turns of the event loop. n8n's editor,
 * webhooks and other executions wait on the same thread while the node flattens rows, so a long
 * page (20 competitors: 1,000 rows of ~120 or ~440 columns) is cut into slices.
 */
export const SLICE_MS = 40;

/** How many rows are built between two looks at the clock. */
export const ROWS_PER_CHECK = 64;

/**
 * Hands the event loop back once a slice is used up. One per execution, so items that read
 * pages side by side share the slice. `sleep(0)` is a timer, so I/O and other timers run before
 * the node goes on (a resolved promise would let only other promise callbacks in).
 */
export class Turns {
	private since = Date.now();

	get due(): boolean {
		return Date.now() - this.since >= SLICE_MS;
	}

	async pause(): Promise<void> {
		await sleep(0);
		this.since = Date.now();
	}
}
