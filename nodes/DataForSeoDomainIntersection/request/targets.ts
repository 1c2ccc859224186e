import { InputError, show } from './inputError';
import { splitList } from './lists';
import { FIELDS } from '../fields';

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

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

/** A host as DataForSEO wants a domain: lower case, ASCII (punycode), no `www.`, no final dot. */
function asDomain(host: string): string {
	let domain = host.toLowerCase().replace(/\.+$/, '');
	// The URL parser applies the same IDNA rules browsers do: bücher.de -> xn--bcher-kva.de.
	if ([...domain].some((char) => char.charCodeAt(0) > 127) && URL.canParse(`http://${domain}`))
		domain = new URL(`http://${domain}`).hostname;
	return domain.startsWith('www.') ? domain.slice(4) : domain;
}

/** A URL that names a whole site: only a host, with nothing after it but an optional "/". */
function homepageHost(entry: string): string | undefined {
	const url = new URL(entry);
	const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
	return bare && !entry.includes('*') && !/[?#]/.test(entry) ? url.hostname : undefined;
}

export interface Target {
	value: string;
	/** Set when the entry was read differently from how it was typed, for the run hint. */
	note?: string;
}

/**
 * Normalises one target the way DataForSEO expects it: a domain or subdomain with no scheme
 * and no `www.` (we strip `www.` rather than refuse it, since people paste it all the time),
 * or a page as an absolute http(s) URL, kept exactly as typed. A homepage URL such as
 * https://www.moz.com/ means the site: sent as a page, DataForSEO would count only links to
 * the homepage, and the result would be silently narrower.
 */
export function normalizeTarget(
	entry: string,
	field: string,
	position: number,
	allowWildcard = false,
): Target {
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
		const host = homepageHost(entry);
		if (host === undefined) return { value: entry };
		const domain = asDomain(host);
		return { value: domain, note: `"${entry}" was read as the domain ${domain}` };
	}
	if (entry.includes('*') && !allowWildcard) {
		throw new InputError(
			field,
			`entry ${position} ${show(entry)}: the * wildcard is only allowed in "${FIELDS.excludeTargets.ui.displayName}".`,
		);
	}
	const host = asDomain(entry.replace(/\/+$/, ''));
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
	return { value: host };
}

export interface TargetList {
	values: string[];
	droppedDuplicates: boolean;
	/** How entries were read differently from how they were typed. */
	notes: string[];
}

/** Normalises a list and drops repeats, keeping the first occurrence (and its position). */
export function normalizeList(
	value: unknown,
	field: string,
	{ min, max, allowWildcard }: { min: number; max: number; allowWildcard: boolean },
): TargetList {
	// Only the exclude list may be empty, so only there do "none" and "n/a" mean nothing.
	const entries = splitList(value, field, min === 0);
	const values: string[] = [];
	const notes: string[] = [];
	entries.forEach((entry, index) => {
		const { value: normalized, note } = normalizeTarget(entry, field, index + 1, allowWildcard);
		if (note) notes.push(note);
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
	return { values, droppedDuplicates: values.length !== entries.length, notes };
}
