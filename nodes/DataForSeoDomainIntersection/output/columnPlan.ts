import type { ColumnSet } from '../request/task';
import { LINK_FIELDS } from './linkingColumns';

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

/**
 * The metrics of the `key` set, in column order: the numbers a person sorts and skims by first.
 * Backlinks tells an editorial mention (a few) from a sitewide link (thousands) and is never 0
 * for a competitor the site links to; rank is the authority those links pass, but per
 * competitor and often 0; the spam score says which rows to skip. Then the dates.
 */
export const KEY_FIELDS = [
	'backlinks',
	'rank',
	'backlinks_spam_score',
	'referring_pages',
	'first_seen',
	'lost_date',
] as const;

const OTHER_SCALARS = SCALAR_FIELDS.filter(
	(field) => !(KEY_FIELDS as readonly string[]).includes(field),
);

/**
 * What may differ from row to row besides the metrics. Key Metrics leaves out a column that
 * cannot: `intersections_count` is every competitor in Match Mode All, and `competitor{n}`
 * repeats the typed list unless the Competitors come from an expression (one list per item).
 */
export interface RowShape {
	countVaries: boolean;
	competitorsVary: boolean;
	/** Prospect Score: `prospect_score` right after the referring domain. */
	score?: boolean;
	/** Linking Pages: their columns end the Key Metrics part, filled in after the rows are out. */
	linkingPages?: boolean;
}

/** Nothing varies: a typed list of competitors, Match Mode All. */
export const FIXED_SHAPE: RowShape = { countVaries: false, competitorsVary: false };

interface Cell {
	column: string;
	/** The competitor's position, from 0. */
	index: number;
	field: string;
	map: boolean;
}

/** One competitor's cells: its entry is looked up once per row, then read field by field. */
interface Competitor {
	/** The competitor's key in `domain_intersection`: its position, from 1. */
	key: string;
	columns: string[];
	fields: string[];
	/** Per cell: a breakdown, written as JSON text. */
	maps: boolean[];
}

/** One run's columns, built once per competitor count, column set and shape. */
export interface ColumnPlan {
	/** The column holding each competitor's domain; empty when the row has none. */
	competitorColumns: string[];
	hasCount: boolean;
	/** The cells to fill, by competitor; only those of the column set, so Key Metrics reads no more. */
	competitors: Competitor[];
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

function byCompetitor(cells: readonly Cell[]): Competitor[] {
	const competitors: Competitor[] = [];
	for (const { column, index, field, map } of cells) {
		const competitor = (competitors[index] ??= {
			key: String(index + 1),
			columns: [],
			fields: [],
			maps: [],
		});
		competitor.columns.push(column);
		competitor.fields.push(field);
		competitor.maps.push(map);
	}
	// A competitor without cells (none of its columns in the set) leaves a hole: drop it.
	return competitors.filter(Boolean);
}

function plan(keys: string[], competitorColumns: string[], cells: Cell[]): ColumnPlan {
	const template = Object.fromEntries(keys.map((key) => [key, null])) as FlatRow;
	return {
		competitorColumns: competitorColumns.filter((column) => column in template),
		hasCount: 'intersections_count' in template,
		competitors: byCompetitor(cells),
		template,
	};
}

/** Version 1: 0.1.0's columns, each target's name followed by all of its metrics. */
function legacyPlan(count: number): ColumnPlan {
	const positions = Array.from({ length: count }, (_, index) => index);
	const names = positions.map((index) => `target${index + 1}`);
	const fields = [...SCALAR_FIELDS, ...MAP_FIELDS];
	const keys = ['referring_domain', 'intersections_count'];
	const cells: Cell[] = [];
	for (const index of positions) {
		const own = fields.map((field) => cell('target', index, field));
		keys.push(names[index], ...own.map((c) => c.column));
		cells.push(...own);
	}
	return plan(keys, names, cells);
}

/**
 * Version 2: each metric side by side for all competitors. Key Metrics is the first part of
 * All Metrics, so switching to All only adds columns after the ones a Sheet already has.
 */
function buildPlan(count: number, set: ColumnSet, shape: RowShape): ColumnPlan {
	if (set === 'legacy') return legacyPlan(count);
	const positions = Array.from({ length: count }, (_, index) => index);
	const names = positions.map((index) => `competitor${index + 1}`);
	const byField = (fields: readonly string[]) =>
		fields.flatMap((field) => positions.map((index) => cell('competitor', index, field)));
	const key = byField(KEY_FIELDS);
	const varying = [
		...(shape.countVaries ? ['intersections_count'] : []),
		...(shape.competitorsVary ? names : []),
	];
	const lead = shape.score ? ['referring_domain', 'prospect_score'] : ['referring_domain'];
	const pages = shape.linkingPages ? byField(LINK_FIELDS).map((c) => c.column) : [];
	const keys = [...lead, ...varying, ...key.map((c) => c.column), ...pages];
	if (set === 'key') return plan(keys, names, key);
	const rest = byField([...OTHER_SCALARS, ...MAP_FIELDS]);
	const fixed = ['intersections_count', ...names].filter((column) => !varying.includes(column));
	keys.push(...fixed, ...rest.map((c) => c.column));
	return plan(keys, names, [...key, ...rest]);
}

// Column names depend only on the competitor count, the set and the shape; building them once
// keeps per-row work to plain property writes.
const plans = new Map<string, ColumnPlan>();

/** The columns of a run's rows; the same object for the same arguments. */
export function columnPlan(
	count: number,
	set: ColumnSet,
	shape: RowShape = FIXED_SHAPE,
): ColumnPlan {
	const id = `${set}:${count}:${shape.countVaries}:${shape.competitorsVary}:${shape.score}:${shape.linkingPages}`;
	let found = plans.get(id);
	if (!found) plans.set(id, (found = buildPlan(count, set, shape)));
	return found;
}

/** The flat columns for this many competitors, in order. */
export function flatColumns(
	count: number,
	set: ColumnSet,
	shape: RowShape = FIXED_SHAPE,
): string[] {
	return Object.keys(columnPlan(count, set, shape).template);
}
