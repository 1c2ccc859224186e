/**
 * When the account is likely to have room again after it refused a call.
 *
 * Each of this execution's calls that is answered frees a place on the account, so a fixed
 * back-off is the wrong clock: it retries too early while the account is still full of this
 * execution's own calls (DataForSEO takes seconds, a refusal comes back at once), and too late
 * once they are answered. A call that is itself refused frees nothing.
 */
export class Room {
	/** Calls on the wire now. */
	private out = 0;
	private answered = 0;
	/** How long the last answered call took: about how long the account's other calls take. */
	private lastAnswerMs: number | undefined;
	private readonly waiting: Array<(answered: boolean) => void> = [];
	private closed = false;

	constructor(private readonly now: () => number) {}

	/** Calls answered so far; read it as a call is sent, and hand it to `afterRefusal`. */
	get answeredCalls(): number {
		return this.answered;
	}

	/** Calls sent and not yet back. */
	get onTheWire(): number {
		return this.out;
	}

	/** A call goes out; give the result to `back` when it ends. */
	sent(): number {
		this.out++;
		return this.now();
	}

	/** The call sent at `sentAt` ended, answered or not (refused, failed, aborted). */
	back(sentAt: number, answered: boolean): void {
		this.out--;
		if (answered) {
			this.answered++;
			this.lastAnswerMs = this.now() - sentAt;
		}
		if (answered || this.out === 0) this.waiting.splice(0).forEach((wake) => wake(answered));
	}

	/**
	 * The wait before retrying a refused call (`answeredBefore`: answeredCalls when it was sent).
	 * If one of this execution's calls was answered meanwhile, retry now; if some are still out,
	 * retry when one is answered; with none out, or none of them answered, the account is full of
	 * other executions' calls, which take about as long as this one's last answer did, so
	 * `backOff` gets that time as the least worth waiting. The retry then queues for the pace
	 * like any call.
	 */
	async afterRefusal(
		answeredBefore: number,
		backOff: (roomInMs?: number) => Promise<void>,
	): Promise<void> {
		if (this.answered > answeredBefore || this.closed) return;
		const answered =
			this.out > 0 && (await new Promise<boolean>((resolve) => this.waiting.push(resolve)));
		if (!answered && !this.closed) await backOff(this.lastAnswerMs);
	}

	/** Stop, or another item failed: nobody waits any more. */
	close(): void {
		this.closed = true;
		this.waiting.splice(0).forEach((wake) => wake(true));
	}
}
