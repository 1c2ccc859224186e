// Per (referring domain, target) scalar metrics. Everything is drawn from hashes of the pair so the
// same row always shows the same numbers; distributions are heavy-tailed like a real backlink index
// (most domains send a handful of links, a few send hundreds of thousands).
import { mix, Rng, unit } from './hash';
import type { LinkGraph, LinkState, StatusType } from './graph';
import type { ParsedTarget } from './targets';

export interface TargetMetrics {
	type: 'backlinks_domain_intersection';
	target: string;
	rank: number;
	backlinks: number;
	first_seen: string;
	lost_date: string | null;
	backlinks_spam_score: number;
	broken_backlinks: number;
	broken_pages: number;
	referring_domains: number;
	referring_domains_nofollow: number;
	referring_main_domains: number;
	referring_main_domains_nofollow: number;
	referring_ips: number;
	referring_subnets: number;
	referring_pages: number;
	referring_pages_nofollow: number;
}

export interface MetricsContext {
	statusType: StatusType;
	rankScale: 'one_hundred' | 'one_thousand';
	/** (0, 1]: share of backlinks kept by backlinks_filters (1 when none are given). */
	backlinksScale: number;
}

const METRIC_SALT = 0x3e7c;
const LN_MAX_BACKLINKS = Math.log(560000);
const LN_MAX_LOST = Math.log(3000);
// The historical graph spans these dates; domains added by grow() are "born" at wall-clock time.
const FIRST_SEEN_FROM = Date.UTC(2015, 0, 1);
const FIRST_SEEN_TO = Date.UTC(2024, 5, 30);
const LOST_TO = Date.UTC(2024, 8, 30);

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
// Date.toISOString dominated the cost of a 40k-row query; days repeat a lot, so cache their text.
const dayText = new Map<number, string>();

/** "YYYY-MM-DD HH:MM:SS +00:00", the API's date format (string order = time order). */
export function formatDate(ms: number): string {
	const day = Math.floor(ms / DAY_MS);
	let date = dayText.get(day);
	if (date === undefined) {
		date = new Date(day * DAY_MS).toISOString().slice(0, 10);
		dayText.set(day, date);
	}
	const sec = Math.floor((ms - day * DAY_MS) / 1000);
	const time = `${TWO_DIGITS[Math.floor(sec / 3600)]}:${TWO_DIGITS[Math.floor(sec / 60) % 60]}:${TWO_DIGITS[sec % 60]}`;
	return `${date} ${time} +00:00`;
}

