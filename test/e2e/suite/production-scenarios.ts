import { startN8n, type RunningN8n } from '../harness/n8n-server';
import { readKnownTypes, unknownTypes, type WorkflowLike } from '../harness/node-types';
import { SIM_PASSWORD } from '../harness/simulator';
import { answerItems, callWebhook } from '../harness/webhook';
import { CREDENTIAL_TYPE, NODE_TYPE, WRONG_PASSWORD } from '../fixtures/dataforseo';
import { readExamples } from '../fixtures/examples';
import { hookTask, LINK_GAP_HOOK_PATH } from '../fixtures/webhook-workflows';
import type { ContextGetter } from './context';
import { domainsOf, sorted } from './rows';
import { added, allDomains, intersectionTasks } from './sim-oracle';
import { onlyNewLimitScenario } from './trust-production-scenarios';
import { onlyNewRecordScenarios } from './only-new-scenarios';

const START_TIMEOUT_MS = 5 * 60_000;
export const SECRETS = [SIM_PASSWORD, WRONG_PASSWORD];

/** A workflow the type check must reject: a made-up node type and a made-up version. */
const MADE_UP: WorkflowLike = {
	nodes: [
		{ name: 'Made Up', type: 'n8n-nodes-base.e2eMadeUpNode', typeVersion: 1 },
		{ name: 'Sheets v99', type: 'n8n-nodes-base.googleSheets', typeVersion: 99 },
		{ name: 'DFS', type: NODE_TYPE, typeVersion: 1, credentials: { e2eMadeUpApi: {} } },
	],
};

/** `n8n start` in regular mode; the suite activated the webhook workflow: production executions. */
export function productionScenarios(context: ContextGetter): void {
	describe('n8n start (regular mode, production webhook)', () => {
		let server: RunningN8n | undefined;
		let startedAt = 0;

		beforeAll(async () => {
			startedAt = Date.now() - 1000;
			server = await startN8n(context().n8n, { secrets: SECRETS });
		}, START_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
		});

		it('knows every node type, version and credential type the examples use', async () => {
			const known = await readKnownTypes(context().n8n.userFolder, startedAt);
			// Version 3 for new nodes; 1 and 2 for workflows saved with earlier releases.
			expect(known.nodes.get(NODE_TYPE)).toEqual(new Set([1, 2, 3]));
			expect(known.credentials.has(CREDENTIAL_TYPE)).toBe(true);
			expect(unknownTypes(MADE_UP, known)).toEqual([
				'node "Made Up": unknown type n8n-nodes-base.e2eMadeUpNode',
				'node "Sheets v99": n8n-nodes-base.googleSheets has no version 99',
				'node "DFS": unknown credential type e2eMadeUpApi',
			]);
			const problems = readExamples().map(({ key, workflow }) => ({
				key,
				unknown: unknownTypes(workflow, known),
			}));
			expect(problems).toEqual(readExamples().map(({ key }) => ({ key, unknown: [] })));
		});

		it('Only New across production executions: all rows, then only new domains, then none', async () => {
			const { liveSim } = context();
			const query = { competitors: 'moz.com, ahrefs.com', exclude: 'semrush.com' };
			const before = await allDomains(liveSim, hookTask(query));
			await liveSim.reset();
			const call = async (): Promise<string[]> =>
				domainsOf(answerItems(await callWebhook(server?.url ?? '', LINK_GAP_HOOK_PATH, query)));

			expect(sorted(await call())).toEqual(sorted(before));
			await liveSim.grow(300);
			const after = await allDomains(liveSim, hookTask(query));
			const fresh = added(before, after);
			expect(fresh.length).toBeGreaterThan(0);
			await liveSim.reset();
			expect(sorted(await call())).toEqual(sorted(fresh));
			expect(await call()).toEqual([]);

			// Both calls still fetched (and paid for) every row: Only New filters the output only.
			const pages = Math.ceil(after.length / 1000);
			expect(intersectionTasks(await liveSim.log())).toHaveLength(2 * pages);
		});

		onlyNewLimitScenario(context, () => server);
		onlyNewRecordScenarios(
			() => context().liveSim,
			() => (path, query) => callWebhook(server?.url ?? '', path, query),
			{
				failing: ['moz.com, ahrefs.com', 'majestic.com, semrush.com'],
				racing: ['similarweb.com, searchenginejournal.com', 'ahrefs.com, majestic.com'],
			},
			5,
		);
	});
}
