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

/**
 * Counts the abort listeners each signal holds at once while `body` runs. Node writes a "possible
 * memory leak" warning to n8n's log past 10 on one signal (jest's sandbox does not pass that
 * warning on, so the listeners themselves are counted).
 */
async function mostAbortListeners(body: () => Promise<unknown>): Promise<number> {
	let proto = Object.getPrototypeOf(new AbortController().signal) as EventTarget | null;
	while (proto && !Object.prototype.hasOwnProperty.call(proto, 'addEventListener'))
		proto = Object.getPrototypeOf(proto) as EventTarget | null;
	if (!proto) throw new Error('no EventTarget prototype');
	const target = proto;
	const { addEventListener: add, removeEventListener: remove } = target;
	const live = new Map<EventTarget, number>();
	let most = 0;
	type Args = Parameters<EventTarget['addEventListener']>;
	target.addEventListener = function (this: EventTarget, ...args: Args) {
		if (args[0] === 'abort' && this instanceof AbortSignal) {
			const count = (live.get(this) ?? 0) + 1;
			live.set(this, count);
			most = Math.max(most, count);
		}
		return add.apply(this, args);
	};
	target.removeEventListener = function (this: EventTarget, ...args: Args) {
		if (args[0] === 'abort' && this instanceof AbortSignal)
			live.set(this, Math.max(0, (live.get(this) ?? 0) - 1));
		return remove.apply(this, args);
	};
	try {
		await body();
	} finally {
		target.addEventListener = add;
		target.removeEventListener = remove;
	}
	return most;
}

describe('Concurrency 30', () => {
	it("keeps at most a few listeners on any one abort signal, so n8n's log gets no leak warning", async () => {
		sim.setLatency(100);
		try {
			const most = await mostAbortListeners(async () => {
				// 20 items: 20 first pages in flight at once.
				const result = await runNode({
					baseUrl: sim.url,
					input: Array.from({ length: 20 }, () => ({ competitors: 'moz.com, ahrefs.com' })),
					parameters: {
						targets: '={{ $json.competitors }}',
						limit: 10,
						options: { concurrency: 30, maxRetries: 0 },
					},
				});
				expect(result.error).toBeUndefined();
			});
			expect(sim.stats().peakInFlight).toBeGreaterThan(10);
			expect(most).toBeLessThanOrEqual(10);
		} finally {
			sim.setLatency(0);
		}
	});
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
