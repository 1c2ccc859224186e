import {
	mergeSubsetItems,
	orderMerged,
	remapFilter,
	subsetTask,
	type MergedRows,
} from '../../../nodes/DataForSeoDomainIntersection/run/atLeast';
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
			order_by: ['1.backlinks,desc'],
			include_subdomains: false,
		});
	});

	it('skips rules whose target is not in the subset', () => {
		expect(subsetTask(task, [1, 2])).toEqual({
			targets: { '1': 'a.com', '2': 'b.com' },
			exclude_targets: ['me.com', 'c.com', 'd.com'],
			filters: [['1.backlinks', '>', 10], 'and', ['intersections_count', '>=', 1]],
			order_by: ['1.rank,asc'],
			include_subdomains: false,
		});
		const onlyTarget2 = {
			...task,
			filters: ['2.rank', '>', 1] as FilterExpression,
			order_by: ['2.rank,desc'],
		};
		const result = subsetTask(onlyTarget2, [1, 3]);
		expect(result).not.toHaveProperty('filters');
		expect(result).not.toHaveProperty('order_by');
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
		expect(subsetTask(twelve, [2, 12]).order_by).toEqual(['2.rank,desc']);
		expect(subsetTask(twelve, [1, 2]).order_by).toBeUndefined();
	});
});

describe('merging subset results', () => {
	const item = (domain: string, metrics: Array<number | null>): ApiItem => ({
		domain_intersection: Object.fromEntries(
			metrics.map((backlinks, i) => [
				String(i + 1),
				backlinks === null ? null : { target: domain, backlinks },
			]),
		),
		summary: { intersections_count: metrics.length },
	});

	it('moves metrics back to the original target numbers and counts targets', () => {
		const merged: MergedRows = new Map();
		mergeSubsetItems(merged, [item('x.org', [10, 30]), item('y.org', [5, 6])], [1, 3]);
		mergeSubsetItems(merged, [item('x.org', [20, 30])], [2, 3]);
		const ordered = orderMerged(merged, ['1.backlinks,desc']);
		expect(ordered.map((row) => row.summary?.intersections_count)).toEqual([3, 2]);
		expect(ordered[0].domain_intersection).toEqual({
			'1': { target: 'x.org', backlinks: 10 },
			'2': { target: 'x.org', backlinks: 20 },
			'3': { target: 'x.org', backlinks: 30 },
		});
		expect(ordered[1].domain_intersection['2']).toBeUndefined();
	});

	it('orders by count, then the first sort rule with nulls last, then domain', () => {
		const merged: MergedRows = new Map();
		mergeSubsetItems(
			merged,
			[item('b.org', [1, 9]), item('a.org', [1, 9]), item('c.org', [5, 9])],
			[1, 2],
		);
		mergeSubsetItems(merged, [item('d.org', [7, 9])], [2, 3]);
		const domains = (rule?: string) =>
			orderMerged(merged, rule ? [rule] : undefined).map(
				(row) => row.domain_intersection['1']?.target ?? row.domain_intersection['2']?.target,
			);
		expect(domains('1.backlinks,desc')).toEqual(['c.org', 'a.org', 'b.org', 'd.org']);
		expect(domains('1.backlinks,asc')).toEqual(['a.org', 'b.org', 'c.org', 'd.org']);
		expect(domains(undefined)).toEqual(['a.org', 'b.org', 'c.org', 'd.org']);
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

describe('merged order honours every sort rule', () => {
	const row = (domain: string, perTarget: Record<string, number>) =>
		[
			domain,
			Object.fromEntries(
				Object.entries(perTarget).map(([k, backlinks]) => [
					k,
					{ target: domain, backlinks, rank: backlinks % 7 },
				]),
			),
		] as const;
	const merged: MergedRows = new Map([
		row('a.org', { '1': 5, '2': 50 }),
		row('b.org', { '1': 5, '2': 60, '3': 1 }),
		row('c.org', { '1': 9, '2': 1 }),
	]);
	const order = (rules?: string[]) =>
		orderMerged(merged, rules).map((item) => item.domain_intersection['1']!.target);

	it('puts the most competitors first unless a rule places the count', () => {
		expect(order(['1.backlinks,desc'])).toEqual(['b.org', 'c.org', 'a.org']);
		expect(order(['1.backlinks,desc', 'intersections_count,desc'])).toEqual([
			'c.org',
			'b.org',
			'a.org',
		]);
		expect(order(['intersections_count,asc', '1.backlinks,desc'])).toEqual([
			'c.org',
			'a.org',
			'b.org',
		]);
	});

	it('uses the second and third rules for ties', () => {
		expect(order(['intersections_count,asc', '1.backlinks,asc', '2.backlinks,desc'])).toEqual([
			'a.org',
			'c.org',
			'b.org',
		]);
	});
});
