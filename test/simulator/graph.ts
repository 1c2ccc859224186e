// The seeded synthetic link graph: an ordered list of referring domains and a hash-based answer to
// "does referring domain d link to target t?". Nothing is stored per link, so a 100k-domain graph
// costs a few MB and any target string (real or made up) works without setup.
import { fnv1a, mix, Rng, unit } from './hash';
import { drawDomainName } from './names';
import { hostPopularity, parseTarget, ParsedTarget, stripWww } from './targets';

export type StatusType = 'all' | 'live' | 'lost';

/** How d links to t: 0 not at all, 1 only live backlinks, 2 live + lost backlinks, 3 only lost. */
export type LinkState = 0 | 1 | 2 | 3;

export interface LinksToOptions {
	/** Default true, as in the API: subdomains of a domain target widen its set slightly. */
	includeSubdomains?: boolean;
	/** Default 'live', as in the API's backlinks_status_type. */
	statusType?: StatusType;
}

/**
 * Read access to the graph, for brute-force checks in tests. linksTo() answers the raw link question;
 * it does not apply exclude_internal_backlinks, include_indirect_links or backlinks_filters, which
 * only ever narrow the API's rows further.
 */
export interface LinkGraph {
	readonly seed: number;
	/** Number of referring domains. */
	readonly size: number;
	/** Bumped by grow(); query caches key on it. */
	readonly version: number;
	/** All referring domains, in index order (a copy). */
	referringDomains(): string[];
	domainAt(index: number): string;
	/** Index of a referring domain, or -1. */
	indexOf(referringDomain: string): number;
	/** 0 for domains of the initial graph; the grow() wall-clock time (ms, whole seconds) otherwise. */
	bornAt(index: number): number;
	/** Seed-mixed hash of the domain at index; metrics derive from it. */
	hashAt(index: number): number;
	/** target: a domain, a page URL or (like exclude_targets) a URL pattern with "*". */
	linksTo(referringDomain: string, target: string, opts?: LinksToOptions): boolean;
	linkState(index: number, target: ParsedTarget, includeSubdomains: boolean): LinkState;
	/** Appends n new referring domains (born now: live links, first_seen = now). */
	grow(n: number): void;
	/** The domain now links (live) to the target's host, e.g. a prospect won by your domain. */
	gainLink(referringDomain: string, target: string): void;
	/** Takes every gained link out again. */
	clearGained(): void;
	/** When the domain gained its link to the host (first_seen), or 0 if it was drawn so. */
	gainedAt(index: number, host: string): number;
	/** Position of each domain (by index) in ascending name order; the final sort tiebreak. */
	alphabeticalRank(): Int32Array;
}

const SUB_SALT = 0x50b5;
const PAGE_SALT = 0x9a6e;
const STATE_SALT = 0x57a7e;
// Fraction of extra (subdomain-only) linkers that include_subdomains adds, relative to popularity.
const SUBDOMAIN_WIDENING = 0.06;

export function statusAccepts(state: LinkState, status: StatusType): boolean {
	if (state === 0) return false;
	if (status === 'all') return true;
	if (status === 'live') return state !== 3;
	return state !== 1;
}

export class SyntheticGraph implements LinkGraph {
	readonly seed: number;
	version = 0;
	private readonly seedHash: number;
	private readonly names: string[] = [];
	private readonly hashes: number[] = [];
	private readonly born: number[] = [];
	private readonly byName = new Map<string, number>();
	// Uniqueness is by host without "www." so x.com and www.x.com never both appear.
	private readonly keys = new Set<string>();
	private alphaRank: Int32Array | null = null;
	private readonly parsedTargets = new Map<string, ParsedTarget>();
	/** "<index>|<host>" of links gained since the graph was drawn, and when (ms, whole seconds). */
	private readonly gained = new Map<string, number>();

	constructor(seed: number) {
		this.seed = seed;
		this.seedHash = mix(fnv1a(`seed:${seed}`), seed >>> 0);
	}

	get size(): number {
		return this.names.length;
	}

	referringDomains(): string[] {
		return this.names.slice();
	}

	domainAt(index: number): string {
		return this.names[index];
	}

	indexOf(referringDomain: string): number {
		return this.byName.get(referringDomain.toLowerCase()) ?? -1;
	}

	bornAt(index: number): number {
		return this.born[index];
	}

