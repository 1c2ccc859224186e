// Small, fast, dependency-free hashing. Everything in the simulator is derived from these so that
// a given seed always yields the same graph, metrics and ids (Math.random is never used).

/** 32-bit FNV-1a of a string (UTF-16 code units are fine: inputs are ASCII hostnames/URLs). */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
	let h = basis >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Combines two 32-bit values with a murmur3-style finaliser so nearby inputs decorrelate. */
export function mix(a: number, b: number): number {
	let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Maps a 32-bit hash to [0, 1). */
export function unit(h: number): number {
	return (h >>> 0) / 4294967296;
}

/** mulberry32: a tiny PRNG for drawing several correlated-free values from one hash. */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Picks from a list using cumulative weights (weights need not sum to 1). */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of items) total += w;
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
}
