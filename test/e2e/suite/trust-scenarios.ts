import { executeOk, executeWorkflow } from '../harness/n8n-cli';
import { nodeHints, nodeJson } from '../harness/run-data';
import { DFS } from '../fixtures/node-workflows';
import {
	AT_LEAST_ALL,
	AT_LEAST_LIMIT,
	AT_LEAST_LIMITED,
	AT_LEAST_ORDER,
	atLeastOrderWorkflow,
	atLeastWorkflow,
	LIMIT_1000,
	LIMIT_1001,
	maxCostWorkflow,
	pagingWorkflow,
	threeRulesReturnAllWorkflow,
} from '../fixtures/trust-workflows';
import type { ContextGetter } from './context';
import { domainsOf } from './rows';
import { firstDomains, intersectionTasks, totalCount } from './sim-oracle';

type Row = Record<string, unknown>;

const withoutPaging = ({ offset: _o, limit: _l, ...task }: Row): Row => task;
const pagesOf = (tasks: readonly Row[]): string[] =>
	tasks.map((task) => `offset ${String(task.offset ?? 0)} limit ${String(task.limit)}`);

/** The test's own order for At Least: competitors linked desc, 1.backlinks desc (missing last), domain. */
function byCountThenBacklinks(a: Row, b: Row): number {
	const backlinks = (row: Row): number =>
		typeof row.competitor1_backlinks === 'number' ? row.competitor1_backlinks : -1;
	const domainA = String(a.referring_domain);
	const domainB = String(b.referring_domain);
	return (
		(b.intersections_count as number) - (a.intersections_count as number) ||
		backlinks(b) - backlinks(a) ||
		(domainA < domainB ? -1 : domainA > domainB ? 1 : 0)
	);
}

const compared = (rows: readonly Row[]): unknown[][] =>
	rows.map((row) => [row.referring_domain, row.intersections_count, row.competitor1_backlinks]);

/** Issue 9's paging, Max Cost and At Least points, each run with `n8n execute`. */
export function trustScenarios(context: ContextGetter): void {
	describe('results people can trust (issue 9)', () => {
		it('paging: Limit 1000 and 1001 give the same first 1,000 rows, one order on every request', async () => {
			const { n8n, sim } = context();
			const run = await executeOk(n8n, pagingWorkflow.id);
			const thousand = domainsOf(nodeJson(run, LIMIT_1000));
			const more = domainsOf(nodeJson(run, LIMIT_1001));
			const tasks = intersectionTasks(await sim.log());

			// Both nodes ran in one execution; which one asked first does not matter here.
			expect({ rows: [thousand.length, more.length], pages: pagesOf(tasks).sort() }).toEqual({
				rows: [1000, 1001],
				pages: ['offset 0 limit 1000', 'offset 0 limit 1000', 'offset 1000 limit 1'],
			});
			expect(more.slice(0, 1000)).toEqual(thousand);
			// Every row ties on the user's rule; the referring domain makes it one order on every page.
			const order = ['intersections_count,desc', '1.target,asc'];
			expect(tasks.map((task) => task.order_by)).toEqual([order, order, order]);
		});

		it('paging: Return All with three sort rules and no target rule is refused before sending', async () => {
			const { n8n, sim } = context();
			const result = await executeWorkflow(n8n, threeRulesReturnAllWorkflow.id);
			const error = result.run?.data.resultData.error;

			expect(result.ok).toBe(false);
			expect(error?.message).toMatch(/Sort \(JSON\).*rows that tie across pages could be lost/);
			expect(await sim.log()).toEqual([]);
		});

		it('Max Cost: a Return All cut gives the first 2,000 rows with no gap, buys no page it drops', async () => {
			const { n8n, sim } = context();
			const run = await executeOk(n8n, maxCostWorkflow.id);
			const rows = domainsOf(nodeJson(run, DFS));
			const tasks = intersectionTasks(await sim.log());
			expect(pagesOf(tasks)).toEqual(['offset 0 limit 1000', 'offset 1000 limit 1000']);
			expect(tasks[1].order_by).toEqual(tasks[0].order_by);

			// The same request asked straight from the simulator, in the order the node sent.
			const request = withoutPaging(tasks[0]);
			const total = await totalCount(sim, request);
			// The last page (offset 3000, under 166 rows) fits in the $0.025 left after two pages:
			// the page a cut used to buy and drop.
			expect(total).toBeGreaterThan(3000);
			expect(total).toBeLessThan(3166);
			expect(rows).toEqual(await firstDomains(sim, request, 2000));
			expect(nodeHints(run, DFS)).toContain(
				`after the first 2,000 of ${total.toLocaleString('en-US')} rows, with no gap`,
			);
		});

		it('At Least 2 of 4 with Limit 40: the top 40 of Return All, with exact counts', async () => {
			const { n8n } = context();
			const run = await executeOk(n8n, atLeastWorkflow.id);
			const all = nodeJson(run, AT_LEAST_ALL);
			expect(all.length).toBeGreaterThan(4 * AT_LEAST_LIMIT);
			const limited = nodeJson(run, AT_LEAST_LIMITED);

			const expected = [...all].sort(byCountThenBacklinks).slice(0, AT_LEAST_LIMIT);
			expect(compared(limited)).toEqual(compared(expected));
		});

		it('At Least 2 of 3: Limit, Max Results and Compact are the first rows of Return All (issue 18)', async () => {
			const { n8n } = context();
			const run = await executeOk(n8n, atLeastOrderWorkflow.id);
			const all = domainsOf(nodeJson(run, AT_LEAST_ORDER.all));
			const sortedAll = domainsOf(nodeJson(run, AT_LEAST_ORDER.sortedAll));
			expect(all.length).toBeGreaterThan(400);
			expect(domainsOf(nodeJson(run, AT_LEAST_ORDER.limited))).toEqual(all.slice(0, 10));
			expect(domainsOf(nodeJson(run, AT_LEAST_ORDER.sortedCapped))).toEqual(
				sortedAll.slice(0, 300),
			);
			const answer = String(nodeJson(run, AT_LEAST_ORDER.compact)[0].answer).split('\n');
			expect(answer[0]).toContain(
				'most competitors linked first, then by rank toward the first listed competitor each links to, highest first, then by domain A to Z.',
			);
			expect(answer.slice(1).map((line) => line.split(' | ')[0])).toEqual(all.slice(0, 5));
		});
	});
}
