import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	apiOptionFields,
	defaultFor,
	label,
	LATEST_VERSION,
	matchingFields,
	runSettingFields,
	uiPath,
	type FieldName,
} from '../fields';
import { isBlank } from '../fields/define';
import { pagingFields, outputFields } from '../fields/main';
import { InputError, show } from './inputError';

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

export type Scalars = z.infer<typeof scalarsSchema> & {
	/** Number fields that were empty and fell back to their default, for the run hint. */
	notes: string[];
};

/** Number fields whose blank is worth a sentence in the hint: it decides how much is read or paid. */
const NOTED = new Set<FieldName>([
	'limit',
	'maxResults',
	'maxCost',
	...(Object.keys(defaultedRunFields) as FieldName[]),
]);
const NO_CAP = new Set<FieldName>(['maxResults', 'maxCost']);

function blankNote(name: FieldName, value: unknown): string {
	const shown =
		value === 0 && NO_CAP.has(name) ? '0, no cap' : (value as number).toLocaleString('en-US');
	return `${uiPath(name)} was empty, so its default (${shown}) was used`;
}

/** Checks every plain-valued parameter against its field's rule. */
export function parseScalars(params: {
	limit: unknown;
	maxResults: unknown;
	outputFormat: unknown;
	columns?: unknown;
	version?: number;
	options: IDataObject;
}): Scalars {
	const version = params.version ?? LATEST_VERSION;
	const blanks: FieldName[] = [];
	// A blank from a cleared field or an expression counts as not set, so the default applies.
	const options = Object.fromEntries(
		Object.entries(params.options).filter(([name, value]) => {
			if (!isBlank(value)) return true;
			if (value !== undefined) blanks.push(name as FieldName);
			return false;
		}),
	);
	const top = { limit: params.limit, maxResults: params.maxResults };
	for (const name of ['limit', 'maxResults'] as const) {
		if (!isBlank(top[name])) continue;
		top[name] = defaultFor(name, version);
		blanks.push(name);
	}
	const parsed = scalarsSchema.safeParse({
		...top,
		outputFormat: params.outputFormat,
		columns: params.columns,
		...options,
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = String(issue.path[0]) as FieldName;
		const value = key in options ? options[key] : (params as unknown as IDataObject)[key];
		throw new InputError(label(key), `${issue.message}; got ${show(value)}.`);
	}
	const data = parsed.data as Record<string, unknown>;
	const notes = blanks
		.filter((name) => NOTED.has(name))
		.map((name) => blankNote(name, data[name] ?? defaultFor(name, version)));
	return { ...parsed.data, notes };
}
