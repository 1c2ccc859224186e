// Stop (n8n's cancel signal) through n8n-core's engine: requests in flight are aborted, nothing
// more is sent, a back-off pause ends at once, and the node's promise settles within 1 s. The
// simulator holds answers, so "mid-way" is a state the test waits for, not a moment in time.
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ graphSize: 20_000 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const posts = () => sim.log.filter((entry) => entry.path === LIVE);

/** Resolves once `condition` holds (polled); the deadline is only a safety net. */
async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not reached');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const returnAll = (options: INodeParameters) => ({
	targets: 'moz.com, ahrefs.com',
	returnAll: true,
	maxResults: 0,
	options,
});

describe('Stop', () => {
	it('aborts the requests in flight, sends no more, and the node settles within 1 s', async () => {
		sim.hold({ inFlight: 1_000_000 }); // every page after the first waits until released
		const result = await runNode({
			baseUrl: sim.url,
			parameters: returnAll({ concurrency: 3, maxRetries: 5, retryDelay: 60_000 }),
			cancelWhen: until(() => sim.stats().held === 3),
		});
		const cancelledAt = result.cancelledAt ?? 0;
		expect(result.status).toBe('canceled');
		expect(result.settledAt - cancelledAt).toBeLessThan(1000);
		const log = posts();
		expect(log).toHaveLength(4);
		// The simulator sees each cut connection close a moment after the client dropped it.
		await until(() => log.every((entry) => entry.endedAt > 0));
		expect(log.filter((entry) => entry.startedAt > cancelledAt)).toEqual([]);
		expect(log.slice(1).map((entry) => entry.aborted)).toEqual([true, true, true]);
		const lines = result.logs.map((entry) => entry.message);
		expect(lines).toContain(
			'DataForSEO Domain Intersection: Stop received, ending 3 request(s) in flight',
		);
		expect(lines.some((line) => line.startsWith('DataForSEO Domain Intersection: stopped: '))).toBe(
			true,
		);
		expect(result.error?.message).toMatch(/canceled/);
	});

	it('ends a back-off pause at once and never retries', async () => {
		// The first page fails with HTTP 500; its retry would wait 15 to 30 s.
		sim.failNext({ http: 500 });
		const result = await runNode({
			baseUrl: sim.url,
			parameters: returnAll({ concurrency: 1, maxRetries: 5, retryDelay: 60_000 }),
			cancelWhen: until(() => posts()[0]?.httpStatus === 500),
		});
		expect(result.status).toBe('canceled');
		expect(result.settledAt - (result.cancelledAt ?? 0)).toBeLessThan(1000);
		expect(posts()).toHaveLength(1);
	});
});
