/**
 * DataForSEO counts calls per minute. A start reaches its clock a moment after ours (and a
 * queued one may leave a little late), so the node keeps its count over a longer window.
 */
export const WINDOW_MS = 61_000;

/**
 * Requests per Minute as a ceiling: never more than `limit` starts within any WINDOW_MS, from
 * the first one. A token bucket alone lets a full bucket's burst start on top of the rate
 * (2,029 in the first minute at 2,000 a minute), so the throttle also asks this window.
 */
export class StartWindow {
	/** The last `limit` start times, oldest at `next` once full. */
	private readonly starts: number[] = [];
	private next = 0;
	private last = -Infinity;

	constructor(private readonly limit: number) {}

	/**
	 * Books a start at `wanted` or later, the earliest the window allows, and returns it. Starts
	 * are booked in order, each at least the one before, so the one `limit` back is the oldest.
	 */
	book(wanted: number): number {
		const full = this.starts.length === this.limit;
		const free = full ? this.starts[this.next] + WINDOW_MS : -Infinity;
		const at = Math.max(wanted, this.last, free);
		this.starts[this.next] = at;
		this.next = (this.next + 1) % this.limit;
		this.last = at;
		return at;
	}
}
