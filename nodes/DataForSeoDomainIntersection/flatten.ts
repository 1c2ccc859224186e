import type { IDataObject } from 'n8n-workflow';

import type { ApiItem } from './responseSchema';

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

// Breakdown keys repeat across rows ("com", "anchor", "nofollow"), so their JSON form is kept.
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
	let text = quotedKeys.get(key);
	if (text === undefined) {
		text = JSON.stringify(key);
		if (quotedKeys.size < 10_000) quotedKeys.set(key, text);
	}
	return text;
}

/**
 * Compact JSON text of a breakdown. DataForSEO's maps are flat text -> count, so they are written
 * by hand, which is several times faster than JSON.stringify; anything else falls back to it.
 */
function mapText(value: unknown): FlatValue {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'object') return typeof value === 'string' ? value : JSON.stringify(value);
	let text = '{';
	for (const key in value) {
		const count = (value as Record<string, unknown>)[key];
		if (typeof count !== 'number' || !Number.isFinite(count)) return JSON.stringify(value);
		if (text.length > 1) text += ',';
		text += `${quoted(key)}:${count}`;
	}
	return `${text}}`;
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
	target: string;
	scalars: string[];
	maps: string[];
}

// Column names depend only on the target count; building them once per count keeps per-row
// work to plain property writes.
const columnCache = new Map<number, Columns[]>();
function columnsFor(count: number): Columns[] {
	let columns = columnCache.get(count);
	if (!columns) {
		columns = Array.from({ length: count }, (_, index) => ({
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
	const row: FlatRow = {
		referring_domain: referringDomainOf(item),
		intersections_count: item.summary?.intersections_count ?? present,
	};
	const columns = columnsFor(targets.length);
	for (let index = 0; index < targets.length; index++) {
		const data = (perTarget[String(index + 1)] ?? {}) as Record<string, unknown>;
		const { target, scalars, maps } = columns[index];
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
