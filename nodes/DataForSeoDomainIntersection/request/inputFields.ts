import type { IDataObject } from 'n8n-workflow';

import { label } from '../fields';
import { InputError } from './inputError';

/** "client, project" as names; commas or new lines between them, as in the field's help. */
function namesOf(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.flat() : String(value ?? '').split(/[,\n]/);
	return [...new Set(parts.map((part) => String(part).trim()).filter((part) => part !== ''))];
}

/**
 * The input item's fields chosen under Include Input Fields, or undefined when none are. A name
 * the item lacks is an error before anything is sent: a row without it could not be traced.
 */
export function pickInputFields(value: unknown, input: IDataObject): IDataObject | undefined {
	const names = namesOf(value);
	if (names.length === 0) return undefined;
	const missing = names.find((name) => !(name in input));
	if (missing !== undefined) {
		const has = Object.keys(input);
		throw new InputError(
			label('includeInputFields'),
			`the input item has no field "${missing}"${has.length > 0 ? ` (its fields: ${has.slice(0, 10).join(', ')}${has.length > 10 ? ', …' : ''})` : ''}. Write the names as the input shows them, e.g. client.`,
		);
	}
	return Object.fromEntries(names.map((name) => [name, input[name]]));
}
