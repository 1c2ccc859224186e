import type { IDataObject } from 'n8n-workflow';

import type { ApiItem } from '../api/responseSchema';

/** Per-target numbers and dates, copied as they are. */
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

/** Per-target distributions, written as compact JSON text so a Sheet cell can hold them. */
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

interface Columns {
	/** The target's key in `domain_intersection`: "1", "2", … */
	key: string;
	target: string;
	scalars: string[];
	maps: string[];
}

/**
 * A row with every column in place. Adding ~46 (or, for 20 targets, 442) computed keys one by one
 * turns a row into a slow dictionary object; copying a finished template keeps rows compact and
 * fast, and later writes only overwrite existing keys.
 */
const templateCache = new Map<number, FlatRow>();
function templateFor(count: number, columns: Columns[]): FlatRow {
	let template = templateCache.get(count);
	if (!template) {
		const keys = ['referring_domain', 'intersections_count'];
		for (const { target, scalars, maps } of columns) keys.push(target, ...scalars, ...maps);
		template = Object.fromEntries(keys.map((key) => [key, null])) as FlatRow;
		templateCache.set(count, template);
	}
	return template;
}

// Column names depend only on the target count; building them once per count keeps per-row
// work to plain property writes.
const columnCache = new Map<number, Columns[]>();
function columnsFor(count: number): Columns[] {
	let columns = columnCache.get(count);
	if (!columns) {
		columns = Array.from({ length: count }, (_, index) => ({
			key: String(index + 1),
			target: `target${index + 1}`,
			scalars: SCALAR_FIELDS.map((field) => `target${index + 1}_${field}`),
			maps: MAP_FIELDS.map((field) => `target${index + 1}_${field}`),
		}));
		columnCache.set(count, columns);
	}
	return columns;
}

/**
 * One API item -> one flat row with the same columns for every item of a request:
 * `referring_domain`, `intersections_count`, then `target{n}` and `target{n}_{field}` for each
 * requested target, `null` where the API gave nothing.
 */
export function flattenItem(item: ApiItem, targets: readonly string[]): FlatRow {
	const perTarget = item.domain_intersection;
	let present = 0;
	for (const key in perTarget) if (perTarget[key]) present++;
	const columns = columnsFor(targets.length);
	const row: FlatRow = { ...templateFor(targets.length, columns) };
	row.referring_domain = referringDomainOf(item);
	row.intersections_count = item.summary?.intersections_count ?? present;
	for (let index = 0; index < targets.length; index++) {
		const { key, target, scalars, maps } = columns[index];
		const data = (perTarget[key] ?? {}) as Record<string, unknown>;
		row[target] = targets[index];
		for (let f = 0; f < SCALAR_FIELDS.length; f++) row[scalars[f]] = scalar(data[SCALAR_FIELDS[f]]);
		for (let f = 0; f < MAP_FIELDS.length; f++) row[maps[f]] = mapText(data[MAP_FIELDS[f]]);
	}
	return row;
}

/** The `raw` format: the API item untouched, plus the targets it answers for. */
export function rawItem(item: ApiItem, targets: readonly string[]): IDataObject {
	return {
		...(item as IDataObject),
		targets: Object.fromEntries(targets.map((target, index) => [String(index + 1), target])),
	};
}
