// Parsing of target / exclude_target strings into the keys the link graph hashes on.
// DataForSEO distinguishes domains/subdomains (no scheme, no www) from pages (absolute URLs);
// exclude_targets may also hold URL patterns with "*".
import { fnv1a, mix, unit } from './hash';

export type TargetKind = 'domain' | 'page' | 'wildcard';

export interface ParsedTarget {
	kind: TargetKind;
	/** The string as sent (echoed back in responses). */
	raw: string;
	/** Host without a leading "www." — the unit the graph's link probability is attached to. */
	host: string;
	/** Stable identity: host for domains, host + path (+ query) for pages, path prefix for wildcards. */
	key: string;
	/** fnv1a(key); the graph mixes it with the referring domain's hash. */
	hash: number;
	/** fnv1a(host); pages and wildcards link from a subset of the host's referring domains. */
	hostHash: number;
	/** Share of the host's referring domains that also link to this page/pattern (1 for domains). */
	share: number;
}

// Hostname labels as DataForSEO accepts them (punycode included); at least one dot.
const HOST_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const SCHEME_RE = /^https?:\/\//i;
// Salt so page shares do not correlate with the page's own link hash.
const SHARE_SALT = 0x5ca1ab1e;

export function stripWww(host: string): string {
	return host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * Link popularity of a host: the fraction of all referring domains that link to it. Seed-free on
 * purpose, so every seed gives the docs' example a similar density. The salt was picked so that the
 * docs' example (moz.com 0.77, ahrefs.com 0.85, minus semrush.com 0.30) reaches 40921 rows at a
 * graph of about 100k referring domains.
 */
export function hostPopularity(hostHash: number): number {
	return 0.25 + 0.7 * unit(mix(hostHash, 0x1a58));
}

function normalizeHost(text: string): string | null {
	const host = text.trim().toLowerCase().replace(/\.$/, '');
	return HOST_RE.test(host) ? host : null;
}

/**
 * Parses one target. Returns null when DataForSEO would reject it ("Invalid Field").
 * allowWildcard: only exclude_targets accept "*" patterns (and only inside URLs).
 */
export function parseTarget(raw: unknown, allowWildcard: boolean): ParsedTarget | null {
	if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 2048) return null;
	const text = raw.trim();
	if (!SCHEME_RE.test(text)) {
		const host = normalizeHost(text);
		if (host === null) return null;
		const key = stripWww(host);
		const hash = fnv1a(key);
		return { kind: 'domain', raw, host: key, key, hash, hostHash: hash, share: 1 };
	}
	const star = text.indexOf('*');
	if (star >= 0 && !allowWildcard) return null;
	let url: URL;
	try {
		// A "*" is not valid in a URL host but is fine in a path; parse what precedes it.
		url = new URL(star >= 0 ? text.slice(0, star) : text);
	} catch {
		return null;
	}
	const hostRaw = normalizeHost(url.hostname);
	if (hostRaw === null) return null;
	if (star >= 0 && text.slice(0, star).replace(SCHEME_RE, '').indexOf('/') < 0) return null;
	const host = stripWww(hostRaw);
	const hostHash = fnv1a(host);
	// Scheme and trailing slash do not make a different page in the index.
	let path = url.pathname + url.search;
	if (path.length > 1 && path.endsWith('/') && star < 0) path = path.slice(0, -1);
	if (star >= 0) {
		const key = `${host}${path}*`;
		const hash = fnv1a(key);
		// "host/*" covers every page of the host; deeper prefixes cover a sizeable part of it.
		const share = path === '/' || path === '' ? 1 : 0.25 + 0.5 * unit(mix(hash, SHARE_SALT));
		return { kind: 'wildcard', raw, host, key, hash, hostHash, share };
	}
	const key = `${host}${path}`;
	const hash = fnv1a(key);
	// A single page collects links from a small slice of the domain's referring domains.
	const share = path === '/' ? 0.6 : 0.05 + 0.3 * unit(mix(hash, SHARE_SALT));
	return { kind: 'page', raw, host, key, hash, hostHash, share };
}

/** True when referringDomain is the target's own host or one of its subdomains. */
export function isInternal(referringDomain: string, target: ParsedTarget): boolean {
	// Cheap reject first: this runs for every domain of the graph on every query.
	if (!referringDomain.endsWith(target.host)) return false;
	const d = stripWww(referringDomain);
	return d === target.host || d.endsWith(`.${target.host}`);
}
