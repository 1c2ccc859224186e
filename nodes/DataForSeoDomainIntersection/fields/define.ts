import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { DomainIntersectionTask } from '../request/task';

/**
 * Where a field sits in the UI: the node's top level, the Options collection, or the Advanced
 * collection (from version 3 on; nodes of versions 1 and 2 keep those fields in Options).
 */
export type Place = 'top' | 'options' | 'advanced';

/**
 * Everything the node knows about one parameter, in one place: how the UI shows it, the rule
 * its value must pass, and the API field it fills. The description, the validation and the
 * error messages are all built from this.
 */
export interface Field<Rule extends z.ZodTypeAny = z.ZodTypeAny> {
	/** The n8n property without its name; the name is the key the field is defined under. */
	ui: Omit<INodeProperties, 'name'>;
	/** The check for a plain value; fields with a parser of their own (lists, builders) have none. */
	rule?: Rule;
	/** The task field a value is sent as, when it maps one to one. */
	api?: keyof DomainIntersectionTask;
	/**
	 * How the field differs in nodes of version 1 (saved before 0.2.0), e.g. another default.
	 * n8n stores only values that differ from the default, so an old workflow keeps its results
	 * only if it keeps its defaults.
	 */
	version1?: Partial<Omit<INodeProperties, 'name'>>;
	/**
	 * An option for API or transport settings rather than a link-gap choice: from version 3 on it
	 * sits in the Advanced collection. Versions 1 and 2 keep it in Options, where they saved it.
	 */
	advanced?: true;
}

export interface NamedField<Rule extends z.ZodTypeAny = z.ZodTypeAny> extends Field<Rule> {
	name: string;
	place: Place;
	/** The n8n properties: one, or one per node version when version 1 differs. */
	properties: INodeProperties[];
}

type Named<F extends Record<string, Field>> = {
	[K in keyof F]: F[K] & { name: K & string; place: Place; properties: INodeProperties[] };
};

/** The node versions this package has; the highest is what new nodes get. */
export const NODE_VERSIONS = [1, 2, 3];
export const LATEST_VERSION = 3;
/** The first version with the Advanced collection. */
export const ADVANCED_VERSION = 3;

/** Adds "only in these versions" to a property's display conditions. */
export function forVersions(
	property: INodeProperties,
	versions: Array<number | { _cnd: { gte: number } }>,
): INodeProperties {
	const { displayOptions = {} } = property;
	return {
		...property,
		displayOptions: { ...displayOptions, show: { ...displayOptions.show, '@version': versions } },
	};
}

/** Names each field after its key and builds its n8n properties, so the name is written once. */
export function defineFields<F extends Record<string, Field>>(place: Place, fields: F): Named<F> {
	return Object.fromEntries(
		Object.entries(fields).map(([name, field]) => {
			const { displayName, ...rest } = field.ui;
			// n8n lists displayName first, then name; keep that order for diffs and exports.
			const property = { displayName, name, ...rest } as INodeProperties;
			// n8n shows the one property of a name whose display conditions hold.
			const properties = field.version1
				? [
						forVersions({ ...property, ...field.version1 }, [1]),
						forVersions(property, [{ _cnd: { gte: 2 } }]),
					]
				: [property];
			return [name, { ...field, name, place: field.advanced ? 'advanced' : place, properties }];
		}),
	) as Named<F>;
}

/** The value n8n fills in for a field that a node of this version does not store. */
export function defaultOf(field: Field, version: number): unknown {
	return version < 2 && field.version1 && 'default' in field.version1
		? field.version1.default
		: field.ui.default;
}

type Labelled = { name: string; place: Place; ui: { displayName: string } };

const COLLECTION_LABEL: Record<Place, string | undefined> = {
	top: undefined,
	options: 'Options',
	advanced: 'Advanced',
};

/** Where a person finds the field in the UI, e.g. "Advanced > Timeout (Ms)". */
export function uiPathOf(field: Labelled): string {
	const collection = COLLECTION_LABEL[field.place];
	return collection ? `${collection} > ${field.ui.displayName}` : field.ui.displayName;
}

/**
 * The label errors start with: the UI's words and path, e.g. "Options > Sort (JSON)". The
 * README's Parameters table gives the parameter name behind each label.
 */
export function labelOf(field: Labelled): string {
	return uiPathOf(field);
}

/**
 * Empty, as a cleared field or an expression with nothing to give delivers it (`null`, `""`,
 * `" "`): read as "not set", so the field's default applies. Never as 0, which means "no cap"
 * for Max Results and Max Cost.
 */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Digits with an optional sign, decimal point and exponent: how a number is written as text. */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Numeric text from expressions and sheets becomes its number. Everything else stays as it is
 * for the rule to refuse: zod's coerce would read `true` as 1, `[]` as 0 and `"0x10"` as 16.
 */
function numberFromText(value: unknown): unknown {
	return typeof value === 'string' && NUMERIC_TEXT.test(value.trim()) ? Number(value) : value;
}

const NOT_A_NUMBER = 'must be a number';

/** A number, from the field or as numeric text from an expression; callers handle blanks first. */
export const number = <Rule extends z.ZodTypeAny>(refine: (n: z.ZodNumber) => Rule) =>
	z.preprocess(
		numberFromText,
		refine(
			z
				.number({ invalid_type_error: NOT_A_NUMBER, required_error: NOT_A_NUMBER })
				.finite(NOT_A_NUMBER),
		),
	);

/** A whole number in a range, accepting numeric text from expressions. */
export const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	number((n) =>
		n
			.int('must be a whole number')
			.min(min, `must be at least ${min}`)
			.max(max, `must be at most ${max}`),
	);
