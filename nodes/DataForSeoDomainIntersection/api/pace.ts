/**
 * How much of the configured Concurrency and Requests per Minute one execution uses right now.
 *
 * DataForSEO's limits (30 calls at once, 2,000 a minute) belong to the account, and other
 * executions may be using it too, so a rate-limit answer means "the account is full", not "this
 * execution is too fast". The share is cut in half on such an answer (multiplicative decrease),
 * at most once per burst: answers to calls that were already on their way when it was cut are the
 * same burst, and so are refusals before any call sent after the cut is answered. Each answered
 * call then gives back one call in flight, so the share doubles with each round trip, up to the
 * configured values, which stay the hard cap. A slower, additive climb (one call per round trip)
 * is what TCP does, but here it left an execution that had been cut to its floor while two others
 * filled the account crawling long after they had finished; a refusal costs nothing, and the
 * next one halves the share again.
 */
/** Down to one call in flight, and never below 1/64 of the configured rate. */
const FLOOR = 1 / 64;

export class Pace {
	/** Fraction of the configured values in use, from FLOOR to 1. */
	private share = 1;
	/** Calls numbered as they start; refusals of calls numbered below this belong to the last cut. */
	private started = 0;
	private burstEndsBelow = 0;
	/** Whether a call sent since the last cut has been answered. */
	private answeredSinceCut = true;

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

	/**
	 * A rate-limit answer to call `ticket`. True when it cut the pace. Until a call sent after a
	 * cut is answered, more refusals say nothing new: the calls after the cut were this
	 * execution's retries probing an account that other executions still fill, and cutting
	 * again for each probe only left it crawling once they had finished.
	 */
	refused(ticket: number): boolean {
		if (ticket < this.burstEndsBelow || !this.answeredSinceCut) return false;
		this.share = Math.max(FLOOR, this.share / 2);
		this.burstEndsBelow = this.started;
		this.answeredSinceCut = false;
		return true;
	}

	/** Call `ticket` got through: one more call in flight. */
	succeeded(ticket: number): void {
		if (ticket >= this.burstEndsBelow) this.answeredSinceCut = true;
		if (this.share >= 1) return;
		this.share = Math.min(1, this.share + 1 / this.concurrency);
	}
}
