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

function mapText(value: unknown): FlatValue {
	if (value === undefined || value === null) return null;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The referring domain: every per-target entry names it; take the first one present. */
export function referringDomainOf(item: ApiItem): string | null {
	for (const entry of Object.values(item.domain_intersection)) {
		if (entry?.target) return entry.target;
	}
	return null;
}

/**
 * One API item -> one flat row with the same columns for every item of a request:
 * `referring_domain`, `intersections_count`, then `target{n}` and `target{n}_{field}` for each
 * requested target, `null` where the API gave nothing.
 */
export function flattenItem(item: ApiItem, targets: readonly string[]): FlatRow {
	const present = Object.values(item.domain_intersection).filter((entry) => entry).length;
	const row: FlatRow = {
		referring_domain: referringDomainOf(item),
		intersections_count: item.summary?.intersections_count ?? present,
	};
	targets.forEach((target, index) => {
		const n = index + 1;
		const data = (item.domain_intersection[String(n)] ?? {}) as IDataObject;
		row[`target${n}`] = target;
		for (const field of SCALAR_FIELDS) row[`target${n}_${field}`] = scalar(data[field]);
		for (const field of MAP_FIELDS) row[`target${n}_${field}`] = mapText(data[field]);
	});
	return row;
}

/** The `raw` format: the API item untouched, plus the targets it answers for. */
export function rawItem(item: ApiItem, targets: readonly string[]): IDataObject {
	return {
		...(item as IDataObject),
		targets: Object.fromEntries(targets.map((target, index) => [String(index + 1), target])),
	};
}
