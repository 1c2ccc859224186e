// DataForSEO's filter grammar, compiled to predicates:
//   condition: [field, operator, value]
//   group:     [node, "and" | "or", node, ...]   (nodes are conditions or groups, nested freely)
// Within one group "and" binds tighter than "or" (as in SQL); use nesting to be explicit.
import type { FieldType } from './fields';

export type Operator =
	| 'regex'
	| 'not_regex'
	| '='
	| '<>'
	| 'in'
	| 'not_in'
	| 'like'
	| 'not_like'
	| 'ilike'
	| 'not_ilike'
	| 'match'
	| 'not_match'
	| '<'
	| '<='
	| '>'
	| '>='
	| 'has'
	| 'has_not';

export interface FieldRef<R> {
	type: FieldType;
	get(row: R): unknown;
}

export type ResolveField<R> = (name: string) => FieldRef<R> | null;
export type Predicate<R> = (row: R) => boolean;

export type FilterCompilation<R> =
	| { ok: true; predicate: Predicate<R> | null; conditions: number }
	| { ok: false; reason: string };

export const MAX_FILTER_CONDITIONS = 8;

const ORDERING: readonly Operator[] = ['<', '<=', '>', '>='];
const EQUALITY: readonly Operator[] = ['=', '<>'];
const MEMBERSHIP: readonly Operator[] = ['in', 'not_in'];
const TEXT: readonly Operator[] = [
	'regex',
	'not_regex',
	'like',
	'not_like',
	'ilike',
	'not_ilike',
	'match',
	'not_match',
];

/** Which operators each field type admits; anything else is "Invalid Field: 'filters'.". */
const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
	num: [...EQUALITY, ...ORDERING, ...MEMBERSHIP],
	str: [...EQUALITY, ...ORDERING, ...MEMBERSHIP, ...TEXT],
	time: [...EQUALITY, ...ORDERING, ...MEMBERSHIP, 'like', 'not_like'],
	bool: [...EQUALITY],
	array: ['has', 'has_not'],
};

const TIME_RE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?: [+-]\d{2}:\d{2})?)?$/;

class FilterError extends Error {}

function fail(reason: string): never {
	throw new FilterError(reason);
}

function valueFits(type: FieldType, value: unknown): boolean {
	switch (type) {
		case 'num':
			return typeof value === 'number' && Number.isFinite(value);
		case 'bool':
			return typeof value === 'boolean';
		case 'time':
			return typeof value === 'string' && TIME_RE.test(value);
		case 'str':
			return typeof value === 'string';
		case 'array':
			return typeof value === 'string' || typeof value === 'number';
	}
}

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** like / ilike: "%" matches any run of characters; everything else is literal. */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
	const body = pattern.split('%').map(escapeRegex).join('.*');
	return new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
}

/** Full-text words: runs of letters/digits, lower-cased ("best-seo.com" -> best, seo, com). */
export function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0);
}

