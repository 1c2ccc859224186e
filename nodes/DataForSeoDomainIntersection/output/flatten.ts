import type { IDataObject } from 'n8n-workflow';

import type { ApiItem } from '../api/responseSchema';
import type { ColumnSet } from '../request/task';
import {
	columnPlan,
	FIXED_SHAPE,
	type ColumnPlan,
	type FlatRow,
	type FlatValue,
	type RowShape,
} from './columnPlan';

// The plan's names stay importable from here, where rows are made.
export {
	columnPlan,
	FIXED_SHAPE,
	flatColumns,
	KEY_FIELDS,
	MAP_FIELDS,
	SCALAR_FIELDS,
	type ColumnPlan,
	type FlatRow,
	type FlatValue,
	type RowShape,
} from './columnPlan';

/** The referring domain: every per-target entry names it; take the first one present. */
export function referringDomainOf(item: ApiItem): string | null {
	for (const key in item.domain_intersection) {
		const target = item.domain_intersection[key]?.target;
		if (target) return target;
	}
	return null;
}

/**
 * One API item -> one flat row with the same columns for every item of a request:
 * `referring_domain`, then what varies (`intersections_count`, each competitor's domain
 * `competitor{n}`), then the metrics (`competitor{n}_{field}`) as the column set orders them,
 * `null` where the API gave nothing.
 */
export function flattenRow(item: ApiItem, targets: readonly string[], plan: ColumnPlan): FlatRow {
	const perTarget = item.domain_intersection;
	const { competitorColumns, competitors } = plan;
	const row: FlatRow = { ...plan.template };
	row.referring_domain = referringDomainOf(item);
	if (plan.hasCount) {
		let present = 0;
		for (const key in perTarget) if (perTarget[key]) present++;
		row.intersections_count = item.summary?.intersections_count ?? present;
	}
	for (let index = 0; index < competitorColumns.length; index++)
		row[competitorColumns[index]] = targets[index];
	for (let c = 0; c < competitors.length; c++) {
		const { key, columns, fields, maps } = competitors[c];
		const entry = perTarget[key] as Record<string, unknown> | null | undefined;
		// A competitor the site does not link to: its cells keep the template's null.
		if (!entry) continue;
		for (let f = 0; f < fields.length; f++) {
			const value = entry[fields[f]];
			if (value === undefined || value === null) continue;
			if (maps[f]) row[columns[f]] = typeof value === 'string' ? value : JSON.stringify(value);
			else
				row[columns[f]] = typeof value === 'object' ? JSON.stringify(value) : (value as FlatValue);
		}
	}
	return row;
}

/** flattenRow with the plan looked up: for one-off rows and tests. */
export function flattenItem(
	item: ApiItem,
	targets: readonly string[],
	set: ColumnSet,
	shape: RowShape = FIXED_SHAPE,
): FlatRow {
	return flattenRow(item, targets, columnPlan(targets.length, set, shape));
}

/**
 * The `raw` format: the API item untouched, plus the competitors it answers for (under
 * `targets` in nodes of version 1).
 */
export function rawItem(item: ApiItem, targets: readonly string[], set: ColumnSet): IDataObject {
	const key = set === 'legacy' ? 'targets' : 'competitors';
	return {
		...(item as IDataObject),
		[key]: Object.fromEntries(targets.map((target, index) => [String(index + 1), target])),
	};
}
