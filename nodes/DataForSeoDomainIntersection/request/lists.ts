import { InputError, show } from './inputError';

/** A regular expression that matches the text as it is written. */
export const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words people and AI models write for "nothing to exclude". */
const NOTHING = /^(none|n\/a|na|-|no|nothing|null)$/i;

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A domain, maybe with a path: a word that can be an entry of its own (and be checked as one). */
const DOMAIN_LIKE = /^[\p{L}\p{N}*-]+(\.[\p{L}\p{N}*-]+)*\.\p{L}[\p{L}\p{N}-]*\.?(\/\S*)?$/u;

const isUrl = (word: string) => SCHEME.test(word);
const standsAlone = (word: string) => isUrl(word) || DOMAIN_LIKE.test(word);

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
 * A line cut at its commas and semicolons, except where one belongs to a URL: a URL may hold
 * them (https://moz.com/blog/a,b), so one directly after URL text separates only when another
 * entry clearly starts there.
 */
function chunks(line: string): string[] {
	const [first, ...rest] = line.split(/([,;]+)/);
	const out = [first];
	for (let i = 0; i < rest.length; i += 2) {
		const [separator, next] = [rest[i], rest[i + 1]];
		const before = out[out.length - 1];
		const word = before.split(/\s+/).at(-1) ?? '';
		const nextWord = next.split(/\s+/)[0];
		const startsEntry =
			/^(\s|$)/.test(next) ||
			isUrl(next) ||
			/^www\./i.test(next) ||
			(word.endsWith('/') && DOMAIN_LIKE.test(nextWord));
		if (isUrl(word) && !startsEntry) out[out.length - 1] = before + separator + next;
		else out.push(next);
	}
	return out;
}

/**
 * The entries of a chunk. Spaces separate domains ("moz.com ahrefs.com"); a word that cannot be
 * an entry of its own continues the URL before it (a pasted URL with a space); otherwise the
 * chunk is one entry, so an error quotes it whole ("not a domain!!", not "not").
 */
function words(chunk: string): string[] {
	const parts: string[] = [];
	let joinable = false;
	for (const word of chunk.trim().split(/\s+/)) {
		if (word === '' || /^and$/i.test(word)) {
			joinable = false;
			continue;
		}
		if (standsAlone(word)) parts.push(word);
		else if (joinable) parts[parts.length - 1] += ` ${word}`;
		else return [chunk.trim()];
		joinable = isUrl(parts[parts.length - 1]);
	}
	return parts;
}

/**
 * The entries of a list parameter: text in any of the forms people write lists in (commas,
 * semicolons, spaces, new lines, "and", a JSON array), or an array from an expression. Empty
 * entries are dropped; `allowNothing` reads "none", "n/a" or "-" as an empty list.
 */
export function splitList(value: unknown, field: string, allowNothing = false): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (typeof value === 'object' && !Array.isArray(value)) {
		throw new InputError(
			field,
			`the expression gave ${show(value)}, not a list of domains. Make it return text like "moz.com, ahrefs.com" or a list like ["moz.com", "ahrefs.com"].`,
		);
	}
	let parts: unknown[];
	if (Array.isArray(value)) parts = value.flat();
	else {
		const text = String(value).trim();
		if (allowNothing && NOTHING.test(text)) return [];
		parts = jsonList(text)?.flat() ?? text.split(/\r?\n/).flatMap(chunks).flatMap(words);
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
