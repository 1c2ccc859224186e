// Task validation, mirroring the live API: every problem with a field is reported as task status
// 40501 "Invalid Field: '<name>'." — so clients that send nulls, too many targets or a bad operator
// are caught offline exactly where the real service would reject them.
import { BACKLINK_FIELDS, ITEM_FIELDS, TARGET_FIELDS } from './fields';
import type { FieldRef, Predicate } from './filters';
import { compileFilters } from './filters';
import type { StatusType } from './graph';
import { fnv1a, unit } from './hash';
import type { IntersectionRow } from './row';
import { parseTarget, ParsedTarget } from './targets';

export interface TaskTarget {
	key: string;
	parsed: ParsedTarget;
}

export interface SortRule {
	field: string;
	desc: boolean;
	get(row: IntersectionRow): unknown;
}

export interface ValidatedTask {
	targets: TaskTarget[];
	excludes: ParsedTarget[];
	filter: Predicate<IntersectionRow> | null;
	orderBy: SortRule[];
	offset: number;
	limit: number;
	internalListLimit: number;
	statusType: StatusType;
	includeSubdomains: boolean;
	includeIndirectLinks: boolean;
	excludeInternalBacklinks: boolean;
	intersectionMode: 'all' | 'partial';
	rankScale: 'one_hundred' | 'one_thousand';
	/** (0, 1]; 1 without backlinks_filters. See README: filters thin the link set and scale counts. */
	backlinksScale: number;
	/** Salt for the backlinks_filters thinning (0 without backlinks_filters). */
	backlinksSalt: number;
	tag: string | undefined;
	/** Identifies the full (unpaged) result set: everything except offset, limit and list limits. */
	cacheKey: string;
}

export type Validation =
	| { ok: true; task: ValidatedTask }
	| { ok: false; statusCode: number; message: string };

export const LIMITS = {
	targets: 20,
	excludeTargets: 10,
	orderBy: 3,
	maxLimit: 1000,
	defaultLimit: 100,
	defaultInternalListLimit: 10,
	maxInternalListLimit: 1000,
	tagLength: 255,
} as const;

const STATUS_TYPES = ['all', 'live', 'lost'] as const;
const INTERSECTION_MODES = ['all', 'partial'] as const;
const RANK_SCALES = ['one_hundred', 'one_thousand'] as const;
const TARGET_KEY_RE = /^(?:[1-9]|1\d|20)$/;

class InvalidField extends Error {
	constructor(readonly field: string) {
		super(`Invalid Field: '${field}'.`);
	}
}

function invalid(field: string): never {
	throw new InvalidField(field);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalInt(
	task: Record<string, unknown>,
	field: string,
	fallback: number,
	min: number,
	max: number,
): number {
	const value = task[field];
	if (value === undefined) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
		invalid(field);
	return value;
}

function optionalBool(task: Record<string, unknown>, field: string, fallback: boolean): boolean {
	const value = task[field];
	if (value === undefined) return fallback;
	if (typeof value !== 'boolean') invalid(field);
	return value;
}

function optionalEnum<T extends string>(
	task: Record<string, unknown>,
	field: string,
	allowed: readonly T[],
	fallback: T,
): T {
	const value = task[field];
	if (value === undefined) return fallback;
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) invalid(field);
	return value as T;
}

function parseTargets(raw: unknown): TaskTarget[] {
	if (!isPlainObject(raw)) invalid('targets');
	const entries = Object.entries(raw);
	if (entries.length === 0 || entries.length > LIMITS.targets) invalid('targets');
	const targets = entries.map(([key, value]) => {
		if (!TARGET_KEY_RE.test(key)) invalid('targets');
		const parsed = parseTarget(value, false);
		if (parsed === null) invalid('targets');
		return { key, parsed };
	});
	return targets.sort((a, b) => Number(a.key) - Number(b.key));
}

function parseExcludes(raw: unknown): ParsedTarget[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw) || raw.length > LIMITS.excludeTargets) invalid('exclude_targets');
	return raw.map((value) => parseTarget(value, true) ?? invalid('exclude_targets'));
}

/** A field reference with a separate (possibly faster, same-order) value for sorting. */
interface RowField extends FieldRef<IntersectionRow> {
	sortGet(row: IntersectionRow): unknown;
}

/** "N.field" for a target key present in the task, or an item-level field. */
function resolver(targets: TaskTarget[]): (name: string) => RowField | null {
	return (name) => {
		if (Object.prototype.hasOwnProperty.call(ITEM_FIELDS, name)) {
			const get = (row: IntersectionRow) => row.intersectionsCount;
			return { type: ITEM_FIELDS[name], get, sortGet: get };
		}
		const dot = name.indexOf('.');
		if (dot < 0) return null;
		const pos = targets.findIndex((t) => t.key === name.slice(0, dot));
		const field = name.slice(dot + 1);
		if (pos < 0 || !Object.prototype.hasOwnProperty.call(TARGET_FIELDS, field)) return null;
		return {
			type: TARGET_FIELDS[field],
			get: (row) => row.valueAt(pos, field),
			sortGet: (row) => row.sortValueAt(pos, field),
		};
	};
}

