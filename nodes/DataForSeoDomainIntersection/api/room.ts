/**
 * When the account is likely to have room again after it refused a call.
 *
 * Each of this execution's calls that is answered frees a place on the account, so a fixed
 * back-off is the wrong clock: it retries too early while the account is still full of this
 * execution's own calls (DataForSEO takes seconds, a refusal comes back at once), and too late
 * once they are answered. A call that is itself refused frees nothing.
 */
/**
 * The longest a refused call waits for one of the execution's own answers: the one it waits for
 * may be an unrelated slow request (DataForSEO can take a minute for a large one), while the
 * account may have room long before.
 */
export const ROOM_WAIT_MAX_MS = 3000;

export interface RoomClock {
	now(): number;
	/** Waits `ms`; may end early (rejecting) when `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class Room {
	/** Calls on the wire now. */
	private out = 0;
	private answered = 0;
	/** How long the last answered call took: about how long the account's other calls take. */
	private lastAnswerMs: number | undefined;
	private readonly waiting: Array<(answered: boolean) => void> = [];
	private closed = false;

	constructor(private readonly clock: RoomClock) {}

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
		return this.clock.now();
	}

	/** The call sent at `sentAt` ended, answered or not (refused, failed, aborted). */
	back(sentAt: number, answered: boolean): void {
		this.out--;
		if (answered) {
			this.answered++;
			this.lastAnswerMs = this.clock.now() - sentAt;
		}
		if (answered || this.out === 0) this.waiting.splice(0).forEach((wake) => wake(answered));
	}

	/**
	 * The wait before retrying a refused call (`answeredBefore`: answeredCalls when it was sent).
	 * If one of this execution's calls was answered meanwhile, retry now. If some are still out,
	 * retry when one is answered, or after about one answer's time (the last answer's, at most
	 * ROOM_WAIT_MAX_MS), whichever comes first. With none out, or none of them answered, the
	 * account is full of other executions' calls, which take about as long as this one's last
	 * answer did, so `backOff` gets that time as the least worth waiting. The retry then queues
	 * for the pace like any call.
	 */
	async afterRefusal(
		answeredBefore: number,
		backOff: (roomInMs?: number) => Promise<void>,
	): Promise<void> {
		if (this.answered > answeredBefore || this.closed) return;
		const answered = this.out > 0 && (await this.answerOrTime());
		if (!answered && !this.closed) await backOff(this.lastAnswerMs);
	}

	/** Stop, or another item failed: nobody waits any more. */
	close(): void {
		this.closed = true;
		this.waiting.splice(0).forEach((wake) => wake(true));
	}

	/** True once an answer came or the time is up; false when every call out was refused. */
	private async answerOrTime(): Promise<boolean> {
		const typical = Math.min(this.lastAnswerMs ?? ROOM_WAIT_MAX_MS, ROOM_WAIT_MAX_MS);
		let wake!: (answered: boolean) => void;
		const answer = new Promise<boolean>((resolve) => this.waiting.push((wake = resolve)));
		// Ended as soon as the wait is over, so that no timer outlives it.
		const timer = new AbortController();
		const late = this.clock.sleep(typical, timer.signal).then(
			() => true,
			() => true,
		);
		try {
			return await Promise.race([answer, late]);
		} finally {
			timer.abort();
			const index = this.waiting.indexOf(wake);
			if (index >= 0) this.waiting.splice(index, 1);
		}
	}
}
