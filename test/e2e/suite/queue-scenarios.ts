import { majorOf } from '../harness/n8n-activate';
import { startN8n, type RunningN8n } from '../harness/n8n-server';
import { queueModeEnv, startN8nWorker, type RunningWorker } from '../harness/n8n-worker';
import { startRedis, type RunningRedis } from '../harness/redis';
import { answerItems, callWebhook, type WebhookAnswer } from '../harness/webhook';
import { hookTask, LINK_GAP_HOOK_PATH } from '../fixtures/webhook-workflows';
import type { ContextGetter } from './context';
import { SECRETS } from './production-scenarios';
import { delay, domainsOf, sorted } from './rows';
import { allDomains, intersectionTasks } from './sim-oracle';

const START_TIMEOUT_MS = 5 * 60_000;
/** The node's run-summary log line: printed by whichever process ran the node. */
const NODE_LOG = 'DataForSEO Domain Intersection:';
const QUERY = { competitors: 'majestic.com, spyfu.com', exclude: 'backlinko.com' };

async function outputMatch(output: () => string, pattern: RegExp, what: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const match = pattern.exec(output());
		if (match) return match[1];
		if (Date.now() > deadline) throw new Error(`${what} not logged:\n${output().slice(-3000)}`);
		await delay(200);
	}
}

/**
 * Queue mode: Redis, `n8n start` and one `n8n worker` with EXECUTIONS_MODE=queue, sharing the
 * user folder (SQLite) and encryption key. The webhook workflow was activated for production.
 */
export function queueScenarios(context: ContextGetter): void {
	describe('queue mode (Redis, n8n start + n8n worker)', () => {
		let redis: RunningRedis | undefined;
		let main: RunningN8n | undefined;
		let worker: RunningWorker | undefined;
		const call = (): Promise<WebhookAnswer> =>
			callWebhook(main?.url ?? '', LINK_GAP_HOOK_PATH, QUERY);

		beforeAll(async () => {
			redis = await startRedis();
			main = await startN8n(context().n8n, { env: queueModeEnv(redis.port), secrets: SECRETS });
		}, START_TIMEOUT_MS);

		afterAll(async () => {
			await worker?.stop();
			await main?.stop();
			await redis?.stop();
		});

		it('runs a webhook execution on the worker only and answers with its rows', async () => {
			const { n8n, liveSim } = context();
			const expected = await allDomains(liveSim, hookTask(QUERY));
			await liveSim.reset();

			// Called before any worker exists: the execution must wait in Redis, nothing is sent.
			let answered = false;
			const pending = call().finally(() => (answered = true));
			pending.catch(() => undefined);
			const logs = (): string => main?.recentOutput() ?? '';
			const id = await outputMatch(logs, /Enqueued execution (\d+)/, 'main: Enqueued execution');
			await delay(2000);
			expect({ answered, sent: intersectionTasks(await liveSim.log()) }).toEqual({
				answered: false,
				sent: [],
			});

			worker = await startN8nWorker(n8n, queueModeEnv(redis?.port ?? 0), SECRETS);
			const rows = answerItems(await pending);
			expect(sorted(domainsOf(rows))).toEqual(sorted(expected));
			expect(intersectionTasks(await liveSim.log()).length).toBeGreaterThan(0);
			expect(worker.recentOutput()).toContain(`Worker started execution ${id} `);
			expect(worker.recentOutput()).toContain(NODE_LOG);
			expect(logs()).not.toContain(NODE_LOG);
		});

		it('Only New on a worker: 1.x remembers the last run, 2.x workers get no static data', async () => {
			const { n8n, liveSim } = context();
			if (!worker) throw new Error('no worker was started (see the previous test)');
			const expected = await allDomains(liveSim, hookTask(QUERY));
			const rows = answerItems(await call());
			// n8n 2.x enqueues new executions without the workflow's static data (its execution
			// snapshot omits staticData and loadStaticData is false), so the worker starts from an
			// empty memory every time. The README tells users; this notices when n8n fixes it.
			const remembered = majorOf(n8n) < 2;
			expect(sorted(domainsOf(rows))).toEqual(remembered ? [] : sorted(expected));
		});
	});
}
