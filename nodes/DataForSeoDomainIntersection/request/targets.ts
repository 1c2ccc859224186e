import { InputError, show } from './inputError';

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Accepts text split by commas or new lines, or an array from an expression. */
export function splitList(value: unknown, field: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts: unknown[] = Array.isArray(value) ? value.flat() : String(value).split(/[,\n\r]+/);
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
		.filter((part) => part !== '');
}

function isHostname(host: string): boolean {
	const labels = host.split('.');
	return (
		labels.length >= 2 &&
		labels.every((label) => HOST_LABEL.test(label)) &&
		!/^\d+$/.test(labels.at(-1)!)
	);
}

function isPageUrl(entry: string, allowWildcard: boolean): boolean {
	let url: URL;
	try {
		url = new URL(allowWildcard ? entry.replace(/\*/g, 'x') : entry);
	} catch {
		return false;
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
}

/**
 * Normalises one target the way DataForSEO expects it: a domain or subdomain with no scheme
 * and no `www.` (we strip `www.` rather than refuse it, since people paste it all the time),
 * or a page as an absolute http(s) URL, kept exactly as typed.
 */
export function normalizeTarget(
	entry: string,
	field: string,
	position: number,
	allowWildcard = false,
): string {
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) && !/^https?:\/\//i.test(entry)) {
		throw new InputError(
			field,
			`entry ${position} ${show(entry)}: pages must start with http:// or https://.`,
		);
	}
	if (/^https?:\/\//i.test(entry)) {
		if (!isPageUrl(entry, allowWildcard)) {
			throw new InputError(field, `entry ${position} ${show(entry)} is not a valid page URL.`);
		}
		return entry;
	}
	if (entry.includes('*') && !allowWildcard) {
		throw new InputError(
			field,
			`entry ${position} ${show(entry)}: the * wildcard is only allowed in "Your Domains (Exclude)".`,
		);
	}
	let host = entry.toLowerCase().replace(/\/+$/, '');
	if (host.startsWith('www.')) host = host.slice(4);
	if (host.includes('/') || host.includes('*')) {
		throw new InputError(
			field,
			`entry ${position} ${show(entry)} looks like a page. Write pages as full URLs with https://, for example "https://${host}".`,
		);
	}
	if (!isHostname(host)) {
		throw new InputError(
			field,
			`entry ${position} ${show(entry)} is not a domain. Write a domain like "moz.com", a subdomain like "blog.moz.com", or a page URL starting with https://.`,
		);
	}
	return host;
}

/** Normalises a list and drops repeats, keeping the first occurrence (and its position). */
export function normalizeList(
	value: unknown,
	field: string,
	{ min, max, allowWildcard }: { min: number; max: number; allowWildcard: boolean },
): { values: string[]; droppedDuplicates: boolean } {
	const entries = splitList(value, field);
	const values: string[] = [];
	entries.forEach((entry, index) => {
		const normalized = normalizeTarget(entry, field, index + 1, allowWildcard);
		if (!values.includes(normalized)) values.push(normalized);
	});
	if (values.length < min) {
		throw new InputError(
			field,
			`add at least ${min} domain or page, for example "competitor.com".`,
		);
	}
	if (values.length > max) {
		throw new InputError(
			field,
			`${values.length} entries given, but DataForSEO accepts at most ${max}. Split them over several items or runs.`,
		);
	}
	return { values, droppedDuplicates: values.length !== entries.length };
}
