// The per-target "referring_links_*" maps. They are only built for rows actually returned, which is
// why they live apart from the scalar metrics (those are needed for every row to filter and sort).
import { mix, Rng, unit } from './hash';
import { tldOf } from './names';
import type { TargetMetrics } from './metrics';

export type CountMap = Record<string, number>;

export interface LinkMaps {
	referring_links_tld: CountMap;
	referring_links_types: CountMap;
	referring_links_attributes: CountMap | null;
	referring_links_platform_types: CountMap;
	referring_links_semantic_locations: CountMap;
	referring_links_countries: CountMap | null;
}

const PLATFORMS: readonly (readonly [string[], number])[] = [
	[['unknown'], 35],
	[['blogs', 'cms'], 20],
	[['cms'], 12],
	[['news'], 8],
	[['blogs', 'news'], 5],
	[['ecommerce', 'cms'], 8],
	[['organization'], 6],
	[['message-boards'], 3],
	[['wikis'], 3],
];

// DataForSEO reports links outside any semantic element under the empty key "".
const SEMANTIC = [
	'article',
	'section',
	'main',
	'footer',
	'header',
	'nav',
	'aside',
	'figure',
	'figcaption',
	'summary',
	'details',
	'blockquote',
	'table',
	'time',
	'mark',
];

const RARE_LINK_TYPES: readonly (readonly [string, number])[] = [
	['redirect', 0.05],
	['link', 0.04],
	['canonical', 0.03],
	['alternate', 0.02],
	['meta', 0.01],
];
const RARE_ATTRIBUTES = ['ugc', 'sponsored', 'external'];

const CC_BY_TLD: Readonly<Record<string, string>> = {
	de: 'DE',
	'co.uk': 'GB',
	fr: 'FR',
	ru: 'RU',
	in: 'IN',
	'com.au': 'AU',
	ca: 'CA',
	nl: 'NL',
	it: 'IT',
	es: 'ES',
	ir: 'IR',
	pl: 'PL',
	'com.br': 'BR',
	jp: 'JP',
	us: 'US',
};
const COMMON_CC = ['US', 'DE', 'GB', 'FR', 'NL', 'CA', 'SG', 'IE', 'SE', 'FI'];

/**
 * Collects (key, count) pairs in reusable arrays and emits one object sorted by count desc (then
 * key), like the API, capped to internal_list_limit keys. Rendering a 1000-row page builds 12k maps;
 * going through temporary objects and Object.entries made that the slowest part of a page.
 */
class MapBuilder {
	private readonly keys: string[] = [];
	private readonly counts: number[] = [];
	private size = 0;

	start(): this {
		this.size = 0;
		return this;
	}

	add(key: string, count: number): this {
		this.keys[this.size] = key;
		this.counts[this.size] = count;
		this.size++;
		return this;
	}

	emit(limit: number): CountMap {
		const { keys, counts } = this;
		// Insertion sort: maps hold at most 16 keys.
		for (let i = 1; i < this.size; i++) {
			const k = keys[i];
			const c = counts[i];
			let j = i - 1;
			while (j >= 0 && (counts[j] < c || (counts[j] === c && keys[j] > k))) {
				keys[j + 1] = keys[j];
				counts[j + 1] = counts[j];
				j--;
			}
			keys[j + 1] = k;
			counts[j + 1] = c;
		}
		const out: CountMap = {};
		const n = Math.min(limit, this.size);
		for (let i = 0; i < n; i++) out[keys[i]] = counts[i];
		return out;
	}

	get length(): number {
		return this.size;
	}
}

const builder = new MapBuilder();

function small(total: number, rng: Rng, share: number): number {
	const r = rng.next();
	return Math.max(1, Math.round(total * r * r * r * share));
}

function linkTypes(pages: number, rng: Rng, limit: number): CountMap {
	const b = builder.start();
	const image = rng.next() < 0.45 && pages > 1 ? Math.min(pages - 1, small(pages, rng, 0.3)) : 0;
	b.add('anchor', pages - image);
	if (image > 0) b.add('image', image);
	for (const [type, p] of RARE_LINK_TYPES) if (rng.next() < p) b.add(type, small(pages, rng, 0.05));
	return b.emit(limit);
}

