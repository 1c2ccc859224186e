import { executeOk, executeWorkflow } from '../harness/n8n-cli';
import { nodeJson } from '../harness/run-data';
import type { SimLogEntry } from '../harness/simulator';
import { DFS } from '../fixtures/node-workflows';
import {
	failFastWorkflow,
	PACED_ITEMS,
	PACED_PER_MINUTE,
	pacedWorkflow,
} from '../fixtures/run-control-workflows';
import type { ContextGetter } from './context';

const ENDPOINT = '/v3/backlinks/domain_intersection/live';
const INVALID = { taskCode: 40501, message: "Invalid Field: 'filters'." };

const posts = (log: readonly SimLogEntry[]) =>
	log
		.filter((entry) => entry.method === 'POST' && entry.path === ENDPOINT)
		.sort((a, b) => a.startedAt - b.startedAt);

/** Issue 19: Requests per Minute as a ceiling, and the first failure ending the run at once. */
export function runControlScenarios(context: ContextGetter): void {
	it(`keeps to ${PACED_PER_MINUTE} requests in every minute from the first, by the simulator's clock`, async () => {
		const { n8n, sim } = context();
		const rows = nodeJson(await executeOk(n8n, pacedWorkflow.id), DFS);
		expect(rows).toHaveLength(PACED_ITEMS);

		const starts = posts(await sim.log()).map((entry) => entry.startedAt);
		expect(starts).toHaveLength(PACED_ITEMS);
		// Any 60 s window holds at most 30 starts: each start is a minute after the 30th before it.
		const gaps = starts.slice(PACED_PER_MINUTE).map((start, i) => start - starts[i]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60_000);
		// A ceiling, not a slower pace: the first 30 start within the first minute.
		expect(starts[PACED_PER_MINUTE - 1] - starts[0]).toBeLessThan(60_000);
		process.stdout.write(
			`[e2e] ${PACED_PER_MINUTE}/min: 30th start at +${starts[PACED_PER_MINUTE - 1] - starts[0]} ms, 31st at +${starts[PACED_PER_MINUTE] - starts[0]} ms, shortest 30-apart gap ${Math.min(...gaps)} ms\n`,
		);
	});

	it('ends the other item at once when one fails: its held request is aborted', async () => {
		const { n8n, sim } = context();
		await sim.hold({ inFlight: 1_000_000 });
		// The held request takes whichever failure it draws; the other one fails.
		await sim.fail([INVALID, INVALID]);
		// The failing answer comes after the held request has arrived: it is then in flight.
		await sim.setLatency(300);
		try {
			const result = await executeWorkflow(n8n, failFastWorkflow.id);
			expect(result.ok).toBe(false);
			const error = result.run?.data.resultData.error;
			expect(error?.message).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
			expect(error?.description).toContain('1 other request still running were aborted');

			const log = posts(await sim.log());
			expect(log).toHaveLength(2);
			const failed = log.find((entry) => entry.taskStatusCode === 40501);
			const held = log.find((entry) => entry !== failed);
			expect(held?.aborted).toBe(true);
			// Without the fix it stayed open until its 8 s Timeout.
			const cutAfter = (held?.endedAt ?? Infinity) - (failed?.endedAt ?? 0);
			expect(cutAfter).toBeLessThan(1000);
			process.stdout.write(
				`[e2e] fail fast: held request aborted ${cutAfter} ms after the failure\n`,
			);
		} finally {
			await sim.setLatency(0);
		}
	});
}
