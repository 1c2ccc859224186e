/**
 * At Least K of N: rows paid for against rows delivered (issue 18, point 7). Counts, not
 * timings: the simulator runs in this process at 0 ms latency, on a graph of 6,000 referring
 * domains (seed 1) so that the combinations of fewer competitors come into play, and every number
 * comes from its request log, priced as DataForSEO prices this endpoint.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ProcessedDataStore } from '../../test/integration/harness';
import { startSimulator, type Simulator } from '../../test/simulator';
import { timeNode } from './nodeRun';
import { count, table } from './report';

const FOUR = 'moz.com, ahrefs.com, semrush.com, majestic.com';
const THREE = 'moz.com, ahrefs.com, semrush.com';

export interface AtLeastCostRow {
	label: string;
	requests: number;
	paid: number;
	delivered: number;
	cost: number;
	/** Set when the delivered rows are not the first rows of the same run's Return All. */
	problem?: string;
}

interface Case {
	label: string;
	targets: string;
	k: number;
	paging: INodeParameters;
	options?: INodeParameters;
	/** Runs before the measured one, with the same memory (Only New). */
	before?: number;
}

const CASES: Case[] = [
	{
		label: '1 of 3, Return All, Max Results 1,500',
		targets: THREE,
		k: 1,
		paging: { returnAll: true, maxResults: 1500 },
	},
	{ label: '2 of 3, Limit 10', targets: THREE, k: 2, paging: { limit: 10 } },
	{
		label: '2 of 3, sort 3.backlinks desc, Limit 815',
		targets: THREE,
		k: 2,
		paging: { limit: 815 },
		options: { orderByJson: '["3.backlinks,desc"]' },
	},
	{ label: '2 of 4, Limit 10', targets: FOUR, k: 2, paging: { limit: 10 } },
	{ label: '2 of 4, Limit 1,000', targets: FOUR, k: 2, paging: { limit: 1000 } },
	{ label: '1 of 4, Limit 3,000', targets: FOUR, k: 1, paging: { limit: 3000 } },
	{
		label: '2 of 4, Only New, Limit 10, empty memory',
		targets: FOUR,
		k: 2,
		paging: { limit: 10 },
		options: { onlyNew: true },
	},
	{
		label: '2 of 4, Only New, Limit 10, 3rd run',
		targets: FOUR,
		k: 2,
		paging: { limit: 10 },
		options: { onlyNew: true },
		before: 2,
	},
	{
		label: '2 of 4, Return All, no cap',
		targets: FOUR,
		k: 2,
		paging: { returnAll: true, maxResults: 0 },
	},
];

const LIVE = '/v3/backlinks/domain_intersection/live';
export const GRAPH_SIZE = 6000;
const domainsOf = (items: Awaited<ReturnType<typeof timeNode>>['items']) =>
	items.map((item) => String(item.json.referring_domain));

async function measure(sim: Simulator, c: Case): Promise<AtLeastCostRow> {
	const options: INodeParameters = { matchMode: 'atLeast', minMatches: c.k, ...c.options };
	const parameters = { targets: c.targets, ...c.paging, options };
	const processedData = new ProcessedDataStore();
	const run = () => timeNode(sim.url, parameters, { mode: 'trigger', version: 2, processedData });
	const earlier: string[] = [];
	for (let i = 0; i < (c.before ?? 0); i++) earlier.push(...domainsOf((await run()).items));
	sim.reset();
	const measured = await run();
	const calls = sim.log.filter((entry) => entry.path === LIVE);
	const cost = calls.reduce((sum, entry) => sum + entry.cost, 0);
	const paid = calls.reduce((sum, entry) => sum + Math.round((entry.cost - 0.02) / 0.00003), 0);
	const delivered = domainsOf(measured.items);
	// The oracle: the same options with Return All, cut the way this run cuts it.
	const { onlyNew: _, ...plain } = options;
	const all = domainsOf(
		(
			await timeNode(
				sim.url,
				{ targets: c.targets, returnAll: true, maxResults: 0, options: plain },
				{ version: 2 },
			)
		).items,
	);
	const seen = new Set(earlier);
	const expected = all.filter((domain) => !seen.has(domain)).slice(0, delivered.length);
	const problem =
		measured.error ??
		(delivered.join() === expected.join() ? undefined : 'not the first rows of Return All');
	return {
		label: c.label,
		requests: calls.length,
		paid,
		delivered: delivered.length,
		cost,
		problem,
	};
}

export async function atLeastCostRun(): Promise<AtLeastCostRow[]> {
	const sim = await startSimulator({ graphSize: GRAPH_SIZE });
	try {
		const rows: AtLeastCostRow[] = [];
		for (const c of CASES) rows.push(await measure(sim, c));
		return rows;
	} finally {
		await sim.close();
	}
}

export const atLeastProblems = (rows: readonly AtLeastCostRow[]): string[] =>
	rows.flatMap((row) => (row.problem ? [`${row.label}: ${row.problem}`] : []));

export function atLeastCostTable(rows: readonly AtLeastCostRow[]): string {
	return table(
		[
			'case',
			'requests',
			'rows paid',
			'rows delivered',
			'paid / delivered',
			'cost',
			'first rows of Return All',
		],
		rows.map((row) => [
			row.label,
			count(row.requests),
			count(row.paid),
			count(row.delivered),
			row.delivered > 0 ? (row.paid / row.delivered).toFixed(2) : '-',
			`$${row.cost.toFixed(2)}`,
			row.problem ? `**no**: ${row.problem}` : 'yes',
		]),
	);
}

if (require.main === module) {
	atLeastCostRun().then(
		(rows) => console.log(atLeastCostTable(rows)),
		(error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
