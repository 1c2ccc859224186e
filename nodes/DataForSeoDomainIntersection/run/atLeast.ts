import { isCondition, targetIndexOf, type FilterExpression } from '../request/filterGrammar';
import { referringDomainOf } from '../output/flatten';
import type { DomainIntersectionTask } from '../request/task';
import type { ApiItem } from '../api/responseSchema';

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

/**
 * The task for one combination: its targets renumbered 1..k, filters and sort rules remapped,
 * and the other competitors excluded, so the call finds the domains that link to exactly these.
 */
export function subsetTask(task: DomainIntersectionTask, subset: number[]): DomainIntersectionTask {
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
	delete out.order_by;
	delete out.exclude_targets;
	const excluded = [...(task.exclude_targets ?? []), ...others];
	if (excluded.length > 0) out.exclude_targets = excluded;
	const filters = task.filters ? remapFilter(task.filters, renumber) : null;
	if (filters) out.filters = filters;
	const orderBy = (task.order_by ?? [])
		.map((rule) => {
			const [field, direction] = rule.split(',');
			const mapped = renumber(field);
			return mapped === null ? null : `${mapped},${direction}`;
		})
		.filter((rule): rule is string => rule !== null);
	if (orderBy.length > 0) out.order_by = orderBy;
	return out;
}

/** Referring domain -> per-target metrics keyed by the original target number. */
export type MergedRows = Map<string, Record<string, unknown>>;

/** Adds one subset's items, moving each target's metrics back to its original number. */
export function mergeSubsetItems(merged: MergedRows, items: ApiItem[], subset: number[]): void {
	for (const item of items) {
		const domain = referringDomainOf(item);
		if (domain === null) continue;
		let row = merged.get(domain);
		if (!row) merged.set(domain, (row = {}));
		subset.forEach((original, position) => {
			const metrics = item.domain_intersection[String(position + 1)];
			if (metrics && row[String(original)] === undefined) row[String(original)] = metrics;
		});
	}
}

type Key = string | number | null;
interface Ranked {
	domain: string;
	perTarget: Record<string, unknown>;
	count: number;
}

const COUNT_FIELD = 'intersections_count';

function valueOf(row: Ranked, field: string): Key {
	if (field === COUNT_FIELD) return row.count;
	if (field === 'target' || /^\d+\.target$/.test(field)) return row.domain;
	const index = targetIndexOf(field);
	if (index === undefined) return null;
	const metrics = row.perTarget[String(index)] as Record<string, unknown> | undefined;
	const value = metrics?.[field.slice(String(index).length + 1)];
	return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * The order of merged rows: every sort rule the user set, with intersections_count the true
 * count of competitors; most competitors first unless a rule places the count itself; then the
 * domain, so the order is total. Missing values go last, as DataForSEO puts them.
 */
export function mergedRules(orderBy: readonly string[] | undefined): Array<[string, 1 | -1]> {
	const rules = (orderBy ?? []).map((rule): [string, 1 | -1] => {
		const [field, direction] = rule.split(',');
		return [field, direction === 'asc' ? 1 : -1];
	});
	if (!rules.some(([field]) => field === COUNT_FIELD)) rules.unshift([COUNT_FIELD, -1]);
	return rules;
}

/** Merged rows as API-shaped items, in the merged order. */
export function orderMerged(merged: MergedRows, orderBy: readonly string[] | undefined): ApiItem[] {
	const rules = mergedRules(orderBy);
	const rows: Ranked[] = [...merged.entries()].map(([domain, perTarget]) => ({
		domain,
		perTarget,
		count: Object.keys(perTarget).length,
	}));
	rows.sort((a, b) => {
		for (const [field, sign] of rules) {
			const x = valueOf(a, field);
			const y = valueOf(b, field);
			if (x === y) continue;
			if (x === null) return 1;
			if (y === null) return -1;
			return (x < y ? -1 : 1) * sign;
		}
		return a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0;
	});
	return rows.map(({ perTarget, count }) => ({
		domain_intersection: perTarget as ApiItem['domain_intersection'],
		summary: { intersections_count: count },
	}));
}
