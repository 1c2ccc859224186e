import {
	AtLeastOrder,
	rankedRow,
	remapFilter,
	subsetTask as subsetTaskIn,
	type Ranked,
} from '../../../nodes/DataForSeoDomainIntersection/run/atLeast';
import type { DomainIntersectionTask } from '../../../nodes/DataForSeoDomainIntersection/request/task';
import {
	binomial,
	exactCombinations,
	subsets,
} from '../../../nodes/DataForSeoDomainIntersection/request/atLeastPlan';
import type { FilterExpression } from '../../../nodes/DataForSeoDomainIntersection/request/filterGrammar';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';

describe('combinations', () => {
	it('counts and lists k-subsets', () => {
		expect([binomial(5, 2), binomial(5, 3), binomial(5, 4), binomial(20, 10)]).toEqual([
			10, 10, 5, 184756,
		]);
		expect(subsets(4, 2)).toEqual([
			[1, 2],
			[1, 3],
			[1, 4],
			[2, 3],
			[2, 4],
			[3, 4],
		]);
		expect(subsets(3, 3)).toEqual([[1, 2, 3]]);
		for (const [n, k] of [
			[6, 3],
			[4, 1],
			[7, 5],
		])
			expect(subsets(n, k)).toHaveLength(binomial(n, k));
	});
});

const subsetTask = (task: DomainIntersectionTask, subset: number[]) =>
	subsetTaskIn(task, subset, new AtLeastOrder(task.order_by));

describe('subsetTask: index remapping', () => {
	const task = {
		targets: { '1': 'a.com', '2': 'b.com', '3': 'c.com', '4': 'd.com' },
		exclude_targets: ['me.com'],
		filters: [
			['1.backlinks', '>', 10],
			'and',
			[['3.rank', '>', 100], 'or', ['4.target', 'like', '%x%']],
			'and',
			['intersections_count', '>=', 1],
		] as FilterExpression,
		order_by: ['3.backlinks,desc', '1.rank,asc'],
		include_subdomains: false,
	};

	it('renumbers targets, filters and sort rules onto the subset', () => {
		expect(subsetTask(task, [3, 4])).toEqual({
			targets: { '1': 'c.com', '2': 'd.com' },
			exclude_targets: ['me.com', 'a.com', 'b.com'],
			filters: [
				[['1.rank', '>', 100], 'or', ['2.target', 'like', '%x%']],
				'and',
				['intersections_count', '>=', 1],
			],
			order_by: ['1.backlinks,desc', '1.target,asc'],
			include_subdomains: false,
		});
	});

	it('skips rules whose target is not in the subset', () => {
		expect(subsetTask(task, [1, 2])).toEqual({
			targets: { '1': 'a.com', '2': 'b.com' },
			exclude_targets: ['me.com', 'c.com', 'd.com'],
			filters: [['1.backlinks', '>', 10], 'and', ['intersections_count', '>=', 1]],
			order_by: ['1.rank,asc', '1.target,asc'],
			include_subdomains: false,
		});
		const onlyTarget2 = {
			...task,
			filters: ['2.rank', '>', 1] as FilterExpression,
			order_by: ['2.rank,desc'],
		};
		const result = subsetTask(onlyTarget2, [1, 3]);
		expect(result).not.toHaveProperty('filters');
		// The rule on competitor 2 is the same (missing) for every row of this call.
		expect(result.order_by).toEqual(['1.target,asc']);
	});

	it('keeps multi-digit target numbers intact', () => {
		expect(
			remapFilter(['12.backlinks', '>', 1], (f) => (f.startsWith('12.') ? `2${f.slice(2)}` : null)),
		).toEqual(['2.backlinks', '>', 1]);
		const twelve = {
			targets: Object.fromEntries(
				Array.from({ length: 12 }, (_, i) => [String(i + 1), `t${i + 1}.com`]),
			),
			order_by: ['12.rank,desc'],
		};
		expect(subsetTask(twelve, [2, 12]).order_by).toEqual(['2.rank,desc', '1.target,asc']);
		expect(subsetTask(twelve, [1, 2]).order_by).toEqual(['1.target,asc']);
	});
});

describe('merged rows', () => {
	it('moves metrics back to the original target numbers and counts targets', () => {
		const item: ApiItem = {
			domain_intersection: {
				'1': { target: 'x.org', backlinks: 10 },
				'2': { target: 'x.org', backlinks: 30 },
			},
			summary: { intersections_count: 2 },
		};
		expect(rankedRow(item, [1, 3])).toEqual({
			domain: 'x.org',
			count: 2,
			item: {
				domain_intersection: {
					'1': { target: 'x.org', backlinks: 10 },
					'3': { target: 'x.org', backlinks: 30 },
				},
				summary: { intersections_count: 2 },
			},
		});
	});
});

describe('exact combinations', () => {
	it('lists every combination of at least k targets, largest first', () => {
		expect(exactCombinations(3, 2)).toEqual([
			[1, 2, 3],
			[1, 2],
			[1, 3],
			[2, 3],
		]);
		expect(exactCombinations(4, 2)).toHaveLength(11);
	});
});

describe('the one order of At Least', () => {
	const row = (domain: string, perTarget: Record<string, number>): Ranked => ({
		domain,
		count: Object.keys(perTarget).length,
		item: {
			domain_intersection: Object.fromEntries(
				Object.entries(perTarget).map(([k, backlinks]) => [
					k,
					{ target: domain, backlinks, rank: backlinks % 7 },
				]),
			),
		},
	});
	const rows = [
		row('a.org', { '1': 5, '2': 50 }),
		row('b.org', { '1': 5, '2': 60, '3': 1 }),
		row('c.org', { '1': 9, '2': 1 }),
		row('d.org', { '2': 9, '3': 6 }),
	];
	const order = (rules?: string[]) =>
		[...rows].sort(new AtLeastOrder(rules).compare).map((r) => r.domain);

	it('puts the most competitors first, wherever a rule places the count', () => {
		expect(order(['1.backlinks,desc'])).toEqual(['b.org', 'c.org', 'a.org', 'd.org']);
		expect(order(['1.backlinks,desc', 'intersections_count,desc'])).toEqual(
			order(['1.backlinks,desc']),
		);
		expect(order(['intersections_count,asc', '1.backlinks,desc'])).toEqual([
			'c.org',
			'a.org',
			'd.org',
			'b.org',
		]);
	});

	it('uses the later rules for ties, then the domain', () => {
		expect(order(['1.backlinks,asc', '2.backlinks,desc'])).toEqual([
			'b.org',
			'a.org',
			'c.org',
			'd.org',
		]);
		expect(order(['3.rank,asc'])).toEqual(['b.org', 'd.org', 'a.org', 'c.org']);
	});

	it('with no sort: the rank toward the first listed competitor each links to', () => {
		// Ranks: a 5 (to 1), c 2 (to 1), d 2 (to 2, its first).
		expect(order()).toEqual(['b.org', 'a.org', 'c.org', 'd.org']);
		const subsetOrder = new AtLeastOrder(undefined);
		expect(subsetOrder.rulesFor([2, 3])).toEqual(['1.rank,desc', '1.target,asc']);
	});

	it('sorts each combination call by the rules that vary in it', () => {
		const rules = new AtLeastOrder([
			'3.backlinks,desc',
			'intersections_count,desc',
			'2.target,asc',
		]);
		expect(rules.rulesFor([1, 3])).toEqual(['2.backlinks,desc', '1.target,asc']);
		expect(rules.rulesFor([1, 2])).toEqual(['1.target,asc']);
	});
});
