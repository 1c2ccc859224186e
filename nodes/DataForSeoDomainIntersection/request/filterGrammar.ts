import { z } from 'zod';

import { MAX_FILTER_CONDITIONS, MAX_ORDER_RULES } from '../api/limits';
import { isDateShaped, toApiDate } from './dates';
import { InputError, show } from './inputError';

export const FILTER_OPERATORS = [
	'regex',
	'not_regex',
	'=',
	'<>',
	'in',
	'not_in',
	'like',
	'not_like',
	'ilike',
	'not_ilike',
	'match',
	'not_match',
	'<',
	'<=',
	'>',
	'>=',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const conditionSchema = z.tuple([
	z.string().trim().min(1, 'the field name is empty'),
	z.enum(FILTER_OPERATORS, {
		errorMap: () => ({ message: `the operator must be one of ${FILTER_OPERATORS.join(' ')}` }),
	}),
	z.union([scalar, z.array(scalar)]),
]);

export type FilterCondition = z.infer<typeof conditionSchema>;
export type FilterExpression = FilterCondition | Array<FilterExpression | 'and' | 'or'>;

/** `2.backlinks` -> 2; fields without a target prefix give undefined. */
export function targetIndexOf(field: string): number | undefined {
	const match = /^(\d+)\./.exec(field);
	return match ? Number(match[1]) : undefined;
}

/** A condition starts with its field name; a group starts with a condition or a group. */
export function isCondition(node: unknown[]): boolean {
	return typeof node[0] === 'string' && node[0] !== 'and' && node[0] !== 'or';
}

/** Calls `visit` for each condition, depth first, in the order written. */
export function forEachCondition(
	expression: FilterExpression,
	visit: (condition: FilterCondition) => void,
): void {
	if (isCondition(expression)) {
		visit(expression as FilterCondition);
		return;
	}
	for (const part of expression as unknown[]) {
		if (Array.isArray(part)) forEachCondition(part as FilterExpression, visit);
	}
}

export function parseJsonParameter(text: string, field: string): unknown {
	let problem: string | undefined;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem !== undefined) {
		throw new InputError(
			field,
			`this is not valid JSON (${problem}).`,
			'Use double quotes around text, e.g. ["1.backlinks", ">", 10].',
		);
	}
	return value;
}

interface FilterRules {
	field: string;
	/** Number of targets in the request; prefixed fields must point at one of them. */
	targetCount?: number;
}

function checkCondition(raw: unknown[], where: string, rules: FilterRules): FilterCondition {
	const parsed = conditionSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(
			rules.field,
			`${where} ${show(raw)} is not a valid condition: ${issue.message}. A condition looks like ["1.backlinks", ">", 10].`,
		);
	}
	const [field, operator, value] = parsed.data;
	const listOperator = operator === 'in' || operator === 'not_in';
	if (listOperator !== Array.isArray(value)) {
		throw new InputError(
			rules.field,
			listOperator
				? `${where} uses "${operator}", which needs a list as its value, e.g. ["1.target", "in", ["a.com", "b.com"]]; got ${show(value)}.`
				: `${where} uses "${operator}", which needs a single value, not the list ${show(value)}.`,
		);
	}
	const index = targetIndexOf(field);
	if (rules.targetCount !== undefined && index !== undefined) {
		if (index < 1 || index > rules.targetCount) {
			throw new InputError(
				rules.field,
				`${where} refers to "${field}", but there ${rules.targetCount === 1 ? 'is only 1 competitor' : `are only ${rules.targetCount} competitors`} (1.… to ${rules.targetCount}.…).`,
			);
		}
	}
	return [field.trim(), operator, checkedDate(value, where, rules)];
}

