/** Scenario 2: 40 input items, each its own competitor pair and a single request. */
import { intersect, type LinkGraph } from '../../test/simulator';
import { fnv1a } from '../../test/simulator/hash';
import { hostPopularity } from '../../test/simulator/targets';
import { pairedIndex, timeNode } from './nodeRun';
import type { SimProcess } from './simProcess';

export const ITEMS = 40;
export const ITEMS_CONCURRENCY = 8;

/**
 * Popular made-up domains, so that every pair shares over 1,000 referring domains even in the
 * small graph this scenario uses (see bench.ts), and "limit 1000" really returns 1,000 rows.
 */
export function competitorPairs(): [string, string][] {
	const names = Array.from({ length: 2000 }, (_, i) => `rival${i + 1}.com`)
		.map((name) => ({ name, popularity: hostPopularity(fnv1a(name)) }))
		.sort((a, b) => b.popularity - a.popularity)
		.slice(0, ITEMS * 2)
		.map(({ name }) => name);
	return Array.from({ length: ITEMS }, (_, i) => [names[2 * i], names[2 * i + 1]]);
}

/** Each item's pair reaches the node through an expression, as it would from a sheet. */
export const itemsParameters = (limit: number) => ({
	targets: '={{ $json.targets }}',
	excludeTargets: '',
	returnAll: false,
	limit,
	options: { concurrency: ITEMS_CONCURRENCY },
});

export const itemsInput = () => competitorPairs().map((pair) => ({ targets: pair.join(', ') }));

export interface ManyItemsRun {
	ms: number;
	cpuMs: number;
	waitMs: number;
	requests: number;
	peakInFlight: number;
	rows: number;
	problems: string[];
}

/** Full answer per competitor pair, keyed by the task's targets as JSON. */
type Reference = Map<string, string[]>;

async function referenceFor(sim: SimProcess, graph: LinkGraph, cache: Reference) {
	for (const entry of await sim.log()) {
		const task = (entry.body as Record<string, unknown>[])[0];
		const key = JSON.stringify(task.targets);
		if (cache.has(key)) continue;
		// The full answer, cut to each run's limit later (the node sends no offset here).
		const query = { ...task };
		delete query.offset;
		delete query.limit;
		cache.set(
			key,
			intersect(graph, query).map((row) => row.referringDomain),
		);
	}
}

export async function manyItemsRun(
	sim: SimProcess,
	graph: LinkGraph,
	limit: number,
	cache: Reference,
): Promise<ManyItemsRun> {
	const pairs = competitorPairs();
	await sim.reset();
	const run = await timeNode(sim.url, itemsParameters(limit), { input: itemsInput() });
	const stats = await sim.stats();
	const problems = run.error ? [`run failed: ${run.error}`] : [];
	if (stats.peakInFlight > ITEMS_CONCURRENCY)
		problems.push(`${stats.peakInFlight} in flight at C=${ITEMS_CONCURRENCY}`);
	if (stats.requests !== ITEMS) problems.push(`${stats.requests} requests for ${ITEMS} items`);
	await referenceFor(sim, graph, cache);
	// Outputs must come item by item in input order, each with its own pair's answer.
	let at = 0;
	pairs.forEach(([first, second], index) => {
		const expected = cache.get(JSON.stringify({ '1': first, '2': second }))?.slice(0, limit) ?? [];
		const rows = run.items.slice(at, at + expected.length);
		at += expected.length;
		const wrong = rows.findIndex(
			(item, k) =>
				pairedIndex(item) !== index ||
				item.json.referring_domain !== expected[k] ||
				item.json.target1 !== first ||
				item.json.target2 !== second,
		);
		if (rows.length !== expected.length || wrong >= 0 || expected.length === 0)
			problems.push(`item ${index}: output ${wrong >= 0 ? `row ${wrong} ` : ''}does not match`);
	});
	if (at !== run.items.length) problems.push(`${run.items.length} rows, expected ${at}`);
	return {
		ms: run.ms,
		cpuMs: run.cpuMs,
		waitMs: run.waitMs,
		requests: stats.requests,
		peakInFlight: stats.peakInFlight,
		rows: run.items.length,
		problems: problems.slice(0, 6),
	};
}
