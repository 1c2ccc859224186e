// Run control through n8n-core's engine (issue 19). The first failure ends the whole execution
// at once: the other items' requests in flight are aborted, their back-off and rate-limit waits
// end, and the error the user sees is that failure. The simulator holds answers and hands out
// scripted failures in arrival order; each scenario reads the same whichever item's request
// arrives first, so it does not depend on the order the two requests reach it. And a request
// refused for the rate limit is retried without waiting for an unrelated slow one.
import type { INodeParameters } from 'n8n-workflow';

import { ProcessedDataStore } from './harness';
import { startSimulator, type LoggedRequest, type Simulator } from '../simulator';
import { json, runNode, type NodeRun } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
const INVALID = { taskCode: 40501, message: "Invalid Field: 'filters'." };
let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ graphSize: 20_000 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	// The failing answer comes after the other item's request has arrived: it is then in flight.
	sim.setLatency(300);
});

const posts = () => sim.log.filter((entry) => entry.path === LIVE);

/** Resolves once `condition` holds (polled); the deadline is only a safety net. */
async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not reached');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** The answer that failed the run: its end is when the node learnt of it. */
function invalidAnswer(): LoggedRequest {
	const found = posts().find((entry) => entry.taskStatusCode === 40501);
	if (!found) throw new Error('no 40501 answer in the log');
	return found;
}

/** One request per item (Limit 10); `offset` 5 puts an item's request behind the answer gate. */
function twoItems(options: INodeParameters, offsets = [0, 5]): Omit<NodeRun, 'baseUrl'> {
	return {
		parameters: {
			targets: 'moz.com, ahrefs.com',
			limit: 10,
			options: { offset: '={{ $json.offset }}', ...options },
		},
		input: offsets.map((offset) => ({ offset })),
	};
}

/** Settings of the report: without the fix the error came after 10.7 s. */
const SLOW = { timeout: 8000, retryDelay: 3000, maxRetries: 2 };

describe('a failing item ends the others at once', () => {
	it('aborts the request held for another item and shows the failure within 1 s', async () => {
		sim.hold({ inFlight: 1_000_000 }); // the offset-5 request waits until aborted
		// The held request takes whichever failure it draws with it; the other one fails at once.
		sim.failNext(INVALID, INVALID);
		const result = await runNode({ baseUrl: sim.url, ...twoItems(SLOW) });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
		expect(result.settledAt - invalidAnswer().endedAt).toBeLessThan(1000);
		const log = posts();
		expect(log).toHaveLength(2);
		const held = log.find((entry) => entry !== invalidAnswer());
		await until(() => held?.endedAt !== 0);
		expect(held?.aborted).toBe(true);
		// Honest about what it cost: the aborted request may have been charged.
		expect(result.error?.description).toContain(
			'The run ended at once: 1 other request still running were aborted',
		);
		const lines = result.logs.map((entry) => entry.message);
		expect(lines.some((line) => line.startsWith('DataForSEO Domain Intersection: failed: '))).toBe(
			true,
		);
	});

	it('with Continue On Fail, the failing item becomes an error item and the other goes on', async () => {
		// Whichever request arrives first fails; the other is answered.
		sim.failNext(INVALID);
		const result = await runNode({
			baseUrl: sim.url,
			...twoItems(SLOW, [0, 0]),
			onError: 'continueRegularOutput',
		});

		expect(result.status).toBe('success');
		const rows = json(result);
		const errors = rows.filter((row) => 'error' in row);
		expect(errors).toHaveLength(1);
		expect(String(errors[0].error)).toContain('40501');
		expect(rows.filter((row) => typeof row.referring_domain === 'string')).toHaveLength(10);
		expect(posts().map((entry) => entry.aborted)).toEqual([false, false]);
	});

	it("ends another item's back-off pause at once, and never retries it", async () => {
		// One request gets HTTP 500 and would wait 30 to 60 s before its retry; the other fails.
		sim.failNext({ http: 500 }, INVALID);
		const result = await runNode({
			baseUrl: sim.url,
			...twoItems({ ...SLOW, retryDelay: 60_000 }, [0, 0]),
		});

		expect(result.error?.message).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
		expect(result.settledAt - invalidAnswer().endedAt).toBeLessThan(1000);
		expect(posts()).toHaveLength(2);
	});

	it("ends another item's rate-limit wait at once, and never retries it", async () => {
		// One request is refused for the rate limit and waits for room; the other fails.
		sim.failNext({ envelopeCode: 40202 }, INVALID);
		const result = await runNode({
			baseUrl: sim.url,
			...twoItems({ timeout: 120_000, retryDelay: 60_000, maxRetries: 2 }, [0, 0]),
		});

		expect(result.error?.message).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
		expect(result.settledAt - invalidAnswer().endedAt).toBeLessThan(1000);
		expect(posts()).toHaveLength(2);
	});

	it('with Only New, fails at once and remembers nothing of the aborted item', async () => {
		sim.hold({ inFlight: 1_000_000 });
		sim.failNext(INVALID, INVALID);
		const processedData = new ProcessedDataStore();
		const result = await runNode({
			baseUrl: sim.url,
			...twoItems({ ...SLOW, onlyNew: true }),
			mode: 'trigger',
			processedData,
		});

		expect(result.error?.message).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
		expect(result.settledAt - invalidAnswer().endedAt).toBeLessThan(1000);
		expect(processedData.size()).toBe(0);
	});
});

describe('a request refused for the rate limit', () => {
	it('is retried within a few seconds while another request of the run is held', async () => {
		sim.hold({ inFlight: 1_000_000 }); // the offset-5 request waits until released
		// The held request takes whichever refusal it draws with it; the other is refused at once.
		sim.failNext({ envelopeCode: 40202 }, { envelopeCode: 40202 });
		// Released once the refused request's retry has been answered, not before.
		void until(
			() => posts().filter((entry) => entry.statusCode === 20000 && entry.endedAt > 0).length > 0,
		).then(() => sim.release());
		const result = await runNode({
			baseUrl: sim.url,
			...twoItems({ timeout: 20_000, retryDelay: 1000, maxRetries: 2 }),
		});

		expect(result.status).toBe('success');
		expect(json(result)).toHaveLength(20);
		const log = posts();
		// The first refusal to come back (the held request may draw the other one).
		const [refusal] = log
			.filter((entry) => entry.statusCode === 40202)
			.sort((a, b) => a.endedAt - b.endedAt);
		const retry = log.find((entry) => entry.startedAt > refusal.endedAt);
		expect(retry?.body).toEqual(refusal.body);
		// Without the fix it waited for the held request: until it was released or timed out.
		expect((retry?.startedAt ?? Infinity) - refusal.endedAt).toBeLessThan(5000);
	});
});