function parseOrderBy(
	raw: unknown,
	resolve: ReturnType<typeof resolver>,
	targets: TaskTarget[],
): SortRule[] {
	if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
		// Documented default for this simulator: strongest referring domains for the first target first.
		const field = `${targets[0].key}.rank`;
		const ref = resolve(field);
		if (ref === null) invalid('order_by');
		return [{ field, desc: true, get: ref.sortGet }];
	}
	if (!Array.isArray(raw) || raw.length > LIMITS.orderBy) invalid('order_by');
	return raw.map((rule) => {
		if (typeof rule !== 'string') invalid('order_by');
		const parts = rule.split(',').map((s) => s.trim());
		if (parts.length !== 2 || (parts[1] !== 'asc' && parts[1] !== 'desc')) invalid('order_by');
		const ref = resolve(parts[0]);
		if (ref === null || ref.type === 'array') invalid('order_by');
		return { field: parts[0], desc: parts[1] === 'desc', get: ref.sortGet };
	});
}

function backlinksFiltersEffect(raw: unknown): { scale: number; salt: number } {
	if (raw === undefined) return { scale: 1, salt: 0 };
	const compiled = compileFilters<unknown>(raw, (name) =>
		Object.prototype.hasOwnProperty.call(BACKLINK_FIELDS, name)
			? { type: BACKLINK_FIELDS[name], get: () => null }
			: null,
	);
	if (!compiled.ok) invalid('backlinks_filters');
	if (compiled.predicate === null) return { scale: 1, salt: 0 };
	// No backlink-level data exists here: a filter keeps a stable, filter-specific share of links.
	const salt = fnv1a(JSON.stringify(raw)) | 1;
	return { scale: 0.35 + 0.6 * unit(salt), salt };
}

function validateObject(task: Record<string, unknown>): ValidatedTask {
	// A null anywhere is rejected for that field (the API does not treat null as "unset").
	for (const [field, value] of Object.entries(task)) if (value === null) invalid(field);

	if (task.targets === undefined) invalid('targets');
	const targets = parseTargets(task.targets);
	const excludes = parseExcludes(task.exclude_targets);
	const resolve = resolver(targets);

	let filter: Predicate<IntersectionRow> | null = null;
	if (task.filters !== undefined) {
		const compiled = compileFilters(task.filters, resolve);
		if (!compiled.ok) invalid('filters');
		filter = compiled.predicate;
	}
	const orderBy = parseOrderBy(task.order_by, resolve, targets);
	const offset = optionalInt(task, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
	const limit = optionalInt(task, 'limit', LIMITS.defaultLimit, 1, LIMITS.maxLimit);
	const internalListLimit = optionalInt(
		task,
		'internal_list_limit',
		LIMITS.defaultInternalListLimit,
		1,
		LIMITS.maxInternalListLimit,
	);
	const statusType = optionalEnum(task, 'backlinks_status_type', STATUS_TYPES, 'live');
	const bl = backlinksFiltersEffect(task.backlinks_filters);
	const includeSubdomains = optionalBool(task, 'include_subdomains', true);
	const includeIndirectLinks = optionalBool(task, 'include_indirect_links', true);
	const excludeInternalBacklinks = optionalBool(task, 'exclude_internal_backlinks', true);
	const intersectionMode = optionalEnum(task, 'intersection_mode', INTERSECTION_MODES, 'all');
	const rankScale = optionalEnum(task, 'rank_scale', RANK_SCALES, 'one_thousand');
	const tag = task.tag;
	if (tag !== undefined && (typeof tag !== 'string' || tag.length > LIMITS.tagLength))
		invalid('tag');

	const cacheKey = JSON.stringify([
		targets.map((t) => [t.key, t.parsed.kind, t.parsed.key]),
		excludes.map((e) => [e.kind, e.key]),
		task.filters ?? null,
		orderBy.map((r) => [r.field, r.desc]),
		includeSubdomains,
		includeIndirectLinks,
		excludeInternalBacklinks,
		statusType,
		bl.salt,
		intersectionMode,
		rankScale,
	]);

	return {
		targets,
		excludes,
		filter,
		orderBy,
		offset,
		limit,
		internalListLimit,
		statusType,
		includeSubdomains,
		includeIndirectLinks,
		excludeInternalBacklinks,
		intersectionMode,
		rankScale,
		backlinksScale: bl.scale,
		backlinksSalt: bl.salt,
		tag: tag as string | undefined,
		cacheKey,
	};
}

export function validateTask(raw: unknown): Validation {
	if (!isPlainObject(raw))
		return { ok: false, statusCode: 40503, message: 'POST Data Is Invalid.' };
	try {
		return { ok: true, task: validateObject(raw) };
	} catch (error) {
		if (error instanceof InvalidField)
			return { ok: false, statusCode: 40501, message: error.message };
		throw error;
	}
}
