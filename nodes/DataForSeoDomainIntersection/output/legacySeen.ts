import type { IDataObject } from 'n8n-workflow';

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

/**
 * What version 0.1.0 remembered in the workflow's static data (`seenDomains[setKey].hashes`,
 * 8-character fingerprints): still honoured read-only, so the first run after an upgrade does not
 * emit every domain again as new. Static data is where it was; nothing new is written there.
 */
export function legacySeen(staticData: IDataObject, setKey: string): Set<string> {
	const all = staticData.seenDomains as Record<string, { hashes?: unknown }> | undefined;
	const hashes = all?.[setKey]?.hashes;
	const known = new Set<string>();
	if (typeof hashes !== 'string') return known;
	for (let i = 0; i + 8 <= hashes.length; i += 8) known.add(hashes.slice(i, i + 8));
	return known;
}

/** Forget Seen Domains also drops the 0.1.0 memory. */
export function forgetLegacySeen(staticData: IDataObject): void {
	delete staticData.seenDomains;
}
