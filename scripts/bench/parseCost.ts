/**
 * The reference for the node's CPU: JSON.parse of the very bytes a run read, page by page (the
 * same task, offsets and page size), so the ratio says what the node adds to the unavoidable.
 */
import { SIM_LOGIN, SIM_PASSWORD } from '../../test/simulator';
import { median } from './model';
import type { SimProcess } from './simProcess';

const LIVE_PATH = '/v3/backlinks/domain_intersection/live';
const REPEATS = 3;
const PAGE = 1000;

/** CPU time rather than wall time, so other processes on the machine do not skew the ratio. */
export function cpuOf(work: () => void): number {
	const started = process.cpuUsage();
	work();
	const used = process.cpuUsage(started);
	return (used.user + used.system) / 1000;
}

/** One page's answer text, at 0 ms latency. */
export async function pageText(sim: SimProcess, task: Record<string, unknown>, offset: number) {
	const auth = `Basic ${Buffer.from(`${SIM_LOGIN}:${SIM_PASSWORD}`).toString('base64')}`;
	const response = await fetch(`${sim.url}${LIVE_PATH}`, {
		method: 'POST',
		headers: { authorization: auth, 'content-type': 'application/json' },
		body: JSON.stringify([{ ...task, offset, limit: PAGE }]),
	});
	return response.text();
}

export interface ParseCost {
	/** Summed CPU over all pages. */
	ms: number;
	/** The slowest single page: the shortest block any parser of whole answers can achieve. */
	pageMaxMs: number;
}

/**
 * CPU of JSON.parse over every page of `total` rows (median of 3 per page). One page at a time,
 * so 20 competitors' ~0.5 GB of text is never held at once.
 */
export async function parseCost(
	sim: SimProcess,
	task: Record<string, unknown>,
	total: number,
	latencyMs = 300,
): Promise<ParseCost> {
	await sim.setLatency(0);
	let sum = 0;
	let pageMaxMs = 0;
	try {
		for (let offset = 0; offset < total; offset += PAGE) {
			const text = await pageText(sim, task, offset);
			const times: number[] = [];
			for (let rep = 0; rep < REPEATS; rep++) times.push(cpuOf(() => JSON.parse(text)));
			sum += median(times);
			pageMaxMs = Math.max(pageMaxMs, median(times));
		}
	} finally {
		await sim.setLatency(latencyMs);
	}
	return { ms: sum, pageMaxMs };
}
