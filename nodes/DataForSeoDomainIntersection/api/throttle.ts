import { sleep } from 'n8n-workflow';

/** Thrown to calls still queued when another item has already failed the execution. */
export class CancelledError extends Error {
	constructor() {
		super('Cancelled because another item failed');
		this.name = 'CancelledError';
	}
}

/**
 * Keeps one execution inside DataForSEO's limits: at most `concurrency` calls in flight, and
 * call starts within `requestsPerMinute`. The pace is a token bucket, so a burst of up to
 * `concurrency` calls can start at once while the long-run rate stays within the limit. A
 * rate-limit answer halves the rate and stops bursts for the rest of the execution, because the
 * account's budget is shared by every item and page.
 */
export class Throttle {
	private inFlight = 0;
	private readonly waiting: Array<() => void> = [];
	private intervalMs: number;
	private burst: number;
	private tokens: number;
	private refilledAt = Date.now();
	private stopped = false;

	constructor(
		readonly concurrency: number,
		requestsPerMinute: number,
	) {
		this.intervalMs = 60_000 / requestsPerMinute;
		this.burst = Math.min(concurrency, requestsPerMinute);
		this.tokens = this.burst;
	}

	/** The pace now, which rate-limit answers may have lowered; the run hint reports it. */
	get requestsPerMinute(): number {
		return Math.round(60_000 / this.intervalMs);
	}

	/** Runs `call` when a slot is free and the pace allows. */
	async run<T>(call: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			if (this.stopped) throw new CancelledError();
			await this.pace();
			return await call();
		} finally {
			this.release();
		}
	}

	slowDown(): void {
		this.intervalMs = Math.min(this.intervalMs * 2, 60_000);
		this.burst = 1;
		this.tokens = Math.min(this.tokens, 1);
	}

	/** Lets queued calls through at once so a failed execution stops quickly. */
	stop(): void {
		this.stopped = true;
		this.waiting.splice(0).forEach((wake) => wake());
	}

	private async acquire(): Promise<void> {
		if (this.inFlight < this.concurrency || this.stopped) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.inFlight++;
	}

	private release(): void {
		this.inFlight--;
		this.waiting.shift()?.();
	}

	private async pace(): Promise<void> {
		const now = Date.now();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / this.intervalMs);
		this.refilledAt = now;
		// Taking the token before sleeping reserves this call's place in line.
		this.tokens -= 1;
		if (this.tokens < 0) await sleep(-this.tokens * this.intervalMs);
	}
}
