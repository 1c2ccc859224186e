import { CancelledError, Throttle } from '../../../nodes/DataForSeoDomainIntersection/api/throttle';

describe('Throttle', () => {
	it('never runs more than `concurrency` calls at once', async () => {
		const throttle = new Throttle(3, 60_000);
		let inFlight = 0;
		let peak = 0;
		await Promise.all(
			Array.from({ length: 20 }, () =>
				throttle.run(async () => {
					peak = Math.max(peak, ++inFlight);
					await new Promise((resolve) => setTimeout(resolve, 15));
					inFlight--;
				}),
			),
		);
		expect(peak).toBe(3);
	});

	it('lets a burst of `concurrency` calls start, then keeps to the pace', async () => {
		const throttle = new Throttle(3, 1200); // one start every 50 ms after a burst of 3
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 7 }, () => throttle.run(async () => starts.push(Date.now()))),
		);
		expect(starts[2] - starts[0]).toBeLessThan(40);
		// Four more starts after the burst need four refills of 50 ms.
		expect(starts[6] - starts[0]).toBeGreaterThanOrEqual(190);
	});

	it('stops bursting after a rate limit', async () => {
		const throttle = new Throttle(5, 1200);
		throttle.slowDown(); // one start every 100 ms, no burst
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 3 }, () => throttle.run(async () => starts.push(Date.now()))),
		);
		expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(190);
	});

	it('halves the pace on slowDown, down to one a minute', () => {
		const throttle = new Throttle(5, 2000);
		throttle.slowDown();
		expect(throttle.requestsPerMinute).toBe(1000);
		for (let i = 0; i < 20; i++) throttle.slowDown();
		expect(throttle.requestsPerMinute).toBe(1);
	});

	it('cancels queued calls after stop()', async () => {
		const throttle = new Throttle(1, 60_000);
		let release!: () => void;
		const first = throttle.run(() => new Promise<void>((resolve) => (release = resolve)));
		await new Promise((resolve) => setImmediate(resolve));
		const queued = expect(throttle.run(async () => 'ran')).rejects.toBeInstanceOf(CancelledError);
		throttle.stop();
		release();
		await first;
		await queued;
	});
});
