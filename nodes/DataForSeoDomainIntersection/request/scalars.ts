import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	apiOptionFields,
	label,
	matchingFields,
	runSettingFields,
	type FieldName,
} from '../fields';
import { pagingFields, outputFields } from '../fields/main';
import { InputError } from './inputError';

// Settings and modes fall back to the UI's default when the option was not added; API options
// stay unset, so only what the user added is sent.
const withUiDefault = <F extends Record<string, { rule: z.ZodTypeAny; ui: { default: unknown } }>>(
	fields: F,
) =>
	Object.fromEntries(
		Object.entries(fields).map(([name, field]) => [name, field.rule.default(field.ui.default)]),
	) as { [K in keyof F]: z.ZodDefault<F[K]['rule']> };
const optional = <F extends Record<string, { rule: z.ZodTypeAny }>>(fields: F) =>
	Object.fromEntries(
		Object.entries(fields).map(([name, field]) => [name, field.rule.optional()]),
	) as { [K in keyof F]: z.ZodOptional<F[K]['rule']> };

const { minMatches, maxCost, ...defaultedRunFields } = { ...matchingFields, ...runSettingFields };

const scalarsSchema = z.object({
	limit: pagingFields.limit.rule,
	maxResults: pagingFields.maxResults.rule,
	outputFormat: outputFields.outputFormat.rule,
	columns: outputFields.columns.rule.default(outputFields.columns.ui.default as 'key'),
	...optional(apiOptionFields),
	...withUiDefault(defaultedRunFields),
	...optional({ minMatches, maxCost }),
});

export type Scalars = z.infer<typeof scalarsSchema>;

/** Checks every plain-valued parameter against its field's rule. */
export function parseScalars(params: {
	limit: unknown;
	maxResults: unknown;
	outputFormat: unknown;
	columns?: unknown;
	options: IDataObject;
}): Scalars {
	// Empty strings come from cleared number fields and expressions; treat them as "not set".
	const options = Object.fromEntries(
		Object.entries(params.options).filter(([, value]) => value !== '' && value !== null),
	);
	const parsed = scalarsSchema.safeParse({
		limit: params.limit,
		maxResults: params.maxResults,
		outputFormat: params.outputFormat,
		columns: params.columns,
		...options,
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = String(issue.path[0]) as FieldName;
		const value = key in options ? options[key] : (params as unknown as IDataObject)[key];
		throw new InputError(label(key), `${issue.message}; got ${JSON.stringify(value)}.`);
	}
	return parsed.data;
}
