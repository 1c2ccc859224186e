import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

import { executeOk, runN8nCli } from '../harness/n8n-cli';
import { tail } from '../harness/proc';
import { nodeJson, nodeOutput } from '../harness/run-data';
import {
	dfsNodeName,
	exampleByKey,
	exampleId,
	readExamples,
	SHEET_ROWS,
} from '../fixtures/examples';
import type { ContextGetter } from './context';
import { exampleStateScenarios } from './examples-state-scenarios';
import { exampleWonScenario } from './examples-won-scenario';
import { domainsOf, isNonIncreasing, sharedColumns } from './rows';
import { allDomains, intersectionTasks, totalCount } from './sim-oracle';
import { flatColumns } from '../../../nodes/DataForSeoDomainIntersection/output/flatten';

const list = (text: string): string[] =>
	text
		.split(/[\n,]/)
		.map((part) => part.trim())
		.filter(Boolean);

/**
 * examples/*.json: imported as shipped, then their DataForSEO part run against the simulator
 * (runnableExample: simulator credential, known domains, Manual Trigger, Sheets read as a fixture,
 * no writes to Sheets or Slack). The node-type check needs `n8n start`: production-scenarios.
 */
export function examplesScenarios(context: ContextGetter): void {
	describe('examples/*.json', () => {
		it('imports every example file unchanged with `n8n import:workflow --separate`', async () => {
			const { n8n } = context();
			const examples = readExamples();
			const dir = join(n8n.userFolder, 'examples-as-shipped');
			mkdirSync(dir, { recursive: true });
			for (const { file } of examples) copyFileSync(file, join(dir, basename(file)));
			const result = await runN8nCli(n8n, ['import:workflow', '--separate', `--input=${dir}`]);
			expect({ code: result.code, output: tail(`${result.stdout}\n${result.stderr}`, 3) }).toEqual({
				code: 0,
				output: expect.stringContaining(`Successfully imported ${examples.length} workflows`),
			});
		});

		it('link-gap-to-google-sheets: top 1,000 by rank, flat columns, within Max Cost', async () => {
			const { n8n, liveSim } = context();
			const example = exampleByKey('link-gap-to-google-sheets');
			const task = {
				targets: { '1': 'moz.com', '2': 'ahrefs.com' },
				exclude_targets: ['semrush.com'],
			};
			const expected = new Set(await allDomains(liveSim, task));
			await liveSim.reset();

			const rows = nodeJson(await executeOk(n8n, exampleId(example)), dfsNodeName(example));
			expect(expected.size).toBeGreaterThan(1000);
			expect(rows).toHaveLength(1000);
			expect(new Set(domainsOf(rows)).size).toBe(rows.length);
			expect(domainsOf(rows).filter((domain) => !expected.has(domain))).toEqual([]);
			expect(isNonIncreasing(rows, 'competitor1_rank')).toBe(true);
			// Key Metrics, the default: the same columns on every row, in the same order.
			expect(Object.keys(rows[0])).toEqual(flatColumns(2, 'key'));
			expect(sharedColumns(rows)).toEqual([...flatColumns(2, 'key')].sort());
			expect(rows[0]).not.toHaveProperty('competitor1');

			const log = await liveSim.log();
			expect(intersectionTasks(log)).toEqual([
				expect.objectContaining({
					...task,
					limit: 1000,
					order_by: ['1.rank,desc', '1.target,asc'],
				}),
			]);
			expect(log.reduce((sum, entry) => sum + entry.cost, 0)).toBeLessThanOrEqual(0.5);
		});

		it('competitor-sets-from-sheet: one request series per sheet row, paired to it, with its client', async () => {
			const { n8n, liveSim } = context();
			const example = exampleByKey('competitor-sets-from-sheet');
			const sets = SHEET_ROWS.map((row) => {
				const competitors = list(String(row.competitors));
				const targets = Object.fromEntries(competitors.map((t, i) => [String(i + 1), t]));
				return { competitors, task: { targets, exclude_targets: [row.my_domain] } };
			});
			const totals = await Promise.all(sets.map(({ task }) => totalCount(liveSim, task)));
			await liveSim.reset();

			const items = nodeOutput(await executeOk(n8n, exampleId(example)), dfsNodeName(example));
			const inputs = items.map((item) => (item.pairedItem as { item: number }).item);
			expect(inputs).toEqual([...inputs].sort((a, b) => a - b));
			const sent = intersectionTasks(await liveSim.log());
			expect(sent).toHaveLength(SHEET_ROWS.length);
			sets.forEach(({ competitors, task }, index) => {
				expect(sent).toContainEqual(expect.objectContaining({ ...task, limit: 100 }));
				const rows = items.filter((_, i) => inputs[i] === index).map((item) => item.json);
				expect(rows).toHaveLength(Math.min(totals[index], 100));
				expect(new Set(domainsOf(rows)).size).toBe(rows.length);
				expect(rows.every((r) => competitors.every((t, i) => r[`competitor${i + 1}`] === t))).toBe(
					true,
				);
				expect(sharedColumns(rows)).not.toContain(`competitor${competitors.length + 1}`);
				expect(isNonIncreasing(rows, 'competitor1_backlinks')).toBe(true);
				// Include Input Fields: each row says which sheet row (client) it belongs to.
				expect(rows.every((row) => row.client === SHEET_ROWS[index].client)).toBe(true);
			});
		});

		exampleStateScenarios(context);
		exampleWonScenario(context);
	});
}