	hashAt(index: number): number {
		return this.hashes[index];
	}

	/** Appends domains of the initial (historical) graph. */
	appendBase(n: number): void {
		for (let k = 0; k < n; k++) this.appendOne(0);
	}

	grow(n: number): void {
		if (!Number.isInteger(n) || n < 0) throw new Error(`grow(n): n must be a non-negative integer`);
		// Whole seconds, rounded up, so "first_seen > time of the previous run" holds for new rows.
		const now = Math.ceil(Date.now() / 1000) * 1000;
		for (let k = 0; k < n; k++) this.appendOne(now);
		if (n > 0) this.version++;
	}

	alphabeticalRank(): Int32Array {
		if (this.alphaRank === null || this.alphaRank.length !== this.names.length) {
			const names = this.names;
			const order = names.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : 1));
			const rank = new Int32Array(names.length);
			order.forEach((index, position) => (rank[index] = position));
			this.alphaRank = rank;
		}
		return this.alphaRank;
	}

	gainLink(referringDomain: string, target: string): void {
		const index = this.indexOf(referringDomain);
		const parsed = parseTarget(target, false);
		if (index < 0) throw new Error(`gainLink: unknown domain ${JSON.stringify(referringDomain)}`);
		if (parsed === null) throw new Error(`gainLink: invalid target ${JSON.stringify(target)}`);
		this.gained.set(`${index}|${parsed.host}`, Math.ceil(Date.now() / 1000) * 1000);
		this.version++;
	}

	gainedAt(index: number, host: string): number {
		return this.gained.size === 0 ? 0 : (this.gained.get(`${index}|${host}`) ?? 0);
	}

	clearGained(): void {
		if (this.gained.size === 0) return;
		this.gained.clear();
		this.version++;
	}

	linkState(index: number, target: ParsedTarget, includeSubdomains: boolean): LinkState {
		// A gained link is to the whole host: its pages and patterns count it too, as live.
		if (this.gained.size > 0 && this.gained.has(`${index}|${target.host}`)) return 1;
		const dh = this.hashes[index];
		const base = mix(dh, target.hostHash);
		const p = hostPopularity(target.hostHash);
		let linked = unit(base) < p;
		if (!linked && includeSubdomains && target.kind === 'domain') {
			linked = unit(mix(base, SUB_SALT)) < SUBDOMAIN_WIDENING * p;
		}
		if (!linked) return 0;
		// Pages and URL patterns link from a subset of the host's (own-host) referring domains.
		if (target.share < 1 && unit(mix(dh, target.hash ^ PAGE_SALT)) >= target.share) return 0;
		// Domains that appeared via grow() are fresh: nothing of theirs can be lost yet.
		if (this.born[index] > 0) return 1;
		// Live/lost is a property of the (domain, host) link, so a page or pattern never shows a link
		// as live that its host shows as lost (and a host-wide "*" pattern equals its host).
		const s = unit(mix(dh, target.hostHash ^ STATE_SALT));
		if (s < 0.06) return 3;
		if (s < 0.16) return 2;
		return 1;
	}

	linksTo(referringDomain: string, target: string, opts: LinksToOptions = {}): boolean {
		const index = this.indexOf(referringDomain);
		if (index < 0) return false;
		// Brute-force checks call this once per domain with the same few targets: parse each once.
		let parsed = this.parsedTargets.get(target);
		if (parsed === undefined) {
			const fresh = parseTarget(target, true);
			if (fresh === null) throw new Error(`linksTo: invalid target ${JSON.stringify(target)}`);
			if (this.parsedTargets.size > 256) this.parsedTargets.clear();
			this.parsedTargets.set(target, fresh);
			parsed = fresh;
		}
		const state = this.linkState(index, parsed, opts.includeSubdomains ?? true);
		return statusAccepts(state, opts.statusType ?? 'live');
	}

	private appendOne(bornAt: number): void {
		const index = this.names.length;
		for (let attempt = 0; ; attempt++) {
			const name = drawDomainName(new Rng(mix(mix(this.seedHash, index), attempt)));
			const key = stripWww(name);
			if (this.keys.has(key)) continue;
			this.keys.add(key);
			this.byName.set(name, index);
			this.names.push(name);
			this.hashes.push(mix(fnv1a(name), this.seedHash));
			this.born.push(bornAt);
			return;
		}
	}
}
