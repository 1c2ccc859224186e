import { MAX_ORDER_RULES } from '../api/limits';
import type { ApiItem } from '../api/responseSchema';
import { referringDomainOf } from '../output/flatten';
import { isCondition, targetIndexOf, type FilterExpression } from '../request/filterGrammar';
import { TIEBREAK_RULE } from '../request/sortOrder';
import type { DomainIntersectionTask } from '../request/task';

type Renumber = (field: string) => string | null;

/** Renumbers a field's target prefix onto the subset, or null when that target is not in it. */
function renumberer(subset: number[]): Renumber {
	return (field) => {
		const index = targetIndexOf(field);
		if (index === undefined) return field;
		const position = subset.indexOf(index);
		return position < 0 ? null : `${position + 1}${field.slice(String(index).length)}`;
	};
}

/**
 * Rewrites a filter for a subset call. A condition on a target outside the subset is dropped,
 * together with the "and"/"or" that joined it, so that subset's call simply skips the rule.
 */
export function remapFilter(
	expression: FilterExpression,
	renumber: Renumber,
): FilterExpression | null {
	if (isCondition(expression)) {
		const [field, operator, value] = expression as [string, string, unknown];
		const mapped = renumber(field);
		return mapped === null ? null : ([mapped, operator, value] as FilterExpression);
	}
	const kept: Array<FilterExpression | 'and' | 'or'> = [];
	const parts = expression as Array<FilterExpression | 'and' | 'or'>;
	for (let i = 0; i < parts.length; i += 2) {
		const mapped = remapFilter(parts[i] as FilterExpression, renumber);
		if (mapped === null) continue;
		if (kept.length > 0) kept.push(parts[i - 1] as 'and' | 'or');
		kept.push(mapped);
	}
	return kept.length === 0 ? null : (kept as FilterExpression);
}

const COUNT_FIELD = 'intersections_count';
/** "N.target" is the referring domain itself, the same under every competitor. */
const isDomainField = (field: string) => field === 'target' || /^\d+\.target$/.test(field);

type Key = string | number | null;

/** One row of the merged list: the API item with metrics under the original target numbers. */
export interface Ranked {
	domain: string;
	count: number;
	item: ApiItem;
}

/**
 * One sort key of the merged order, and the rule that sorts one combination's call the same
 * way, or null when the key is the same for every row of that combination.
 */
interface OrderKey {
	value: (row: Ranked) => Key;
	sign: 1 | -1;
	apiRule: (subset: number[]) => string | null;
}

function metricOf(row: Ranked, index: number, metric: string): Key {
	const data = row.item.domain_intersection[String(index)] as Record<string, unknown> | null;
	const value = data?.[metric];
	return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function userKey(rule: string): OrderKey {
	const [field, direction] = rule.split(',');
	const sign = direction === 'asc' ? 1 : -1;
	if (isDomainField(field))
		return { value: (row) => row.domain, sign, apiRule: () => `1.target,${direction}` };
	const index = targetIndexOf(field) as number;
	const metric = field.slice(String(index).length + 1);
	return {
		value: (row) => metricOf(row, index, metric),
		sign,
		apiRule: (subset) =>
			subset.includes(index) ? `${subset.indexOf(index) + 1}.${metric},${direction}` : null,
	};
}

/**
 * With no sort: the rank a domain has toward the first of the competitors (in the order they
 * were typed) it links to. In each combination's call that competitor is target 1, so the call
 * sorts by the API's own default, 1.rank.
 */
const FIRST_LINKED_RANK: OrderKey = {
	value: (row) => {
		const first = Math.min(...Object.keys(row.item.domain_intersection).map(Number));
		return metricOf(row, first, 'rank');
	},
	sign: -1,
	apiRule: () => '1.rank,desc',
};

/**
 * The one order of "at least K of N": most competitors first (fewest first when the sort asks
 * for intersections_count ascending), then the user's other sort rules (by default the rank
 * toward the first linked competitor), then the referring domain A to Z. Each combination's
 * call is sorted by the same keys, so the merged list's first rows come from each call's first.
 */
export class AtLeastOrder {
	readonly countSign: 1 | -1;
	private readonly keys: OrderKey[];

	constructor(orderBy: readonly string[] | undefined) {
		const rules = orderBy ?? [];
		const count = rules.find((rule) => rule.split(',')[0] === COUNT_FIELD);
		this.countSign = count?.endsWith(',asc') ? 1 : -1;
		const others = rules.filter((rule) => rule !== count);
		this.keys = others.length > 0 ? others.map(userKey) : [FIRST_LINKED_RANK];
	}

	compare = (a: Ranked, b: Ranked): number => {
		if (a.count !== b.count) return (a.count - b.count) * this.countSign;
		for (const { value, sign } of this.keys) {
			const x = value(a);
			const y = value(b);
			if (x === y) continue;
			// Missing values go last in both directions, as DataForSEO puts them.
			if (x === null) return 1;
			if (y === null) return -1;
			return (x < y ? -1 : 1) * sign;
		}
		return a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0;
	};

	/** One combination's order_by: the keys that vary inside it, then the referring domain. */
	rulesFor(subset: number[]): string[] {
		const rules: string[] = [];
		for (const key of this.keys) {
			const rule = key.apiRule(subset);
			if (rule === null || rules.includes(rule)) continue;
			rules.push(rule);
			if (rule.startsWith('1.target,')) return rules;
		}
		if (rules.length < MAX_ORDER_RULES) rules.push(TIEBREAK_RULE);
		return rules;
	}
}

/**
 * The task for one combination: its targets renumbered 1..k, filters remapped, sorted in the
 * merged order, and the other competitors excluded, so the call finds the domains that link to
 * exactly these.
 */
export function subsetTask(
	task: DomainIntersectionTask,
	subset: number[],
	order: AtLeastOrder,
): DomainIntersectionTask {
	const renumber = renumberer(subset);
	const others = Object.keys(task.targets)
		.filter((key) => !subset.includes(Number(key)))
		.map((key) => task.targets[key]);
	const out: DomainIntersectionTask = {
		...task,
		targets: Object.fromEntries(
			subset.map((index, position) => [String(position + 1), task.targets[String(index)]]),
		),
	};
	delete out.filters;
	delete out.exclude_targets;
	delete out.offset;
	delete out.limit;
	const excluded = [...(task.exclude_targets ?? []), ...others];
	if (excluded.length > 0) out.exclude_targets = excluded;
	const filters = task.filters ? remapFilter(task.filters, renumber) : null;
	if (filters) out.filters = filters;
	out.order_by = order.rulesFor(subset);
	return out;
}

/** One combination's item as a merged row: its metrics moved back to their original numbers. */
export function rankedRow(item: ApiItem, subset: number[]): Ranked | null {
	const domain = referringDomainOf(item);
	if (domain === null) return null;
	const perTarget: Record<string, unknown> = {};
	subset.forEach((original, position) => {
		const metrics = item.domain_intersection[String(position + 1)];
		if (metrics) perTarget[String(original)] = metrics;
	});
	return {
		domain,
		count: subset.length,
		item: {
			domain_intersection: perTarget as ApiItem['domain_intersection'],
			summary: { intersections_count: subset.length },
		},
	};
}
