import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { DomainIntersectionTask } from '../request/task';

/** Where a field sits in the UI: the node's top level, or inside the Options collection. */
export type Place = 'top' | 'options';

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
}

export interface NamedField<Rule extends z.ZodTypeAny = z.ZodTypeAny> extends Field<Rule> {
	name: string;
	place: Place;
	property: INodeProperties;
}

type Named<F extends Record<string, Field>> = {
	[K in keyof F]: F[K] & { name: K & string; place: Place; property: INodeProperties };
};

/** Names each field after its key and builds its n8n property, so the name is written once. */
export function defineFields<F extends Record<string, Field>>(place: Place, fields: F): Named<F> {
	return Object.fromEntries(
		Object.entries(fields).map(([name, field]) => {
			const { displayName, ...rest } = field.ui;
			// n8n lists displayName first, then name; keep that order for diffs and exports.
			const property = { displayName, name, ...rest } as INodeProperties;
			return [name, { ...field, name, place, property }];
		}),
	) as Named<F>;
}

type Labelled = { name: string; place: Place; ui: { displayName: string } };

/** Where a person finds the field in the UI, e.g. "Options > Timeout (Ms)". */
export function uiPathOf(field: Labelled): string {
	return field.place === 'options' ? `Options > ${field.ui.displayName}` : field.ui.displayName;
}

/** The label errors use: the UI's words and path, then the parameter name for expressions. */
export function labelOf(field: Labelled): string {
	return `${uiPathOf(field)} (${field.name})`;
}

/** A whole number in a range, accepting numeric text from expressions. */
export const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	z.coerce
		.number({ invalid_type_error: 'must be a number' })
		.int('must be a whole number')
		.min(min, `must be at least ${min}`)
		.max(max, `must be at most ${max}`);
