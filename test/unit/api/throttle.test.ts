import { Pace } from '../../../nodes/DataForSeoDomainIntersection/api/pace';
import { StoppedError } from '../../../nodes/DataForSeoDomainIntersection/api/stop';
import {
	CancelledError,
	Throttle,
	type ThrottleClock,
} from '../../../nodes/DataForSeoDomainIntersection/api/throttle';

/** A clock whose sleeps are recorded and end when the test advances time: no real waiting. */
function fakeClock(): ThrottleClock & { sleeps: number[]; at: number } {
	const clock = {
		at: 0,
		sleeps: [] as number[],
		now: () => clock.at,
		sleep: async (ms: number) => {
			clock.sleeps.push(ms);
			clock.at += ms;
		},
	};
	return clock;
}

/** A call that stays open until its `release` is called. */
function gate() {
	let release!: () => void;
	const done = new Promise<void>((resolve) => (release = resolve));
	return { done, release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Throttle', () => {
	it('never runs more than `concurrency` calls at once', async () => {
		const throttle = new Throttle(3, 60_000, undefined, fakeClock());
		let inFlight = 0;
		let peak = 0;
		await Promise.all(
			Array.from({ length: 20 }, () =>
				throttle.run(async () => {
					peak = Math.max(peak, ++inFlight);
					await tick();
					inFlight--;
				}),
			),
		);
		expect(peak).toBe(3);
	});

	it('lets a burst of `concurrency` calls start, then keeps to the pace', async () => {
		const clock = fakeClock();
		const throttle = new Throttle(3, 1200, undefined, clock); // one start every 50 ms
		await Promise.all(Array.from({ length: 7 }, () => throttle.run(async () => undefined)));
		// Three start at once; each of the other four waits for its token.
		expect(clock.sleeps).toHaveLength(4);
		expect(clock.at).toBeCloseTo(4 * 50, 5);
	});

	it('halves the window once per burst of rate-limit answers', async () => {
		const throttle = new Throttle(20, 2000, undefined, fakeClock());
		const tickets: number[] = [];
		await Promise.all(
			Array.from({ length: 20 }, () => throttle.run(async (ticket) => tickets.push(ticket))),
		);
		// Twenty calls of one burst refused: one cut, not twenty.
		for (const ticket of tickets) throttle.refused(ticket);
		expect(throttle.pace.window).toBe(10);
		expect(throttle.requestsPerMinute).toBe(1000);
		// A call sent after the cut and refused before any such call was answered: a probe of an
		// account others still fill, not a new burst.
		let late = -1;
		await throttle.run(async (ticket) => (late = ticket));
		throttle.refused(late);
		expect(throttle.pace.window).toBe(10);
		// Once one sent after the cut is answered, the next refusal is a new burst.
		let answered = -1;
		await throttle.run(async (ticket) => (answered = ticket));
		throttle.succeeded(answered);
		expect(throttle.pace.window).toBe(11);
		await throttle.run(async (ticket) => (late = ticket));
		throttle.refused(late);
		expect(throttle.pace.window).toBe(5);
	});

	it('returns to the configured pace once the refusals stop', async () => {
		const throttle = new Throttle(20, 2000, undefined, fakeClock());
		// Ten bursts, each after an answer: down to the floor.
		for (let burst = 0; burst < 10; burst++) {
			let ticket = -1;
			await throttle.run(async (given) => (ticket = given));
			throttle.succeeded(ticket);
			await throttle.run(async (given) => (ticket = given));
			throttle.refused(ticket);
		}
		// Each cut halves what the answer before it gave back: one call, about 100 a minute.
		expect(throttle.pace.window).toBe(1);
		expect(throttle.requestsPerMinute).toBeLessThan(150);
		let successes = 0;
		while (throttle.requestsPerMinute < 2000) {
			await throttle.run(async (ticket) => throttle.succeeded(ticket));
			successes++;
			expect(successes).toBeLessThan(1000);
		}
		expect(throttle.pace.window).toBe(20);
		expect(throttle.requestsPerMinute).toBe(2000);
		// One more call in flight per answered call: from the floor to all 20 in 20 answers, so
		// the window doubles each round trip.
		expect(successes).toBeLessThanOrEqual(20);
		expect(successes).toBeGreaterThanOrEqual(19);
	});

	it('lets queued calls through when the window grows back', async () => {
		const throttle = new Throttle(2, 60_000, undefined, fakeClock());
		let ticket = -1;
		await throttle.run(async (given) => (ticket = given));
		throttle.refused(ticket);
		expect(throttle.pace.window).toBe(1);
		const open = gate();
		const first = throttle.run(() => open.done);
		let secondStarted = false;
		const second = throttle.run(async () => (secondStarted = true));
		await tick();
		expect(secondStarted).toBe(false);
		for (let i = 0; i < 4 && throttle.pace.window < 2; i++) throttle.succeeded(ticket + 1);
		await tick();
		expect(secondStarted).toBe(true);
		open.release();
		await Promise.all([first, second]);
	});

	it('cancels queued calls after stop()', async () => {
		const throttle = new Throttle(1, 60_000, undefined, fakeClock());
		const open = gate();
		const first = throttle.run(() => open.done);
		await tick();
		const queued = expect(throttle.run(async () => 'ran')).rejects.toBeInstanceOf(CancelledError);
		throttle.stop();
		open.release();
		await first;
		await queued;
	});

	it('ends queued calls and pace waits with StoppedError when the execution is stopped', async () => {
		const controller = new AbortController();
		// The real clock at one start a minute: the second call waits a minute for its token,
		// the third for a slot.
		const throttle = new Throttle(2, 1, controller.signal);
		const open = gate();
		const first = throttle.run(() => open.done);
		await tick();
		let sent = 0;
		const pacing = throttle.run(async () => sent++);
		const queued = throttle.run(async () => sent++);
		await tick();
		const started = Date.now();
		controller.abort();
		await expect(pacing).rejects.toBeInstanceOf(StoppedError);
		await expect(queued).rejects.toBeInstanceOf(StoppedError);
		open.release();
		await first;
		// Its pace wait would have been a minute; Stop ended it at once and it sent nothing.
		expect(sent).toBe(0);
		expect(Date.now() - started).toBeLessThan(30_000);
		await expect(throttle.run(async () => sent++)).rejects.toBeInstanceOf(StoppedError);
	});
});

describe('Pace', () => {
	it('never goes below one call in flight or above the configured values', () => {
		const pace = new Pace(5, 2000);
		pace.succeeded(pace.start());
		expect([pace.window, pace.currentRequestsPerMinute]).toEqual([5, 2000]);
		for (let i = 0; i < 20; i++) {
			pace.succeeded(pace.start());
			pace.refused(pace.start());
		}
		expect(pace.window).toBe(1);
		expect(pace.currentRequestsPerMinute).toBeGreaterThanOrEqual(Math.round(2000 / 64));
		// Refusals with no answer since the last cut do not cut again.
		const probed = new Pace(5, 2000);
		for (let i = 0; i < 20; i++) probed.refused(probed.start());
		expect(probed.window).toBe(2);
	});
});
