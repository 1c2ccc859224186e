/** DataForSEO counts calls per minute. */
export const WINDOW_MS = 60_000;

/**
 * Requests per Minute as a ceiling: never more than `limit` calls reach the API within any
 * WINDOW_MS, from the first one. A token bucket alone lets a full bucket's burst start on top of
 * the rate (2,029 in the first minute at 2,000 a minute), so the throttle also asks this window.
 *
 * Call k may start only a window after call k - `limit` has ended. A call reaches the API after
 * it starts (n8n may take seconds to send the first one on a loaded machine) but before it ends,
 * so the calls of each of the `limit` places arrive at least a window apart, whatever the delays:
 * at most `limit` in any window.
 */
export class StartWindow {
	/** When the call that last took each place ended. */
	private readonly ends: Array<Promise<number>> = [];
	private next = 0;

	constructor(private readonly limit: number) {}

	/**
	 * Takes the next place. `freeAt`: the earliest start it allows; `ended` must be called when the
	 * call ends, however it ends (answered, failed, cancelled before it was sent).
	 */
	take(): { freeAt: Promise<number>; ended: (at: number) => void } {
		const previous = this.ends[this.next] ?? Promise.resolve(-Infinity);
		let ended!: (at: number) => void;
		this.ends[this.next] = new Promise<number>((resolve) => (ended = resolve));
		this.next = (this.next + 1) % this.limit;
		return { freeAt: previous.then((end) => end + WINDOW_MS), ended };
	}
}
