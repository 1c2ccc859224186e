import { answerItems } from '../harness/webhook';
import { QUEUE_ONLY_NEW_PATH, QUEUE_QUERY, QUEUE_ROWS } from '../fixtures/queue-workflows';
import { hookTask } from '../fixtures/webhook-workflows';
import type { ContextGetter } from './context';
import { QUEUE_ONLY_NEW_ITEMS_PATH } from '../fixtures/only-new-workflows';
import { MCP_QUEUE_EXTRAS, mcpQueueScenario } from './mcp-queue-scenario';
import { onlyNewRecordScenarios } from './only-new-scenarios';
import { QueueDeployment, WORKER_NAMES } from './queue-deployment';
import { wonQueueScenario } from './queue-won-scenario';
import { delay, domainsOf, sorted } from './rows';
import { allDomains, intersectionTasks } from './sim-oracle';

const SETUP_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 10 * 60_000;
/** The node's run-summary log line: printed by whichever process ran the node. */
const NODE_LOG = 'DataForSEO Domain Intersection:';

/**
 * Queue mode as n8n documents it for scale: PostgreSQL, Redis, `n8n start` and two `n8n worker`s
 * (concurrency 1 each). Hold executions (an HTTP Request to the test's gate) keep a chosen worker
 * busy, so which worker runs what is decided by the test, not by timing.
 */
export function queueScenarios(context: ContextGetter, version: string): void {
	// n8n 2.x: the MCP Server Trigger workflow too (mcpQueueScenario).
	const withMcp = Number(version.split('.')[0]) >= 2;
	describe('queue mode on PostgreSQL (Redis, n8n start + two n8n workers)', () => {
		const deployment = new QueueDeployment();
		/** The worker running hold h1, and the hold executions still running. */
		let first = '';
		const holds = new Map<string, Awaited<ReturnType<QueueDeployment['hold']>>>();

		beforeAll(async () => {
			await deployment.startMain(context().n8n.spec, withMcp ? MCP_QUEUE_EXTRAS : undefined);
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			await deployment.stop();
		}, SETUP_TIMEOUT_MS);

		it('enqueues a production execution while no worker is up, and runs nothing', async () => {
			holds.set('h1', await deployment.hold('h1'));
			// An absence can only be watched for a while; if main ran it, the gate would see it.
			await delay(2000);
			expect(deployment.gate?.arrivals()).toEqual([]);
		});

		it(
			'two workers, each with its own install of the package, take executions one each',
			async () => {
				const gate = deployment.gate;
				if (!gate) throw new Error('no gate (see beforeAll)');
				await deployment.startWorkers();
				await gate.arrived('h1');
				const h1 = holds.get('h1')?.id ?? '';
				first = deployment.workersOf(h1)[0] ?? '';
				expect(deployment.workersOf(h1)).toHaveLength(1);

				// h1 keeps its worker busy: the next execution can only go to the other one.
				holds.set('h2', await deployment.hold('h2'));
				await gate.arrived('h2');
				const other = WORKER_NAMES.find((name) => name !== first);
				expect(deployment.workersOf(holds.get('h2')?.id ?? '')).toEqual([other]);
				expect(gate.arrivals()).toEqual(['h1', 'h2']);
				gate.release('h1');
				expect((await holds.get('h1')?.answer)?.status).toBe(200);
				holds.delete('h1');
			},
			TEST_TIMEOUT_MS,
		);

		it(
			`Only New remembers across production runs on either worker: ${QUEUE_ROWS}, 0, 0`,
			async () => {
				const { sim, gate, workers } = deployment;
				if (!sim || !gate || workers.length !== 2) throw new Error('deployment not up');
				const expected = await allDomains(sim, hookTask(QUEUE_QUERY));
				expect(expected).toHaveLength(QUEUE_ROWS);
				await sim.reset();
				const run = async (): Promise<{ domains: string[]; workers: string[] }> => {
					const known = deployment.enqueued().length;
					const answer = await deployment.call(QUEUE_ONLY_NEW_PATH, QUEUE_QUERY);
					const id = await deployment.nextEnqueued(known);
					return { domains: domainsOf(answerItems(answer)), workers: deployment.workersOf(id) };
				};
				const second = WORKER_NAMES.find((name) => name !== first) ?? '';

				// h2 still holds the second worker: run 1 goes to the first.
				const run1 = await run();
				// h3 takes the first worker, then h2 lets go of the second: run 2 goes there.
				holds.set('h3', await deployment.hold('h3'));
				await gate.arrived('h3');
				gate.release('h2');
				await holds.get('h2')?.answer;
				const run2 = await run();
				gate.release('h3');
				await holds.get('h3')?.answer;
				const run3 = await run();

				expect([run1.workers, run2.workers]).toEqual([[first], [second]]);
				expect(run3.workers).toHaveLength(1);
				for (const worker of workers) expect(worker.recentOutput()).toContain(NODE_LOG);
				expect(deployment.main?.recentOutput()).not.toContain(NODE_LOG);
				// Every run fetched the rows again (Only New filters the output only).
				expect(intersectionTasks(await sim.log())).toHaveLength(3);
				expect(sorted(run1.domains)).toEqual(sorted(expected));
				expect([run1, run2, run3].map((result) => result.domains.length)).toEqual([
					QUEUE_ROWS,
					0,
					0,
				]);
			},
			TEST_TIMEOUT_MS,
		);

		// Issue 18, points 1 and 2 on PostgreSQL, the store of n8n's queue mode, with the workers
		// running the executions. The queue simulator's graph is small: Limit 1 (16 rows a set).
		describe('Only New on PostgreSQL', () => {
			onlyNewRecordScenarios(
				() => {
					if (!deployment.sim) throw new Error('deployment not up');
					return deployment.sim;
				},
				() => (path, query) => deployment.call(path, query),
				{
					failing: ['moz.com, majestic.com', 'ahrefs.com, semrush.com'],
					racing: ['similarweb.com, searchenginejournal.com', 'moz.com, ahrefs.com'],
				},
				1,
				QUEUE_ONLY_NEW_ITEMS_PATH,
			);
		});

		wonQueueScenario(() => deployment);
		if (withMcp) mcpQueueScenario(() => deployment);
	});
}