function wholeSeconds(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

/** Authority of a referring domain (shared by all its targets): the base of its per-target rank. */
function authorityOf(domainHash: number): number {
	const a = unit(mix(domainHash, 0xa1));
	return Math.round(60 + 700 * a * a);
}

/** Domain-level spam score (most domains 0). */
function spamOf(domainHash: number): number {
	const s = unit(mix(domainHash, 0xb2));
	if (s < 0.78) return 0;
	const x = (s - 0.78) / 0.22;
	return Math.round(1 + 59 * x * x);
}

function ipsOf(domainHash: number): number {
	const ip = unit(mix(domainHash, 0xc3));
	return ip < 0.85 ? 1 : ip < 0.97 ? 2 : 3;
}

/** Share of a domain's links that are nofollow: mostly ~0, some domains nofollow a lot. */
function nofollowBiasOf(domainHash: number): number {
	const nf = unit(mix(domainHash, 0xd4));
	return nf < 0.7 ? 0.02 * (nf / 0.7) : (nf - 0.7) / 0.3;
}

/** Seed for the row's link maps (tld, types, attributes...), rendered only for returned rows. */
export function mapSeedOf(domainHash: number, target: ParsedTarget): number {
	return mix(domainHash, target.hash ^ 0x4a95);
}

// Non-integer Math.pow was the hottest line of a 40k-row query; r^2.5 = r * r * sqrt(r) is cheap.
function backlinksFor(state: LinkState, status: StatusType, rng: Rng): number {
	const r = rng.next();
	const live = Math.max(1, Math.floor(Math.exp(LN_MAX_BACKLINKS * r * r * Math.sqrt(r))));
	const lostDraw = rng.next();
	if (status === 'live' || state === 1) return live;
	const lost =
		state === 3
			? Math.max(1, Math.floor(Math.exp(LN_MAX_LOST * lostDraw * lostDraw)))
			: Math.max(1, Math.floor(live * lostDraw * 0.6));
	if (status === 'lost') return lost;
	return state === 2 ? live + lost : lost;
}

/**
 * TargetMetrics with the two dates formatted on first read: sorting and filtering 40k rows mostly
 * read numbers, and the date strings were a large share of the garbage.
 */
class Metrics implements TimedMetrics {
	readonly type = 'backlinks_domain_intersection' as const;
	target = '';
	rank = 0;
	backlinks = 0;
	backlinks_spam_score = 0;
	broken_backlinks = 0;
	broken_pages = 0;
	referring_domains = 1;
	referring_domains_nofollow = 0;
	referring_main_domains = 1;
	referring_main_domains_nofollow = 0;
	referring_ips = 1;
	referring_subnets = 1;
	referring_pages = 0;
	referring_pages_nofollow = 0;
	/** Epoch ms; lostMs is NaN when nothing was lost. */
	firstSeenMs = 0;
	lostMs = NaN;
	private firstSeenText: string | undefined = undefined;
	private lostText: string | null | undefined = undefined;

	get first_seen(): string {
		return (this.firstSeenText ??= formatDate(this.firstSeenMs));
	}

	get lost_date(): string | null {
		if (this.lostText === undefined)
			this.lostText = Number.isNaN(this.lostMs) ? null : formatDate(this.lostMs);
		return this.lostText;
	}
}

/** The first draws of a pair's rng are its rank, so rankOf() can skip everything else. */
function drawRank(rng: Rng, domainHash: number, ctx: MetricsContext): number {
	const rankDraw = rng.next();
	const rank =
		rankDraw < 0.32
			? 0
			: Math.min(1000, Math.round(authorityOf(domainHash) * (0.45 + 0.6 * rng.next())));
	return ctx.rankScale === 'one_hundred' ? Math.round(rank / 10) : rank;
}

/** Same value as computeMetrics(...).rank, without building the rest (the default sort key). */
export function rankOf(
	graph: LinkGraph,
	index: number,
	target: ParsedTarget,
	ctx: MetricsContext,
): number {
	const dh = graph.hashAt(index);
	return drawRank(new Rng(mix(dh, target.hash ^ METRIC_SALT)), dh, ctx);
}

/** TargetMetrics plus the dates as epoch ms (NaN = no lost date), which sort faster than text. */
export interface TimedMetrics extends TargetMetrics {
	readonly firstSeenMs: number;
	readonly lostMs: number;
}

export function computeMetrics(
	graph: LinkGraph,
	index: number,
	target: ParsedTarget,
	state: LinkState,
	ctx: MetricsContext,
): TimedMetrics {
	const dh = graph.hashAt(index);
	const rng = new Rng(mix(dh, target.hash ^ METRIC_SALT));
	const m = new Metrics();
	m.target = graph.domainAt(index);
	m.rank = drawRank(rng, dh, ctx);

	const backlinks = Math.max(
		1,
		Math.round(backlinksFor(state, ctx.statusType, rng) * ctx.backlinksScale),
	);
	const pages = Math.max(
		1,
		Math.min(backlinks, Math.round(backlinks * (0.15 + 0.85 * rng.next()))),
	);
	const pagesNofollow = Math.min(pages, Math.round(pages * nofollowBiasOf(dh) * rng.next()));
	const domainNofollow = pagesNofollow > 0 && pagesNofollow * 2 >= pages ? 1 : 0;
	m.backlinks = backlinks;
	m.referring_pages = pages;
	m.referring_pages_nofollow = pagesNofollow;
	m.referring_domains_nofollow = domainNofollow;
	m.referring_main_domains_nofollow = domainNofollow;

	const brokenDraw = rng.next();
	const b = rng.next();
	const broken = brokenDraw < 0.65 ? 0 : Math.round(backlinks * b * b * b * 0.5);
	m.broken_backlinks = broken;
	m.broken_pages =
		broken === 0 ? 0 : Math.max(1, Math.min(pages, broken, Math.round(broken * rng.next())));

	const spam = spamOf(dh);
	const spamJitter = rng.int(-5, 5);
	m.backlinks_spam_score =
		spam === 0
			? rng.next() < 0.95
				? 0
				: rng.int(1, 9)
			: Math.max(0, Math.min(100, spam + spamJitter));

	// A gained link is first seen when it was gained, so "newest link first" finds it.
	const born = graph.gainedAt(index, target.host) || graph.bornAt(index);
	const seenDraw = rng.next();
	// sqrt(x) * sqrt(sqrt(x)) = x^0.75: skews first_seen towards recent years, as in a growing index.
	const skew = Math.sqrt(seenDraw) * Math.sqrt(Math.sqrt(seenDraw));
	const firstSeen =
		born > 0 ? born : wholeSeconds(FIRST_SEEN_FROM + (FIRST_SEEN_TO - FIRST_SEEN_FROM) * skew);
	const lostDraw = rng.next();
	m.firstSeenMs = firstSeen;
	m.lostMs =
		born > 0 || state === 1 ? NaN : wholeSeconds(firstSeen + (LOST_TO - firstSeen) * lostDraw);

	const ips = ipsOf(dh);
	m.referring_ips = ips;
	m.referring_subnets = ips === 3 && rng.next() < 0.5 ? 2 : 1;
	return m;
}