function compare(a: unknown, b: unknown): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const x = String(a);
	const y = String(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

function compileCondition<R>(node: unknown[], resolve: ResolveField<R>): Predicate<R> {
	if (node.length !== 3) fail('a condition is [field, operator, value]');
	const [fieldName, opRaw, value] = node;
	if (typeof fieldName !== 'string' || typeof opRaw !== 'string')
		fail('field and operator must be strings');
	const field = resolve(fieldName) ?? fail(`unknown field ${fieldName}`);
	const op = opRaw as Operator;
	if (!OPERATORS_BY_TYPE[field.type].includes(op))
		fail(`operator ${opRaw} not valid for ${fieldName}`);
	const get = field.get;

	// "= null" / "<> null" test presence (e.g. lost_date); any other comparison with null is false.
	if (value === null) {
		if (op === '=') return (row) => get(row) === null;
		if (op === '<>') return (row) => get(row) !== null;
		fail(`null only works with = and <>`);
	}

	if (op === 'in' || op === 'not_in') {
		if (
			!Array.isArray(value) ||
			value.length === 0 ||
			!value.every((v) => valueFits(field.type, v))
		) {
			fail(`${op} needs a non-empty array of ${field.type}`);
		}
		const set = new Set<unknown>(value);
		return op === 'in'
			? (row) => set.has(get(row))
			: (row) => {
					const v = get(row);
					return v !== null && !set.has(v);
				};
	}

	if (op === 'has' || op === 'has_not') {
		if (!valueFits('array', value)) fail(`${op} needs a string or number`);
		return (row) => {
			const v = get(row);
			if (!Array.isArray(v)) return false;
			return op === 'has' ? v.includes(value) : !v.includes(value);
		};
	}

	if (TEXT.includes(op)) {
		if (typeof value !== 'string') fail(`${op} needs a string`);
		const negate = op.startsWith('not_');
		let test: (s: string) => boolean;
		if (op === 'regex' || op === 'not_regex') {
			let re: RegExp;
			try {
				re = new RegExp(value);
			} catch {
				fail(`invalid regex ${value}`);
			}
			test = (s) => re.test(s);
		} else if (op === 'match' || op === 'not_match') {
			const wanted = words(value);
			if (wanted.length === 0) fail('match needs at least one word');
			test = (s) => {
				const have = new Set(words(s));
				return wanted.every((w) => have.has(w));
			};
		} else {
			const re = likeToRegExp(value, op === 'ilike' || op === 'not_ilike');
			test = (s) => re.test(s);
		}
		return (row) => {
			const v = get(row);
			if (v === null || v === undefined) return false;
			return test(String(v)) !== negate;
		};
	}

	if (!valueFits(field.type, value)) fail(`value does not fit ${field.type} field ${fieldName}`);
	switch (op) {
		case '=':
			return (row) => get(row) === value;
		case '<>':
			return (row) => {
				const v = get(row);
				return v !== null && v !== value;
			};
		case '<':
			return (row) => cmpNonNull(get(row), value, (c) => c < 0);
		case '<=':
			return (row) => cmpNonNull(get(row), value, (c) => c <= 0);
		case '>':
			return (row) => cmpNonNull(get(row), value, (c) => c > 0);
		case '>=':
			return (row) => cmpNonNull(get(row), value, (c) => c >= 0);
		default:
			return fail(`unsupported operator ${opRaw}`);
	}
}

function cmpNonNull(a: unknown, b: unknown, ok: (c: number) => boolean): boolean {
	return a !== null && a !== undefined && ok(compare(a, b));
}

function isCondition(node: unknown[]): boolean {
	return typeof node[0] === 'string';
}

function compileNode<R>(
	node: unknown,
	resolve: ResolveField<R>,
	counter: { n: number },
): Predicate<R> {
	if (!Array.isArray(node) || node.length === 0) fail('a filter node must be a non-empty array');
	if (isCondition(node)) {
		counter.n++;
		return compileCondition(node, resolve);
	}
	if (node.length % 2 === 0) fail('a group alternates conditions and "and"/"or"');
	// OR of AND-runs: [[p1, p2], [p3]] for p1 and p2 or p3.
	const runs: Predicate<R>[][] = [[compileNode(node[0], resolve, counter)]];
	for (let i = 1; i < node.length; i += 2) {
		const joiner = node[i];
		if (joiner !== 'and' && joiner !== 'or')
			fail(`expected "and" or "or", got ${JSON.stringify(joiner)}`);
		const next = compileNode(node[i + 1], resolve, counter);
		if (joiner === 'and') runs[runs.length - 1].push(next);
		else runs.push([next]);
	}
	if (runs.length === 1 && runs[0].length === 1) return runs[0][0];
	return (row) => runs.some((run) => run.every((p) => p(row)));
}

/** Validates and compiles a filters array. An empty array means "no filter". */
export function compileFilters<R>(
	raw: unknown,
	resolve: ResolveField<R>,
	maxConditions = MAX_FILTER_CONDITIONS,
): FilterCompilation<R> {
	if (!Array.isArray(raw)) return { ok: false, reason: 'filters must be an array' };
	if (raw.length === 0) return { ok: true, predicate: null, conditions: 0 };
	const counter = { n: 0 };
	try {
		const predicate = compileNode(raw, resolve, counter);
		if (counter.n > maxConditions)
			return { ok: false, reason: `more than ${maxConditions} conditions` };
		return { ok: true, predicate, conditions: counter.n };
	} catch (error) {
		if (error instanceof FilterError) return { ok: false, reason: error.message };
		throw error;
	}
}
