import { literalPattern } from '../request/lists';

/**
 * Edits to the items' text before it is parsed, for fields the reader never needs as objects.
 * The breakdowns (`referring_links_tld`, `…_countries`, …) are ~13 % of a 20-competitor page but
 * cost about half of its JSON.parse: each is a small object whose keys differ from site to site,
 * so V8 makes a new hidden class for almost every one, and those fill the old generation until
 * the next full collection (measured on 35 pages, 34,313 rows: 1.9 s of parse, against 0.3 s for
 * the cut plus 0.7 s to parse what is left).
 */
export interface ItemTextEdit {
	readonly pattern: RegExp;
	/** A string where the edit needs no callback: one call per match costs. */
	readonly replace: string | ((match: string, ...groups: string[]) => string);
}

/** An object without nested objects; strings in it may hold braces, quotes are escaped. */
const FLAT_OBJECT = String.raw`\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\}`;

/**
 * An object JSON.stringify writes back byte for byte: no spaces, keys without escapes that do
 * not start with a digit (V8 puts index-like keys first), values null or integers it writes back
 * the same (not -0, at most 15 digits).
 */
const KEY = String.raw`"(?:[^"\\0-9][^"\\]*)?"`;
const VALUE = String.raw`(?:null|0|-?[1-9]\d{0,14})`;
const CANONICAL_OBJECT = String.raw`\{(?:${KEY}:${VALUE}(?:,${KEY}:${VALUE})*)?\}`;

/** `, "name":` for any of the names; after a comma, so never an object's first key. */
const keyOf = (names: readonly string[]) =>
	String.raw`,\s*"(?:${names.map(literalPattern).join('|')})"\s*:\s*`;

const compiled = new Map<string, ItemTextEdit>();

function once(id: string, make: () => ItemTextEdit): ItemTextEdit {
	let edit = compiled.get(id);
	if (!edit) compiled.set(id, (edit = make()));
	return edit;
}

/**
 * The fields are left out of the items: where they hold null or a flat object and are not the
 * first key. Anything else, e.g. a nested value, stays and is parsed as before, so the items are
 * what JSON.parse gives minus, at most, these fields. A key can't match inside a string: there
 * its quotes would be escaped. Consecutive fields go in one match.
 */
export function skippedFields(names: readonly string[]): ItemTextEdit {
	return once(`skip\n${names.join('\n')}`, () => ({
		pattern: new RegExp(`(?:${keyOf(names)}(?:null|${FLAT_OBJECT}))+`, 'g'),
		replace: '',
	}));
}

/**
 * The fields' objects arrive as their JSON text, the string JSON.stringify would make of them,
 * for rows that show them as text: parsing them into objects only to write them back costs the
 * hidden classes above and a stringify per cell. Objects not written exactly as JSON.stringify
 * writes them stay objects.
 */
export function fieldsAsText(names: readonly string[]): ItemTextEdit {
	return once(`text\n${names.join('\n')}`, () => ({
		pattern: new RegExp(`(${keyOf(names)})(${CANONICAL_OBJECT})`, 'g'),
		replace: (_, key, object) => key + JSON.stringify(object),
	}));
}

/** The items' text with the edit made. */
export function editedText(text: string, edit: ItemTextEdit | undefined): string {
	if (!edit) return text;
	const { pattern, replace } = edit;
	// The same call twice: TypeScript picks String.replace's overload by one type, not a union.
	return typeof replace === 'string'
		? text.replace(pattern, replace)
		: text.replace(pattern, replace);
}
