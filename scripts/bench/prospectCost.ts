/**
 * Linking Pages and Report Won Prospects: the extra calls and their cost (issue 20). Counts, not
 * timings: the simulator runs in this process at 0 ms latency and every number comes from its
 * request log, priced as DataForSEO prices these endpoints. Run alone with BENCH_ONLY=prospects.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ProcessedDataStore } from '../../test/integration/harness';
import { startSimulator, type Simulator } from '../../test/simulator';
import { timeNode } from './nodeRun';
import { count, table } from './report';

const LIVE = '/v3/backlinks/domain_intersection/live';
const BACKLINKS = '/v3/backlinks/backlinks/live';
const THREE = 'moz.com, ahrefs.com, majestic.com';
const YOURS = 'semrush.com';
const GRAPH_SIZE = 20_000;

export interface ProspectCostRow {
	label: string;
	rows: number;
	intersection: { requests: number; cost: number };
	extra: { requests: number; cost: number };
	problem?: string;
}

function calls(sim: Simulator, path: string, extra?: (body: unknown) => boolean) {
	const entries = sim.log.filter(
		(entry) => entry.path === path && (extra === undefined || extra(entry.body)),
	);
	return { requests: entries.length, cost: entries.reduce((sum, entry) => sum + entry.cost, 0) };
}

const isWonSearch = (body: unknown) =>
	(body as Array<{ exclude_targets?: unknown }>)[0].exclude_targets === undefined;

/** 100 prospects × 3 competitors with Linking Pages: one call per competitor, never per prospect. */
async function linkingPages(sim: Simulator): Promise<ProspectCostRow> {
	sim.reset();
	const parameters: INodeParameters = {
		targets: THREE,
		limit: 100,
		options: { linkingPages: true },
	};
	const run = await timeNode(sim.url, parameters, { version: 2 });
	const extra = calls(sim, BACKLINKS);
	const problem =
		run.error ??
		(run.items.length !== 100 ? `${run.items.length} rows, not 100` : undefined) ??
		(extra.requests !== 3 ? `${extra.requests} Linking Pages calls, not 3` : undefined);
	return {
		label: '100 prospects × 3 competitors, Linking Pages',
		rows: run.items.length,
		intersection: calls(sim, LIVE),
		extra,
		problem,
	};
}

/** The same with Only New and Report Won Prospects, second run, two prospects won in between. */
async function wonProspects(sim: Simulator): Promise<ProspectCostRow> {
	sim.reset();
	const parameters: INodeParameters = {
		targets: THREE,
		excludeTargets: YOURS,
		limit: 100,
		options: { onlyNew: true, reportWon: true },
	};
	const processedData = new ProcessedDataStore();
	const run = () => timeNode(sim.url, parameters, { mode: 'trigger', version: 2, processedData });
	const first = await run();
	const won = first.items.slice(0, 2).map((item) => String(item.json.referring_domain));
	sim.reset();
	for (const domain of won) sim.gainLink(domain, YOURS);
	const second = await run();
	const reported = second.items.filter((item) => item.json.status === 'won').length;
	const searches = calls(sim, LIVE, isWonSearch);
	const pages = calls(sim, BACKLINKS);
	const all = calls(sim, LIVE);
	sim.reset();
	return {
		label: '100 prospects × 3 competitors, Only New + Report Won Prospects, 2nd run, 2 won',
		rows: second.items.length,
		intersection: { requests: all.requests - searches.requests, cost: all.cost - searches.cost },
		extra: { requests: searches.requests + pages.requests, cost: searches.cost + pages.cost },
		problem: second.error ?? (reported !== 2 ? `${reported} won rows, not 2` : undefined),
	};
}

export async function prospectCostRun(): Promise<ProspectCostRow[]> {
	const sim = await startSimulator({ graphSize: GRAPH_SIZE });
	try {
		return [await linkingPages(sim), await wonProspects(sim)];
	} finally {
		await sim.close();
	}
}

export const prospectProblems = (rows: readonly ProspectCostRow[]): string[] =>
	rows.flatMap((row) => (row.problem ? [`${row.label}: ${row.problem}`] : []));

const usd = (value: number) => `$${value.toFixed(4)}`;

export function prospectCostSection(rows: readonly ProspectCostRow[]): string {
	return `## Linking Pages and won prospects: extra calls and cost

Counts from the simulator's request log (${count(GRAPH_SIZE)} referring domains, no timing), priced at $0.02 a request plus $0.00003 a row. "Extra" is what the option adds: Linking Pages' backlinks/live calls; for Report Won Prospects its search (one intersection call per your domain) and the won prospects' backlinks/live call.

${table(
	[
		'case',
		'rows out',
		'intersection requests',
		'intersection cost',
		'extra requests',
		'extra cost',
		'total cost',
		'checks',
	],
	rows.map((row) => [
		row.label,
		count(row.rows),
		count(row.intersection.requests),
		usd(row.intersection.cost),
		count(row.extra.requests),
		usd(row.extra.cost),
		usd(row.intersection.cost + row.extra.cost),
		row.problem ? `**no**: ${row.problem}` : 'yes',
	]),
)}`;
}
