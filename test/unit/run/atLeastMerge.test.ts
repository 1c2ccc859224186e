import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { exactCombinations } from '../../../nodes/DataForSeoDomainIntersection/request/atLeastPlan';
import type { DomainIntersectionTask } from '../../../nodes/DataForSeoDomainIntersection/request/task';
import { AtLeastOrder } from '../../../nodes/DataForSeoDomainIntersection/run/atLeast';
import { AtLeastMerge } from '../../../nodes/DataForSeoDomainIntersection/run/atLeastMerge';
import { CostGuard } from '../../../nodes/DataForSeoDomainIntersection/run/cost';
import type { Page } from '../../../nodes/DataForSeoDomainIntersection/run/pages';

const N = 4;

/** A tiny link graph: each domain links to a random set of the N competitors, with metrics. */
function graph(seed: number, size: number) {
	let state = seed;
	const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	return Array.from({ length: size }, (_, i) => {
		const links = Array.from({ length: N }, (_, t) => t + 1).filter(() => next() < 0.5);
		const metrics = Object.fromEntries(
			links.map((t) => [t, { rank: Math.floor(next() * 5), backlinks: Math.floor(next() * 9) }]),
		);
		return { domain: `d${String(i).padStart(4, '0')}.org`, metrics };
	});
}

type Domain = ReturnType<typeof graph>[number];

/** The fake API: the domains linking to exactly the task's targets, sorted as DataForSEO does. */
function fakeApi(domains: Domain[], log: Array<{ limit: number; rows: number }>) {
	return async (task: DomainIntersectionTask): Promise<Page> => {
		const subset = Object.values(task.targets).map((name) => Number(name));
		const rows = domains.filter(
			(d) => Object.keys(d.metrics).length === subset.length && subset.every((t) => d.metrics[t]),
		);
		const value = (d: Domain, field: string): string | number => {
			const [position, metric] = field.split('.');
			if (metric === 'target') return d.domain;
			return (d.metrics[subset[Number(position) - 1]] as Record<string, number>)[metric];
		};
		rows.sort((a, b) => {
			for (const rule of task.order_by ?? []) {
				const [field, direction] = rule.split(',');
				const [x, y] = [value(a, field), value(b, field)];
				if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
			}
			return 0;
		});
		const items: ApiItem[] = rows
			.slice(task.offset ?? 0, (task.offset ?? 0) + (task.limit ?? 100))
			.map((d) => ({
				domain_intersection: Object.fromEntries(
					subset.map((t, i) => [String(i + 1), { target: d.domain, ...d.metrics[t] }]),
				),
			}));
		log.push({ limit: task.limit ?? 100, rows: items.length });
		return { total: rows.length, items };
	};
}

const targets = Object.fromEntries(
	Array.from({ length: N }, (_, i) => [String(i + 1), String(i + 1)]),
);

async function merged(
	domains: Domain[],
	k: number,
	orderBy: string[] | undefined,
	want: number,
	maxCost?: number,
) {
	const log: Array<{ limit: number; rows: number }> = [];
	const order = new AtLeastOrder(orderBy);
	const merge = new AtLeastMerge(
		{ targets, order_by: orderBy },
		exactCombinations(N, k),
		order,
		fakeApi(domains, log),
		new CostGuard(maxCost),
		4,
	);
	await merge.extend(want);
	return { rows: merge.certain.map((row) => row.domain), log, facts: merge.facts() };
}

describe('AtLeastMerge: the first rows of the whole list, read only as far as needed', () => {
	const orders = [
		undefined,
		['2.backlinks,desc'],
		['1.rank,asc', '3.backlinks,desc'],
		['intersections_count,asc', '4.rank,desc'],
	];

	it.each([1, 2, 3])('equals the full list cut, for every order and cut, K = %i', async (k) => {
		for (const seed of [1, 2, 3]) {
			const domains = graph(seed, 400);
			for (const orderBy of orders) {
				const all = (await merged(domains, k, orderBy, Infinity)).rows;
				expect(all.length).toBeGreaterThan(50);
				for (const want of [1, 7, 30, all.length - 3]) {
					const { rows, log } = await merged(domains, k, orderBy, want);
					expect(rows).toEqual(all.slice(0, want));
					// No page asks for more rows than could still reach the output.
					expect(Math.max(...log.map((page) => page.limit))).toBeLessThanOrEqual(want);
				}
			}
		}
	});

	it('under Max Cost gives a prefix of the full list, never a row out of place', async () => {
		const domains = graph(4, 400);
		const all = (await merged(domains, 1, ['2.backlinks,desc'], Infinity)).rows;
		for (const maxCost of [0.01, 0.03, 0.07, 0.12, 0.2]) {
			const { rows, facts } = await merged(domains, 1, ['2.backlinks,desc'], 300, maxCost);
			expect(rows).toEqual(all.slice(0, rows.length));
			if (rows.length < 300) expect(facts.refused).not.toBeNull();
		}
	});

	it('does not request combinations of fewer competitors when the ones above are enough', async () => {
		const { log, facts } = await merged(graph(5, 400), 1, undefined, 5);
		expect(log).toHaveLength(1);
		expect(facts.unread).toBe(exactCombinations(N, 1).length - 1);
	});
});
