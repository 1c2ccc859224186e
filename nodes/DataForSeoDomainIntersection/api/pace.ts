/**
 * How much of the configured Concurrency and Requests per Minute one execution uses right now.
 *
 * DataForSEO's limits (30 calls at once, 2,000 a minute) belong to the account, and other
 * executions may be using it too, so a rate-limit answer means "the account is full", not "this
 * execution is too fast". The share is cut in half on such an answer (multiplicative decrease),
 * at most once per burst: answers to calls that were already on their way when it was cut are the
 * same burst. Each success then gives back about one call in flight per round trip (additive
 * increase), up to the configured values, which stay the hard cap.
 */
/** Down to one call in flight, and never below 1/64 of the configured rate. */
const FLOOR = 1 / 64;

export class Pace {
	/** Fraction of the configured values in use, from FLOOR to 1. */
	private share = 1;
	/** Calls numbered as they start; refusals of calls numbered below this belong to the last cut. */
	private started = 0;
	private burstEndsBelow = 0;

	constructor(
		readonly concurrency: number,
		readonly requestsPerMinute: number,
	) {}

	/** Calls allowed in flight now, 1 to `concurrency`. */
	get window(): number {
		return Math.max(
			1,
			Math.min(this.concurrency, Math.floor(this.share * this.concurrency + 1e-9)),
		);
	}

	/** Milliseconds between call starts at the current pace. */
	get intervalMs(): number {
		return 60_000 / (this.requestsPerMinute * this.share);
	}

	get currentRequestsPerMinute(): number {
		return Math.round(this.requestsPerMinute * this.share);
	}

	/** Numbers a call as it starts; hand the number back to `refused`. */
	start(): number {
		return this.started++;
	}

	/** A rate-limit answer to call `ticket`. True when it cut the pace. */
	refused(ticket: number): boolean {
		if (ticket < this.burstEndsBelow) return false;
		this.share = Math.max(FLOOR, this.share / 2);
		this.burstEndsBelow = this.started;
		return true;
	}

	/** A call got through: one more call in flight after about `window` successes. */
	succeeded(): void {
		if (this.share >= 1) return;
		this.share = Math.min(1, this.share + 1 / (this.concurrency * this.window));
	}
}
