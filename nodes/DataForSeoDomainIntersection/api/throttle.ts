import { Pace } from './pace';
import { Room } from './room';
import { sleepUnlessStopped, StoppedError } from './stop';
import { StartWindow } from './window';

/** Thrown to calls still queued after stop() without the execution's signal. */
export class CancelledError extends Error {
	constructor() {
		super('Cancelled because another item failed');
		this.name = 'CancelledError';
	}
}

export interface ThrottleClock {
	now(): number;
	/** Waits `ms`; rejects with StoppedError when the execution is stopped. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: ThrottleClock = { now: () => Date.now(), sleep: sleepUnlessStopped };

/**
 * Keeps one execution inside DataForSEO's limits: calls in flight within the pace's window (at
 * most `concurrency`), and call starts within its rate. The rate is a token bucket, so a burst of
 * up to the window can start at once; a StartWindow keeps the configured Requests per Minute a
 * ceiling over every minute, the first one included. Rate-limit answers shrink the window and
 * the rate, and successes grow them back (see Pace). On Stop, or once another item has failed
 * the execution, every queued call and every wait ends at once.
 */
export class Throttle {
	readonly pace: Pace;
	private inFlight = 0;
	private readonly waiting: Array<() => void> = [];
	/** When the account should have room again after a refusal. */
	readonly room: Room;
	private tokens: number;
	/** Requests per Minute as a ceiling over every minute, whatever the bucket allows. */
	private readonly minute: StartWindow;
	private refilledAt: number;
	private stopped = false;
	/** Rejects on stop(), so that a wait on another call (its place in the minute) ends too. */
	private readonly ending: Promise<never>;
	private endWaits!: (error: Error) => void;

	constructor(
		readonly concurrency: number,
		requestsPerMinute: number,
		private readonly signal?: AbortSignal,
		private readonly clock: ThrottleClock = realClock,
	) {
		this.pace = new Pace(concurrency, requestsPerMinute);
		this.room = new Room(clock);
		this.tokens = this.burst;
		this.minute = new StartWindow(requestsPerMinute);
		this.refilledAt = clock.now();
		this.ending = new Promise<never>((_, reject) => (this.endWaits = reject));
		this.ending.catch(() => undefined);
		signal?.addEventListener('abort', () => this.stop(), { once: true });
	}

	/** Calls holding a slot now (in flight, or waiting for the pace). */
	get active(): number {
		return this.inFlight;
	}

	get requestsPerMinute(): number {
		return this.pace.currentRequestsPerMinute;
	}

	/**
	 * Runs `call` when a slot is free and the pace allows; `call` gets its ticket for feedback, and
	 * resolves only for an answered call (it throws for a refused or failed one).
	 */
	async run<T>(call: (ticket: number) => Promise<T>): Promise<T> {
		await this.acquire();
		const place = this.minute.take();
		try {
			this.checkStopped();
			await this.wait(place.freeAt);
			this.checkStopped();
			const ticket = this.pace.start();
			const sentAt = this.room.sent();
			let answered = false;
			try {
				const value = await call(ticket);
				answered = true;
				return value;
			} finally {
				this.room.back(sentAt, answered);
			}
		} finally {
			place.ended(this.clock.now());
			this.release();
		}
	}

	now(): number {
		return this.clock.now();
	}

	/** A rate-limit answer to the call with `ticket`. */
	refused(ticket: number): void {
		if (!this.pace.refused(ticket)) return;
		this.tokens = Math.min(this.tokens, 1);
	}

	/** The call with `ticket` was answered. */
	succeeded(ticket: number): void {
		const before = this.pace.window;
		this.pace.succeeded(ticket);
		// A grown window lets queued calls through now rather than at the next release.
		for (let i = before; i < this.pace.window; i++) this.wakeOne();
	}

	/** Lets queued calls through at once so a failed execution stops quickly. */
	stop(): void {
		this.stopped = true;
		this.endWaits(this.signal?.aborted ? new StoppedError() : new CancelledError());
		this.waiting.splice(0).forEach((wake) => wake());
		this.room.close();
	}

	get isStopped(): boolean {
		return this.stopped;
	}

	private get burst(): number {
		return Math.min(this.pace.window, this.pace.requestsPerMinute);
	}

	private checkStopped(): void {
		if (this.signal?.aborted) throw new StoppedError();
		if (this.stopped) throw new CancelledError();
	}

	private async acquire(): Promise<void> {
		let first = true;
		while (this.inFlight >= this.pace.window && !this.stopped) {
			// A call woken but still over a shrunken window keeps its place at the front.
			await new Promise<void>((resolve) =>
				first ? this.waiting.push(resolve) : this.waiting.unshift(resolve),
			);
			first = false;
		}
		this.inFlight++;
	}

	private release(): void {
		this.inFlight--;
		this.wakeOne();
	}

	private wakeOne(): void {
		this.waiting.shift()?.();
	}

	/** Waits for this call's token, and for its place in the minute (`freeAt`). */
	private async wait(freeAt: Promise<number>): Promise<void> {
		const now = this.clock.now();
		const interval = this.pace.intervalMs;
		this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / interval);
		this.refilledAt = now;
		// Taking the token before sleeping reserves this call's place in line.
		this.tokens -= 1;
		const paced = now + Math.max(0, -this.tokens * interval);
		const start = Math.max(paced, await Promise.race([freeAt, this.ending]));
		const left = start - this.clock.now();
		if (left > 0) await this.clock.sleep(left, this.signal);
	}
}