function attributes(m: TargetMetrics, rng: Rng, limit: number): CountMap | null {
	if (rng.next() < 0.35) return null;
	const pages = m.referring_pages;
	const b = builder.start();
	if (rng.next() < 0.8)
		b.add('noopener', Math.max(1, Math.round(pages * (0.3 + 0.7 * rng.next()))));
	if (rng.next() < 0.6) b.add('noreferrer', Math.max(1, Math.round(pages * rng.next())));
	if (m.referring_pages_nofollow > 0) b.add('nofollow', m.referring_pages_nofollow);
	else if (rng.next() < 0.2) b.add('nofollow', small(pages, rng, 0.1));
	for (const attr of RARE_ATTRIBUTES) if (rng.next() < 0.1) b.add(attr, small(pages, rng, 0.05));
	return b.length === 0 ? null : b.emit(limit);
}

const pool = SEMANTIC.slice();
const weights: number[] = [];

function semanticLocations(pages: number, rng: Rng, limit: number): CountMap {
	// Bigger link profiles spread over more elements, which is what makes internal_list_limit bite.
	const k = Math.max(
		1,
		Math.min(SEMANTIC.length + 1, pages, 1 + Math.floor(Math.log10(pages + 1) * 3 * rng.next())),
	);
	const withEmpty = rng.next() < 0.6;
	const picks = withEmpty ? k - 1 : Math.min(k, pool.length);
	// Partial Fisher-Yates over a copy reset from SEMANTIC, so the draw depends only on the rng.
	for (let i = 0; i < pool.length; i++) pool[i] = SEMANTIC[i];
	for (let i = 0; i < picks; i++) {
		const j = i + Math.floor(rng.next() * (pool.length - i));
		const swap = pool[i];
		pool[i] = pool[j];
		pool[j] = swap;
	}
	const count = picks + (withEmpty ? 1 : 0);
	let sum = 0;
	for (let i = 0; i < count; i++) {
		const r = rng.next();
		weights[i] = (i === 0 ? 4 : 0) + r * r;
		sum += weights[i];
	}
	const keyAt = (i: number): string => (withEmpty ? (i === 0 ? '' : pool[i - 1]) : pool[i]);
	const b = builder.start();
	// Every key gets at least one link; the first (dominant) key takes the remainder.
	let rest = pages;
	for (let i = count - 1; i > 0; i--) {
		const n = Math.max(1, Math.min(rest - i, Math.floor((pages * weights[i]) / sum)));
		b.add(keyAt(i), n);
		rest -= n;
	}
	b.add(keyAt(0), rest);
	return b.emit(limit);
}

function platforms(domainHash: number, pages: number, limit: number): CountMap {
	const rng = new Rng(mix(domainHash, 0x91a7));
	const set = rng.weighted(PLATFORMS);
	const b = builder.start();
	set.forEach((p, i) =>
		b.add(p, i === 0 ? pages : Math.max(1, Math.round(pages * (0.4 + 0.6 * rng.next())))),
	);
	return b.emit(limit);
}

function countries(tld: string, domainHash: number, pages: number, limit: number): CountMap | null {
	if (unit(mix(domainHash, 0xc0c0)) < 0.65) return null;
	const rng = new Rng(mix(domainHash, 0xcc));
	const primary = CC_BY_TLD[tld] ?? rng.pick(COMMON_CC);
	const b = builder.start().add(primary, pages);
	if (rng.next() < 0.25 && pages > 1) {
		const second = rng.pick(COMMON_CC);
		if (second !== primary) b.add(second, small(pages, rng, 0.3));
	}
	return b.emit(limit);
}

export function buildLinkMaps(
	domain: string,
	domainHash: number,
	mapSeed: number,
	m: TargetMetrics,
	limit: number,
): LinkMaps {
	const rng = new Rng(mapSeed);
	const pages = m.referring_pages;
	const tld = tldOf(domain);
	const attrs = attributes(m, rng, limit);
	return {
		referring_links_tld: { [tld]: pages },
		referring_links_types: linkTypes(pages, rng, limit),
		referring_links_attributes: attrs,
		referring_links_platform_types: platforms(domainHash, pages, limit),
		referring_links_semantic_locations: semanticLocations(pages, rng, limit),
		referring_links_countries: countries(tld, domainHash, pages, limit),
	};
}
