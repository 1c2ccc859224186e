/** Medians and the latency-only bounds the measured times are compared with. */

export const median = (values: readonly number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The bound for Return All: the first page alone, then the rest C at a time. */
export const pagedBound = (pages: number, concurrency: number, latencyMs: number): number =>
	(1 + Math.ceil((pages - 1) / concurrency)) * latencyMs;

/** The bound for independent requests: C at a time. */
export const roundsBound = (requests: number, concurrency: number, latencyMs: number): number =>
	Math.ceil(requests / concurrency) * latencyMs;
