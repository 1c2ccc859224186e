import { InputError, show } from './inputError';

/** Words people and AI models write for "nothing to exclude". */
const NOTHING = /^(none|n\/a|na|-|no|nothing|null)$/i;

// Domains and URLs hold no spaces, so any run of spaces separates too; a lone "and" is dropped.
const SEPARATORS = /[,;\s]+/;

/** A JSON array written as text, e.g. ["a.com","b.com"], as a model or a Code node may send it. */
function jsonList(text: string): unknown[] | undefined {
	if (!/^\[[\s\S]*\]$/.test(text)) return undefined;
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The entries of a list parameter: text in any of the forms people write lists in, or an array
 * from an expression. Empty entries are dropped; `allowNothing` reads "none", "n/a" or "-" as
 * an empty list.
 */
export function splitList(value: unknown, field: string, allowNothing = false): string[] {
	if (value === undefined || value === null || value === '') return [];
	let parts: unknown[];
	if (Array.isArray(value)) parts = value.flat();
	else {
		const text = String(value).trim();
		if (allowNothing && NOTHING.test(text)) return [];
		parts = jsonList(text)?.flat() ?? text.split(SEPARATORS);
	}
	return parts
		.map((part, index) => {
			if (typeof part !== 'string' && typeof part !== 'number') {
				throw new InputError(
					field,
					`entry ${index + 1} is ${show(part)}, but every entry must be text such as "moz.com".`,
				);
			}
			return String(part).trim();
		})
		.filter((part) => part !== '' && !/^and$/i.test(part));
}
