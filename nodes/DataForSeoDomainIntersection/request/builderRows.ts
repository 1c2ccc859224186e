import {
	apiOperator,
	fieldType,
	operatorsFor,
	type FieldTable,
	type FieldType,
} from '../filterFields/catalogue';
import type { FilterCondition, FilterExpression, FilterOperator } from './filterGrammar';
import { toApiDate } from './dates';
import { InputError, show } from './inputError';

/** One row of a filter builder, as n8n stores it. Values are unknown: expressions may set them. */
export interface ConditionRow {
	target?: unknown;
	field?: unknown;
	operator?: unknown;
	value?: unknown;
}

export interface SortRow {
	target?: unknown;
	field?: unknown;
	direction?: unknown;
}

interface BuildContext {
	/** Label for errors, e.g. "Filters (filterBuilder)". */
	label: string;
	/** Known fields and their types; unknown fields are still allowed (the API may add some). */
	table: FieldTable;
	/** Number of targets; undefined for a builder without targets (backlinks filters). */
	targetCount?: number;
}

const TYPE_NAMES: Record<FieldType, string> = {
	num: 'a number',
	str: 'a text',
	time: 'a date',
	bool: 'a yes/no',
	array: 'a list',
};

function rowsOf<T>(builder: unknown, key: string): T[] {
	const rows = (builder as Record<string, unknown> | undefined)?.[key];
	return Array.isArray(rows) ? (rows as T[]) : [];
}

/** "backlinks" -> "2.backlinks"; item-level fields and already prefixed names stay as they are. */
function apiField(row: { target?: unknown; field?: unknown }, where: string, ctx: BuildContext) {
	const name = typeof row.field === 'string' ? row.field.trim() : '';
	if (!name) throw new InputError(ctx.label, `${where} has no field; pick one from the list.`);
	// The list names per-target fields with a prefix ("1.rank"), so a bare name in it is item-level.
	if (ctx.targetCount === undefined || /^\d+\./.test(name) || name in ctx.table) return name;
	const target = Number(row.target ?? 1);
	if (!Number.isInteger(target) || target < 1 || target > ctx.targetCount) {
		throw new InputError(
			ctx.label,
			`${where} points at competitor ${show(row.target)}, but there ${ctx.targetCount === 1 ? 'is 1 competitor' : `are ${ctx.targetCount} competitors`}. Pick one from 1 to ${ctx.targetCount}.`,
		);
	}
	return `${target}.${name}`;
}

function scalar(
	raw: unknown,
	type: FieldType | undefined,
	field: string,
	where: string,
	ctx: BuildContext,
): string | number | boolean {
	if (type === 'time' && raw !== null && typeof raw === 'object') {
		const date = toApiDate(raw);
		if (date) return date;
	}
	// null only means "no value" with = and <>, which typedValue handles; elsewhere it is missing.
	if (raw !== null && raw !== undefined && !['string', 'number', 'boolean'].includes(typeof raw)) {
		throw new InputError(ctx.label, `${where}: ${show(raw)} is not a value for "${field}".`);
	}
	const text = String(raw ?? '').trim();
	if (text === '') throw new InputError(ctx.label, `${where} has no value for "${field}".`);
	const wrong = (example: string) =>
		new InputError(
			ctx.label,
			`${where}: "${field}" is ${TYPE_NAMES[type ?? 'str']} field, and ${show(raw)} is not one; write e.g. ${example}.`,
		);
	const number = Number(text);
	switch (type) {
		case 'num':
			if (!Number.isFinite(number)) throw wrong('10');
			return number;
		case 'bool':
			if (!/^(true|false)$/i.test(text)) throw wrong('true or false');
			return text.toLowerCase() === 'true';
		case 'time': {
			const date = toApiDate(text);
			if (!date) throw wrong('2024-01-31, 2024-01-31T00:00:00Z or {{ $now.minus({days: 7}) }}');
			return date;
		}
		case 'str':
			return typeof raw === 'string' ? raw : text;
		default:
			// A field the bundled list does not know: read the value the way it looks.
			if (typeof raw !== 'string') return raw as number | boolean;
			if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
			return Number.isFinite(number) ? number : raw;
	}
}

function typedValue(
	row: ConditionRow,
	operator: FilterOperator,
	field: string,
	where: string,
	ctx: BuildContext,
) {
	const type = fieldType(ctx.table, field.replace(/^\d+\./, ''));
	if (operator === 'in' || operator === 'not_in') {
		const items = Array.isArray(row.value)
			? row.value
			: String(row.value ?? '')
					.split(',')
					.map((item) => item.trim())
					.filter((item) => item !== '');
		if (items.length === 0) {
			throw new InputError(
				ctx.label,
				`${where} uses "${operator}", which needs a comma-separated list, e.g. a.com, b.com.`,
			);
		}
		return items.map((item) => scalar(item, type, field, where, ctx));
	}
	// Unquoted null tests for "no value", e.g. lost_date = null for links that are still live.
	if ((operator === '=' || operator === '<>') && String(row.value).trim() === 'null') return null;
	return scalar(row.value, type, field, where, ctx);
}

function condition(row: ConditionRow, position: number, ctx: BuildContext): FilterCondition {
	const where = `condition ${position}`;
	const field = apiField(row, where, ctx);
	const operator = apiOperator(row.operator);
	if (!operator) {
		throw new InputError(ctx.label, `${where} has no valid operator; got ${show(row.operator)}.`);
	}
	const type = fieldType(ctx.table, field.replace(/^\d+\./, ''));
	const allowed = operatorsFor(type);
	if (!allowed.includes(operator)) {
		throw new InputError(
			ctx.label,
			`${where}: "${operator}" does not work on "${field}", which is ${TYPE_NAMES[type!]} field. Use one of ${allowed.join(' ')}.`,
		);
	}
	return [field, operator, typedValue(row, operator, field, where, ctx)];
}

/**
 * Builder rows -> DataForSEO's filter expression: one condition as it is, several joined by
 * the chosen "and"/"or". Undefined when there are no rows.
 */
export function buildFilters(
	builder: unknown,
	combine: unknown,
	ctx: BuildContext,
): FilterExpression | undefined {
	const rows = rowsOf<ConditionRow>(builder, 'conditions');
	if (rows.length === 0) return undefined;
	const joiner = combine ?? 'and';
	if (joiner !== 'and' && joiner !== 'or') {
		throw new InputError(ctx.label, `combine conditions with "and" or "or"; got ${show(combine)}.`);
	}
	const conditions = rows.map((row, index) => condition(row, index + 1, ctx));
	if (conditions.length === 1) return conditions[0];
	return conditions.flatMap<FilterExpression | 'and' | 'or'>((part, index) =>
		index === 0 ? [part] : [joiner, part],
	);
}

/** Sort rows -> order_by rules "field,direction". Undefined when there are no rows. */
export function buildOrderBy(builder: unknown, ctx: BuildContext): string[] | undefined {
	const rows = rowsOf<SortRow>(builder, 'rules');
	if (rows.length === 0) return undefined;
	return rows.map((row, index) => {
		const where = `rule ${index + 1}`;
		const direction = row.direction ?? 'desc';
		if (direction !== 'asc' && direction !== 'desc') {
			throw new InputError(
				ctx.label,
				`${where}: the direction must be asc or desc; got ${show(direction)}.`,
			);
		}
		return `${apiField(row, where, ctx)},${direction}`;
	});
}
