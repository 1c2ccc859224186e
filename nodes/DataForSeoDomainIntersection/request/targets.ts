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

/** A host as DataForSEO wants a domain: lower case, ASCII (punycode), no `www.`, no final dot. */
function asDomain(host: string): string {
	const domain = asciiHost(host);
	// www.com is a domain of its own, not a www. prefix.
	return /^www\.[^.]+\./.test(domain) ? domain.slice(4) : domain;
}

/** Lower case, ASCII (punycode) and without a final dot, the one form a host is sent in. */
function asciiHost(host: string): string {
	let ascii = host.toLowerCase().replace(/\.+$/, '');
	// The URL parser applies the same IDNA rules browsers do: bücher.de -> xn--bcher-kva.de.
	if ([...ascii].some((char) => char.charCodeAt(0) > 127) && URL.canParse(`http://${ascii}`))
		ascii = new URL(`http://${ascii}`).hostname;
	return ascii;
}

/**
 * A page URL in the one form it is sent in: the scheme and host in lower case, the host in
 * ASCII as domains are, the rest as typed (a space, which a URL cannot hold, as %20).
 * Undefined when it is not an http(s) URL of a real domain.
 */
function pageForm(
	entry: string,
	allowWildcard: boolean,
): { value: string; host: string } | undefined {
	const typed = /^(https?):\/\/([^/?#]*)(.*)$/is.exec(entry.replace(/ /g, '%20'));
	if (!typed) return undefined;
	const [, scheme, authority, rest] = typed;
	// A wildcard only stands for text; any letter parses and checks the same way.
	const parsable = allowWildcard ? authority.replace(/\*/g, 'x') : authority;
	if (!URL.canParse(`http://${parsable}/`)) return undefined;
	const url = new URL(`http://${parsable}/`);
	const host = asciiHost(url.hostname);
	if (url.username || url.password || !isHostname(host)) return undefined;
	const sentHost = authority.includes('*') ? authority.toLowerCase() : host;
	return {
		value: `${scheme.toLowerCase()}://${sentHost}${url.port ? `:${url.port}` : ''}${rest}`,
		host,
	};
}

/** A URL that names a whole site: only a host, with nothing after it but an optional "/". */
function isHomepage(page: string): boolean {
	return /^https?:\/\/[^/?#*]*\/?$/i.test(page);
}

export interface Target {
	value: string;
	/** Set when the entry was read differently from how it was typed, for the run hint. */
	note?: string;
}

/**
 * Normalises one target the way DataForSEO expects it: a domain or subdomain with no scheme
 * and no `www.` (we strip `www.` rather than refuse it, since people paste it all the time),
 * or a page as an absolute http(s) URL, its host in the same form and its path as typed. Every
 * entry's host must be a real domain. A homepage URL such as
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
		const page = pageForm(entry, allowWildcard);
		if (!page) {
			throw new InputError(
				field,
				`entry ${position} ${show(entry)} is not a page URL with a valid domain. Write a page as a full URL, for example "https://moz.com/blog/".`,
			);
		}
		if (!isHomepage(page.value)) return { value: page.value };
		const domain = asDomain(page.host);
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
			`${values.length} entries given, but DataForSEO accepts at most ${max}. Remove ${values.length - max} of them.`,
		);
	}
	return { values, droppedDuplicates: values.length !== entries.length, notes };
}

/** An exclusion with * as a pattern over the competitors' page URLs. */
function covers(pattern: string, page: string): boolean {
	const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('.*')}$`).test(page);
}

/**
 * A competitor that is also excluded leaves nothing to find: every site linking to it is left
 * out. Both lists are in one form by now, so equal entries are the same site or page.
 */
export function checkNoClash(targets: string[], excludes: string[], field: string): void {
	const both = excludes.find((entry) => targets.includes(entry));
	if (both) {
		throw new InputError(
			field,
			`"${both}" is also a competitor, so no domain could match. Remove it from one of the two lists.`,
		);
	}
	for (const pattern of excludes.filter((entry) => entry.includes('*'))) {
		const page = targets.find((target) => covers(pattern, target));
		if (page) {
			throw new InputError(
				field,
				`"${pattern}" covers the competitor "${page}", so no domain could match. Narrow the pattern or remove it.`,
			);
		}
	}
}
