import type { IDataObject } from 'n8n-workflow';

import type { ApiItem } from '../api/responseSchema';
import type { ColumnSet } from '../request/task';

/** Per-competitor numbers and dates, copied as they are. */
export const SCALAR_FIELDS = [
	'rank',
	'backlinks',
	'first_seen',
	'lost_date',
	'backlinks_spam_score',
	'broken_backlinks',
	'broken_pages',
	'referring_domains',
	'referring_domains_nofollow',
	'referring_main_domains',
	'referring_main_domains_nofollow',
	'referring_ips',
	'referring_subnets',
	'referring_pages',
	'referring_pages_nofollow',
] as const;

/** Per-competitor distributions, written as compact JSON text so a Sheet cell can hold them. */
export const MAP_FIELDS = [
	'referring_links_tld',
	'referring_links_types',
	'referring_links_attributes',
	'referring_links_platform_types',
	'referring_links_semantic_locations',
	'referring_links_countries',
] as const;

export type FlatValue = string | number | boolean | null;
export type FlatRow = Record<string, FlatValue>;

function scalar(value: unknown): FlatValue {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return value;
	return JSON.stringify(value);
}

/** Compact JSON text of a breakdown, e.g. {"com":87}; DataForSEO's empty key stays as it is. */
function mapText(value: unknown): FlatValue {
	if (value === undefined || value === null) return null;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The referring domain: every per-target entry names it; take the first one present. */
export function referringDomainOf(item: ApiItem): string | null {
	for (const key in item.domain_intersection) {
		const target = item.domain_intersection[key]?.target;
		if (target) return target;
	}
	return null;
}

/** The metrics of the `key` set, in column order. */
export const KEY_FIELDS = [
	'rank',
	'backlinks',
	'referring_pages',
	'first_seen',
	'lost_date',
	'backlinks_spam_score',
] as const;

const OTHER_SCALARS = SCALAR_FIELDS.filter(
	(field) => !(KEY_FIELDS as readonly string[]).includes(field),
);

interface Cell {
	column: string;
	/** The competitor's position, from 0. */
	index: number;
	field: string;
	map: boolean;
}

interface Plan {
	/** The column holding each competitor's domain. */
	competitorColumns: string[];
	cells: Cell[];
	/**
	 * A row with every column in place. Adding ~46 (or, for 20 competitors, 442) computed keys one
	 * by one turns a row into a slow dictionary object; copying a finished template keeps rows
	 * compact and fast, and later writes only overwrite existing keys.
	 */
	template: FlatRow;
}

function cell(word: string, index: number, field: string): Cell {
	const map = (MAP_FIELDS as readonly string[]).includes(field);
	return { column: `${word}${index + 1}_${field}`, index, field, map };
}

function buildPlan(count: number, set: ColumnSet): Plan {
	const positions = Array.from({ length: count }, (_, index) => index);
	const word = set === 'legacy' ? 'target' : 'competitor';
	const competitorColumns = positions.map((index) => `${word}${index + 1}`);
	let cells: Cell[];
	if (set === 'legacy') {
		const fields = [...SCALAR_FIELDS, ...MAP_FIELDS];
		cells = positions.flatMap((index) => fields.map((field) => cell(word, index, field)));
	} else {
		const fields = set === 'key' ? KEY_FIELDS : [...KEY_FIELDS, ...OTHER_SCALARS, ...MAP_FIELDS];
		cells = fields.flatMap((field) => positions.map((index) => cell(word, index, field)));
	}
	const keys = ['referring_domain', 'intersections_count'];
	if (set === 'legacy') {
		// Each target's name, then its metrics.
		const perTarget = cells.length / Math.max(count, 1);
		positions.forEach((index) =>
			keys.push(
				competitorColumns[index],
				...cells.slice(index * perTarget, (index + 1) * perTarget).map((c) => c.column),
			),
		);
	} else keys.push(...competitorColumns, ...cells.map((c) => c.column));
	const template = Object.fromEntries(keys.map((key) => [key, null])) as FlatRow;
	return { competitorColumns, cells, template };
}

// Column names depend only on the competitor count and the set; building them once keeps
// per-row work to plain property writes.
const plans = new Map<string, Plan>();
function planFor(count: number, set: ColumnSet): Plan {
	const id = `${set}:${count}`;
	let plan = plans.get(id);
	if (!plan) plans.set(id, (plan = buildPlan(count, set)));
	return plan;
}

/** The flat columns for this many competitors, in order. */
export function flatColumns(count: number, set: ColumnSet): string[] {
	return Object.keys(planFor(count, set).template);
}

/**
 * One API item -> one flat row with the same columns for every item of a request:
 * `referring_domain`, `intersections_count`, each competitor's domain (`competitor{n}`), then
 * its metrics (`competitor{n}_{field}`) as the column set orders them, `null` where the API gave
 * nothing.
 */
export function flattenItem(item: ApiItem, targets: readonly string[], set: ColumnSet): FlatRow {
	const perTarget = item.domain_intersection;
	let present = 0;
	for (const key in perTarget) if (perTarget[key]) present++;
	const { competitorColumns, cells, template } = planFor(targets.length, set);
	const row: FlatRow = { ...template };
	row.referring_domain = referringDomainOf(item);
	row.intersections_count = item.summary?.intersections_count ?? present;
	const data: Array<Record<string, unknown>> = [];
	for (let index = 0; index < targets.length; index++) {
		row[competitorColumns[index]] = targets[index];
		data.push((perTarget[String(index + 1)] ?? {}) as Record<string, unknown>);
	}
	for (const { column, index, field, map } of cells) {
		const value = data[index][field];
		row[column] = map ? mapText(value) : scalar(value);
	}
	return row;
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
