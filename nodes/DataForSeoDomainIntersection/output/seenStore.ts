import type { IDataObject } from 'n8n-workflow';

/** Most referring domains remembered per target set; the oldest are forgotten first. */
export const MAX_SEEN_PER_TARGET_SET = 50_000;

const HASH_BYTES = 6;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A 48-bit fingerprint of a domain, written as 8 base64 characters. Two 32-bit FNV-1a variants
 * keep it cheap without node:crypto, which community nodes may not import.
 */
export function fingerprint(domain: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < domain.length; i++) {
		const code = domain.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
		b ^= b >>> 15;
	}
	const bytes = [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255];
	let text = '';
	for (let i = 0; i < HASH_BYTES; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		text += BASE64[n >>> 18] + BASE64[(n >>> 12) & 63] + BASE64[(n >>> 6) & 63] + BASE64[n & 63];
	}
	return text;
}

/** Same targets and excludes, in any order and case, share one memory. */
export function targetSetKey(
	targets: readonly string[],
	excludeTargets: readonly string[],
): string {
	const sorted = (list: readonly string[]) =>
		[...list]
			.map((t) => t.toLowerCase())
			.sort()
			.join(',');
	return fingerprint(`${sorted(targets)}|${sorted(excludeTargets)}`);
}

interface SeenEntry {
	/** Fingerprints, oldest first, concatenated: 8 characters each. */
	hashes: string;
	updatedAt: string;
}

/**
 * "Only new since the last run": the referring domains already emitted for a target set, kept in
 * the workflow's static data. n8n saves static data only after production (trigger, webhook,
 * schedule) executions, so manual test runs read it but don't change it.
 */
export class SeenStore {
	private readonly known = new Set<string>();
	private readonly added: string[] = [];

	constructor(
		private readonly staticData: IDataObject,
		private readonly key: string,
		reset: boolean,
	) {
		const all = (staticData.seenDomains ??= {}) as Record<string, SeenEntry>;
		if (reset) delete all[key];
		const hashes = all[key]?.hashes ?? '';
		for (let i = 0; i < hashes.length; i += 8) this.known.add(hashes.slice(i, i + 8));
	}

	/** True when an earlier run already emitted the domain. */
	has(domain: string): boolean {
		return this.known.has(fingerprint(domain));
	}

	/** The domains no earlier run emitted. */
	async filterNew(domains: readonly string[]): Promise<Set<string>> {
		return new Set(domains.filter((domain) => !this.has(domain)));
	}

	/** Marks domains as emitted; called only once their item's run has succeeded. */
	remember(domains: readonly string[]): void {
		for (const domain of domains) {
			const hash = fingerprint(domain);
			if (this.known.has(hash)) continue;
			this.known.add(hash);
			this.added.push(hash);
		}
	}

	/** Writes the new fingerprints back, forgetting the oldest beyond the cap. */
	save(now: Date = new Date()): void {
		if (this.added.length === 0) return;
		const all = this.staticData.seenDomains as Record<string, SeenEntry>;
		let hashes = (all[this.key]?.hashes ?? '') + this.added.join('');
		const overflow = hashes.length / 8 - MAX_SEEN_PER_TARGET_SET;
		if (overflow > 0) hashes = hashes.slice(overflow * 8);
		all[this.key] = { hashes, updatedAt: now.toISOString() };
		this.added.length = 0;
	}
}

/** One SeenStore per target set in an execution, so items with the same targets share it. */
export class SeenStores {
	private readonly stores = new Map<string, SeenStore>();

	constructor(private readonly staticData: () => IDataObject) {}

	for(request: {
		targets: readonly string[];
		excludeTargets: readonly string[];
		resetSeen: boolean;
	}): SeenStore {
		const key = targetSetKey(request.targets, request.excludeTargets);
		let store = this.stores.get(key);
		if (!store)
			this.stores.set(key, (store = new SeenStore(this.staticData(), key, request.resetSeen)));
		return store;
	}

	save(): void {
		for (const store of this.stores.values()) store.save();
	}
}
