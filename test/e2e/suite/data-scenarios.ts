import { executeOk } from '../harness/n8n-cli';
import { nodeJson, nodeOutput } from '../harness/run-data';
import { readFileSync } from 'node:fs';

import {
	flatColumns,
	flattenItem,
} from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { DOCS_RESPONSE_PATH } from '../harness/docs-server';
import {
	COMPETITOR_SETS,
	DFS,
	DOCS_EXAMPLE_TASK,
	docsResponseWorkflow,
	linkGapWorkflow,
	multiItemWorkflow,
	RETURN_ALL_FILTER,
	returnAllWorkflow,
} from '../fixtures/node-workflows';
import type { ContextGetter } from './context';
import { intersectionTasks, totalCount } from './sim-oracle';

const PAGE_SIZE = 1000;

export function dataScenarios(context: ContextGetter): void {
	it('runs the docs link-gap example: 5 flat rows, one task as documented', async () => {
		const { n8n, sim } = context();
		const rows = nodeJson(await executeOk(n8n, linkGapWorkflow.id), DFS);

		expect(rows).toHaveLength(5);
		for (const row of rows) {
			// Key Metrics, the default of a node added today: no column that is the same on every
			// row (the run hint names competitor1 and competitor2).
			expect(Object.keys(row)).toEqual(flatColumns(2, 'key'));
			expect(row).not.toHaveProperty('competitor1');
			expect(row).not.toHaveProperty('intersections_count');
			expect(typeof row.referring_domain).toBe('string');
			expect(row.competitor1_backlinks).toEqual(expect.any(Number));
			expect(row.competitor2_backlinks).toEqual(expect.any(Number));
		}
		const backlinks = rows.map((row) => row.competitor1_backlinks as number);
		expect(backlinks).toEqual([...backlinks].sort((a, b) => b - a));

		const tasks = intersectionTasks(await sim.log());
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject(DOCS_EXAMPLE_TASK);
	});

	it("emits the docs' own example response as five flat items in 0.1.0's columns (a version 1 node)", async () => {
		const { n8n, docs } = context();
		docs.bodies.length = 0;
		const rows = nodeJson(await executeOk(n8n, docsResponseWorkflow.id), DFS);
		expect(docs.bodies).toEqual([[DOCS_EXAMPLE_TASK]]);
		const example = JSON.parse(readFileSync(DOCS_RESPONSE_PATH, 'utf8'));
		const items = example.tasks[0].result[0].items as ApiItem[];
		expect(rows).toEqual(
			items.map((item) => flattenItem(item, ['moz.com', 'ahrefs.com'], 'legacy')),
		);
		expect(rows[0]).toMatchObject({
			referring_domain: 'www.xroxy.com',
			target1_backlinks: 547189,
			target2_backlinks: 87,
			target1_referring_links_semantic_locations: '{"":488023}',
		});
	});

	it('Return All pages through every row once', async () => {
		const { n8n, sim } = context();
		const expected = await totalCount(sim, {
			targets: { '1': 'moz.com', '2': 'ahrefs.com' },
			exclude_targets: ['semrush.com'],
			filters: JSON.parse(RETURN_ALL_FILTER) as unknown,
			include_subdomains: false,
			exclude_internal_backlinks: true,
		});
		expect(expected).toBeGreaterThan(2 * PAGE_SIZE);
		await sim.reset();

		const rows = nodeJson(await executeOk(n8n, returnAllWorkflow.id), DFS);
		const tasks = intersectionTasks(await sim.log());
		// One comparison, so a failure shows every number plus the pages that were asked for.
		expect({
			rows: rows.length,
			distinctDomains: new Set(rows.map((row) => row.referring_domain)).size,
			requests: tasks.length,
			pages: tasks.map((task) => `offset ${String(task.offset)} limit ${String(task.limit)}`),
		}).toEqual({
			rows: expected,
			distinctDomains: expected,
			requests: Math.ceil(expected / PAGE_SIZE),
			pages: expect.any(Array),
		});
	});

	it('reads targets per input item from an expression and keeps the input order', async () => {
		const { n8n, sim } = context();
		const items = nodeOutput(await executeOk(n8n, multiItemWorkflow.id), DFS);

		expect(items).toHaveLength(COMPETITOR_SETS.length * 3);
		items.forEach((item, index) => {
			const input = Math.floor(index / 3);
			expect(item.pairedItem).toEqual({ item: input });
			expect(item.json).toMatchObject({
				competitor1: COMPETITOR_SETS[input][0],
				competitor2: COMPETITOR_SETS[input][1],
			});
		});
		const sent = intersectionTasks(await sim.log()).map((task) => task.targets);
		expect(sent).toHaveLength(3);
		expect(sent).toEqual(
			expect.arrayContaining(
				COMPETITOR_SETS.map(([first, second]) => ({ '1': first, '2': second })),
			),
		);
	});
}