/** A date written in the filter is checked and sent in DataForSEO's form, as the builder's are. */
function checkedDate<T>(value: T, where: string, rules: FilterRules): T | string {
	if (!isDateShaped(value)) return value;
	const date = toApiDate(value);
	if (date === undefined) {
		throw new InputError(
			rules.field,
			`${where}: "${value}" is not a real date and time. Write e.g. "2024-01-31", "2024-01-31 10:30:00 +02:00" or "2024-01-31T10:30:00Z".`,
		);
	}
	return date;
}

function checkGroup(raw: unknown[], where: string, rules: FilterRules): FilterExpression {
	if (raw.length === 0) {
		throw new InputError(rules.field, `${where} is an empty group; remove it or add conditions.`);
	}
	if (raw.length % 2 === 0) {
		throw new InputError(
			rules.field,
			`${where} ends with ${show(raw.at(-1))}; a group must end with a condition, not with "and"/"or".`,
		);
	}
	return raw.map((part, position) => {
		const at = `${where} element ${position + 1}`;
		if (position % 2 === 1) {
			if (part !== 'and' && part !== 'or') {
				throw new InputError(
					rules.field,
					`${at} must be "and" or "or" between two conditions; got ${show(part)}.`,
				);
			}
			return part;
		}
		if (!Array.isArray(part)) {
			throw new InputError(
				rules.field,
				`${at} must be a condition like ["1.backlinks", ">", 10] or a group of them; got ${show(part)}.`,
			);
		}
		return checkExpression(part, at, rules);
	});
}

function checkExpression(raw: unknown[], where: string, rules: FilterRules): FilterExpression {
	return isCondition(raw) ? checkCondition(raw, where, rules) : checkGroup(raw, where, rules);
}

/**
 * Validates DataForSEO's filter grammar: a condition `[field, op, value]`, or conditions joined
 * by "and"/"or", nested to any depth, with at most 8 conditions in all.
 */
export function validateFilters(raw: unknown, rules: FilterRules): FilterExpression {
	if (!Array.isArray(raw)) {
		throw new InputError(
			rules.field,
			`must be a JSON array such as ["1.backlinks", ">", 10]; got ${show(raw)}.`,
		);
	}
	const expression = checkExpression(raw, 'the filter', rules);
	let count = 0;
	forEachCondition(expression, () => count++);
	if (count > MAX_FILTER_CONDITIONS) {
		throw new InputError(
			rules.field,
			`${count} conditions given, but DataForSEO allows at most ${MAX_FILTER_CONDITIONS}.`,
		);
	}
	return expression;
}

const orderRule = z
	.string()
	.trim()
	.regex(/^[\w.]+,(asc|desc)$/i, 'each rule is "field,asc" or "field,desc"');

/** Validates `order_by`: up to three "field,asc|desc" rules whose target prefixes exist. */
export function validateOrderBy(raw: unknown, rules: FilterRules): string[] {
	const parsed = z.array(z.unknown()).safeParse(raw);
	if (!parsed.success) {
		throw new InputError(
			rules.field,
			`must be a JSON array such as ["1.backlinks,desc"]; got ${show(raw)}.`,
		);
	}
	if (parsed.data.length > MAX_ORDER_RULES) {
		throw new InputError(
			rules.field,
			`${parsed.data.length} sort rules given, but DataForSEO allows at most ${MAX_ORDER_RULES}.`,
		);
	}
	return parsed.data.map((rule, position) => {
		const checked = orderRule.safeParse(rule);
		if (!checked.success) {
			throw new InputError(
				rules.field,
				`rule ${position + 1} ${show(rule)} is not valid: ${checked.error.issues[0].message}, e.g. "1.backlinks,desc".`,
			);
		}
		const [field, direction] = checked.data.split(',');
		const index = targetIndexOf(field);
		if (
			rules.targetCount !== undefined &&
			index !== undefined &&
			(index < 1 || index > rules.targetCount)
		) {
			throw new InputError(
				rules.field,
				`rule ${position + 1} sorts by "${field}", but there are only ${rules.targetCount} competitors.`,
			);
		}
		return `${field},${direction.toLowerCase()}`;
	});
}
