import { executeOk } from '../harness/n8n-cli';
import { nodeJson, nodeRan, type RunData } from '../harness/run-data';
import { dfsNodeName, exampleByKey, exampleId, type Example } from '../fixtures/examples';
import type { ContextGetter } from './context';
import { domainsOf, isNonIncreasing, sorted } from './rows';
import { added, allDomains, intersectionTasks } from './sim-oracle';

const FOUR = ['moz.com', 'ahrefs.com', 'majestic.com', 'spyfu.com'];
const LINK_GAP = {
	targets: { '1': 'moz.com', '2': 'ahrefs.com' },
	exclude_targets: ['semrush.com'],
};
const GROW = 300;

function nodeOfType(example: Example, type: string): string {
	const node = example.workflow.nodes.find((candidate) => candidate.type === type);
	if (!node) throw new Error(`${example.key} has no ${type} node`);
	return node.name;
}

/** Competitor numbers (1-based) each referring domain links to, from every pair's full result. */
async function linkedCompetitors(context: ContextGetter): Promise<Map<string, Set<number>>> {
	const linked = new Map<string, Set<number>>();
	for (let a = 0; a < FOUR.length; a++) {
		for (let b = a + 1; b < FOUR.length; b++) {
			const task = { targets: { '1': FOUR[a], '2': FOUR[b] }, exclude_targets: ['semrush.com'] };
			for (const domain of await allDomains(context().liveSim, task)) {
				const set = linked.get(domain) ?? new Set<number>();
				linked.set(domain, set.add(a + 1).add(b + 1));
			}
		}
	}
	return linked;
}

/** Filter (rank ≥ 200 to competitor 1) and Aggregate of the weekly example, as n8n ran them. */
function expectStrongCollected(
	example: Example,
	run: RunData,
	rows: Record<string, unknown>[],
): void {
	const strong = domainsOf(rows.filter((row) => Number(row.competitor1_rank) >= 200));
	const filter = nodeOfType(example, 'n8n-nodes-base.filter');
	const collect = nodeOfType(example, 'n8n-nodes-base.aggregate');
	expect(domainsOf(nodeJson(run, filter))).toEqual(strong);
	const collected = nodeRan(run, collect) ? nodeJson(run, collect) : [];
	expect(collected).toEqual(strong.length ? [{ referring_domain: strong }] : []);
}

export function exampleStateScenarios(context: ContextGetter): void {
	it('at-least-2-of-4-competitors: 11 exact combinations merged, most competitors first, capped at 2,000', async () => {
		const { n8n, liveSim } = context();
		const example = exampleByKey('at-least-2-of-4-competitors');
		const linked = await linkedCompetitors(context);
		await liveSim.reset();

		const rows = nodeJson(await executeOk(n8n, exampleId(example)), dfsNodeName(example));
		const combinations = intersectionTasks(await liveSim.log()).map((task) =>
			JSON.stringify(Object.values(task.targets as object).sort()),
		);
		// 6 pairs, 4 triples and all four, each with the other competitors excluded.
		expect(new Set(combinations).size).toBe(11);
		expect(rows).toHaveLength(Math.min(linked.size, 2000));
		expect(new Set(domainsOf(rows)).size).toBe(rows.length);
		expect(isNonIncreasing(rows, 'intersections_count')).toBe(true);
		const counts = [...linked.values()].map((set) => set.size).sort((a, b) => b - a);
		expect(rows.map((row) => row.intersections_count)).toEqual(counts.slice(0, rows.length));
		for (const row of rows) {
			const seen = FOUR.map((_, i) => i + 1).filter(
				(n) => row[`competitor${n}_backlinks`] !== null,
			);
			const expected = [...(linked.get(String(row.referring_domain)) ?? [])].sort();
			expect({ row: row.referring_domain, seen, count: row.intersections_count }).toEqual({
				row: row.referring_domain,
				seen: expected,
				count: expected.length,
			});
			// A typed list is the same on every row: the run hint names the competitors instead.
			expect(row).not.toHaveProperty('competitor1');
		}
	});

	it('weekly-new-prospects-to-slack: Only New remembers runs; Filter and Aggregate follow', async () => {
		const { n8n, liveSim } = context();
		const example = exampleByKey('weekly-new-prospects-to-slack');
		const before = await allDomains(liveSim, LINK_GAP);

		const run1 = await executeOk(n8n, exampleId(example));
		const first = nodeJson(run1, dfsNodeName(example));
		expect(sorted(domainsOf(first))).toEqual(sorted(before));
		expectStrongCollected(example, run1, first);

		await liveSim.grow(GROW);
		const fresh = added(before, await allDomains(liveSim, LINK_GAP));
		expect(fresh.length).toBeGreaterThan(0);
		const run2 = await executeOk(n8n, exampleId(example));
		const second = nodeJson(run2, dfsNodeName(example));
		expect(sorted(domainsOf(second))).toEqual(sorted(fresh));
		expectStrongCollected(example, run2, second);
	});
}
