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

/** The task for one subset: its targets renumbered 1..k, filters and sort rules remapped. */
export function subsetTask(task: DomainIntersectionTask, subset: number[]): DomainIntersectionTask {
	const renumber = renumberer(subset);
	const out: DomainIntersectionTask = {
		...task,
		targets: Object.fromEntries(
			subset.map((index, position) => [String(position + 1), task.targets[String(index)]]),
		),
	};
	delete out.filters;
	delete out.order_by;
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

function sortValue(
	row: Record<string, unknown>,
	field: string | undefined,
): string | number | null {
	if (!field) return null;
	const index = targetIndexOf(field);
	if (index === undefined) return null;
	const metrics = row[String(index)] as Record<string, unknown> | undefined;
	const value = metrics?.[field.slice(String(index).length + 1)];
	return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * Merged rows as API-shaped items, ordered by how many targets each domain links to, then by
 * the user's first sort rule (nulls last), then by domain so the order is total.
 */
export function orderMerged(merged: MergedRows, firstRule: string | undefined): ApiItem[] {
	const [field, direction] = (firstRule ?? '').split(',');
	const sign = direction === 'asc' ? 1 : -1;
	const rows = [...merged.entries()].map(([domain, perTarget]) => ({
		domain,
		perTarget,
		count: Object.keys(perTarget).length,
		key: sortValue(perTarget, field),
	}));
	rows.sort((a, b) => {
		if (a.count !== b.count) return b.count - a.count;
		if (a.key !== b.key) {
			if (a.key === null) return 1;
			if (b.key === null) return -1;
			return (a.key < b.key ? -1 : 1) * sign;
		}
		return a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0;
	});
	return rows.map(({ perTarget, count }) => ({
		domain_intersection: perTarget as ApiItem['domain_intersection'],
		summary: { intersections_count: count },
	}));
}
