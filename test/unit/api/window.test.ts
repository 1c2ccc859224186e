import {
	Throttle,
	type ThrottleClock,
} from '../../../nodes/DataForSeoDomainIntersection/api/throttle';
import { StartWindow, WINDOW_MS } from '../../../nodes/DataForSeoDomainIntersection/api/window';

/**
 * Virtual time: sleeps wait until the test's loop moves the clock to the earliest of them, once
 * everything else has run. Minutes of pacing take milliseconds, and parallel sleeps overlap as
 * real ones do.
 */
function virtualClock() {
	const timers: Array<{ at: number; wake: () => void }> = [];
	const clock: ThrottleClock & { at: number } = {
		at: 0,
		now: () => clock.at,
		sleep: (ms) => new Promise<void>((wake) => timers.push({ at: clock.at + ms, wake })),
	};
	async function runUntil(done: Promise<unknown>): Promise<void> {
		let finished = false;
		void done.finally(() => (finished = true));
		while (!finished) {
			await new Promise((resolve) => setImmediate(resolve));
			if (finished) break;
			if (timers.length === 0) throw new Error('stuck: nothing to wait for');
			timers.sort((a, b) => a.at - b.at);
			const next = timers.shift()!;
			clock.at = Math.max(clock.at, next.at);
			next.wake();
		}
		await done;
	}
	return { clock, runUntil };
}

/** Start times of `count` calls answered at once, through `throttle`. */
async function startTimes(throttle: Throttle, clock: ThrottleClock, count: number) {
	const starts: number[] = [];
	return {
		starts,
		all: Promise.all(
			Array.from({ length: count }, () => throttle.run(async () => void starts.push(clock.now()))),
		),
	};
}

/** The most starts within any `WINDOW - 1 ms` span: what a per-minute counter can see. */
function busiestMinute(starts: number[], windowMs = 60_000): number {
	const sorted = [...starts].sort((a, b) => a - b);
	let most = 0;
	for (let first = 0, last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

describe('Requests per Minute is a ceiling in every minute', () => {
	it('at the defaults (2,000 a minute, 30 at once): never more than 2,000 in any 60 s', async () => {
		const { clock, runUntil } = virtualClock();
		const throttle = new Throttle(30, 2000, undefined, clock);
		const { starts, all } = await startTimes(throttle, clock, 4500);
		await runUntil(all);
		// A full bucket plus the rate let 2,029 start in the first minute.
		expect(busiestMinute(starts)).toBeLessThanOrEqual(2000);
		// A ceiling, not a slower pace: the first 2,000 still start within the first minute.
		expect(starts[1999] - starts[0]).toBeLessThan(60_000);
	});

	it('at 30 a minute and Concurrency 10, the 31st starts a minute after the first', async () => {
		const { clock, runUntil } = virtualClock();
		const throttle = new Throttle(10, 30, undefined, clock);
		const { starts, all } = await startTimes(throttle, clock, 40);
		await runUntil(all);
		expect(busiestMinute(starts)).toBe(30);
		expect(starts[30] - starts[0]).toBeGreaterThanOrEqual(60_000);
		expect(starts[29] - starts[0]).toBeLessThan(60_000);
	});

	it('counts at the API, however late a request leaves or however long its answer takes', async () => {
		const { clock, runUntil } = virtualClock();
		const throttle = new Throttle(10, 30, undefined, clock);
		const arrivals: number[] = [];
		let calls = 0;
		const all = Promise.all(
			Array.from({ length: 70 }, () =>
				throttle.run(async () => {
					const call = calls++;
					// The first requests leave 3 s late (a loaded machine), some answers take 5 s.
					await clock.sleep(call < 10 ? 3000 : 0);
					arrivals.push(clock.now());
					await clock.sleep(call % 7 === 0 ? 5000 : 0);
				}),
			),
		);
		await runUntil(all);
		expect(busiestMinute(arrivals)).toBeLessThanOrEqual(30);
	});

	it('keeps the ceiling after a rate-limit cut, as the pace grows back', async () => {
		const { clock, runUntil } = virtualClock();
		const throttle = new Throttle(20, 600, undefined, clock);
		const starts: number[] = [];
		let calls = 0;
		const all = Promise.all(
			Array.from({ length: 1500 }, () =>
				throttle.run(async (ticket) => {
					starts.push(clock.now());
					// Every 100th call is refused: the pace is cut, then grows back with answers.
					if (++calls % 100 === 0) throttle.refused(ticket);
					else throttle.succeeded(ticket);
				}),
			),
		);
		await runUntil(all);
		expect(busiestMinute(starts)).toBeLessThanOrEqual(600);
	});
});

describe('StartWindow', () => {
	it('frees a place a window after the call that last held it has ended', async () => {
		const window = new StartWindow(2);
		const first = window.take();
		const second = window.take();
		expect(await first.freeAt).toBe(-Infinity);
		expect(await second.freeAt).toBe(-Infinity);
		// The third takes the first's place: free a window after the first ended, not started.
		const third = window.take();
		let freeAt: number | undefined;
		void third.freeAt.then((at) => (freeAt = at));
		await new Promise((resolve) => setImmediate(resolve));
		expect(freeAt).toBeUndefined();
		first.ended(7000);
		expect(await third.freeAt).toBe(7000 + WINDOW_MS);
	});
});
