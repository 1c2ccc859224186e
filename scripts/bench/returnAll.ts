/** Scenario 1: Return All of the docs' example (40,921 rows) at several concurrencies. */
import type { INodeExecutionData } from 'n8n-workflow';

import { intersect, type LinkGraph } from '../../test/simulator';
import { pairedIndex, timeNode } from './nodeRun';
import type { SimProcess } from './simProcess';

export const DOCS_TOTAL = 40_921;

export function docsParameters(concurrency: number) {
	return {
		targets: 'moz.com, ahrefs.com',
		excludeTargets: 'semrush.com',
		returnAll: true,
		maxResults: 0,
		options: { includeSubdomains: false, excludeInternalBacklinks: true, concurrency },
	};
}

export interface ReturnAllRun {
	ms: number;
	cpuMs: number;
	waitMs: number;
	requests: number;
	peakInFlight: number;
	/** Empty when every row came once, in the API's order. */
	problems: string[];
}

/** The task the node sent first, without the page fields: the query every page answers. */
export async function sentTask(sim: SimProcess): Promise<Record<string, unknown>> {
	const first = (await sim.log())[0]?.body;
	if (!Array.isArray(first)) throw new Error('the node sent no task');
	const task = { ...(first[0] as Record<string, unknown>) };
	delete task.offset;
	delete task.limit;
	return task;
}

/** Compares the output, row by row, with the simulator's reference answer to the same task. */
export function checkRows(items: INodeExecutionData[], expected: readonly string[]): string[] {
	const problems: string[] = [];
	if (items.length !== expected.length)
		problems.push(`${items.length} rows, expected ${expected.length}`);
	const seen = new Set<unknown>();
	for (let i = 0; i < items.length; i++) {
		const domain = items[i].json.referring_domain;
		if (seen.has(domain)) problems.push(`row ${i}: ${String(domain)} repeated`);
		seen.add(domain);
		if (domain !== expected[i])
			problems.push(`row ${i}: ${String(domain)}, expected ${expected[i]}`);
		if (problems.length > 5) break;
	}
	return problems;
}

export async function returnAllRun(
	sim: SimProcess,
	graph: LinkGraph,
	concurrency: number,
	reference: { domains?: string[] },
): Promise<ReturnAllRun> {
	await sim.reset();
	const run = await timeNode(sim.url, docsParameters(concurrency));
	const stats = await sim.stats();
	const problems: string[] = run.error ? [`run failed: ${run.error}`] : [];
	if (!run.error) {
		reference.domains ??= intersect(graph, await sentTask(sim)).map((row) => row.referringDomain);
		problems.push(...checkRows(run.items, reference.domains));
		if (run.items.some((item) => pairedIndex(item) !== 0))
			problems.push('rows not paired to item 0');
	}
	if (stats.peakInFlight > concurrency)
		problems.push(`${stats.peakInFlight} requests in flight at C=${concurrency}`);
	return {
		ms: run.ms,
		cpuMs: run.cpuMs,
		waitMs: run.waitMs,
		requests: stats.requests,
		peakInFlight: stats.peakInFlight,
		problems,
	};
}
