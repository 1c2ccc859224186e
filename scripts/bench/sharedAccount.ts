/**
 * Scenario 5 (issue 10, point 6): one DataForSEO account, three (or five) executions at once.
 * Each is a Return All of 20 pages at Concurrency 20 against a simulator that answers 40202 to
 * any request beyond 30 in flight, as DataForSEO does for the whole account.
 */
import { intersect, type LinkGraph } from '../../test/simulator';
import { checkRows } from './returnAll';
import { timeNode } from './nodeRun';
import type { SimProcess } from './simProcess';

/** The three executions, then two more for the crowded case. */
export const COMPETITOR_PAIRS = [
	'moz.com, ahrefs.com',
	'moz.com, majestic.com',
	'ahrefs.com, semrush.com',
	'moz.com, semrush.com',
	'ahrefs.com, majestic.com',
] as const;
export const SHARED_EXECUTIONS = 3;
export const SHARED_PAGES = 20;
export const SHARED_CONCURRENCY = 20;
export const ACCOUNT_LIMIT = 30;
/** How much slower than the bound the slowest execution may be (the goal). */
export const SHARED_GOAL = 5;

export interface SharedAccountRun {
	case: SharedCase;
	/** Each execution's wall time, in COMPETITOR_PAIRS order. */
	ms: number[];
	/** CPU the executions used together on this process's one thread, from start to the last end. */
	cpuMs: number;
	refused: number;
	requests: number;
	peakInFlight: number;
	problems: string[];
}

/** The account's bound: all pages in rounds of 30 at the latency. */
export const sharedBound = ({ executions, latencyMs }: SharedCase): number =>
	Math.ceil((executions * SHARED_PAGES) / ACCOUNT_LIMIT) * latencyMs;

/** The node as it is dropped in today (version 2, Key Metrics), or with every column. */
export type SharedColumns = 'key' | 'all';

export interface SharedCase {
	executions: number;
	columns: SharedColumns;
	latencyMs: number;
	/** How soon a 40202 for too many in flight comes back. */
	refusalMs: number;
}

/** DataForSEO's own answers take seconds (6.2 s in its docs' example); a refusal needs no work. */
export const SLOW_LATENCY_MS = 2000;

/**
 * Three executions at the bench's latency, with both column sets, refusals as slow as pages;
 * then closer to DataForSEO: pages at SLOW_LATENCY_MS, refusals at once; then five executions
 * so, 97 requests at once for 30 places.
 */
export const sharedCases = (latencyMs: number): SharedCase[] => [
	{ executions: SHARED_EXECUTIONS, columns: 'key', latencyMs, refusalMs: latencyMs },
	{ executions: SHARED_EXECUTIONS, columns: 'all', latencyMs, refusalMs: latencyMs },
	{ executions: SHARED_EXECUTIONS, columns: 'key', latencyMs: SLOW_LATENCY_MS, refusalMs: 0 },
	{ executions: COMPETITOR_PAIRS.length, columns: 'key', latencyMs: SLOW_LATENCY_MS, refusalMs: 0 },
];

const parameters = (targets: string, columns: SharedColumns) => ({
	targets,
	returnAll: true,
	maxResults: SHARED_PAGES * 1000,
	columns,
	options: { concurrency: SHARED_CONCURRENCY },
});

function expectedDomains(graph: LinkGraph, log: Array<{ body: unknown }>, targets: string) {
	const [a, b] = targets.split(', ');
	const first = log
		.map(
			(entry) => (Array.isArray(entry.body) ? entry.body[0] : undefined) as Record<string, unknown>,
		)
		.find((task) => {
			const sent = task?.targets as Record<string, string> | undefined;
			return sent?.['1'] === a && sent?.['2'] === b && !task.offset;
		});
	if (!first) return undefined;
	const task = { ...first };
	delete task.offset;
	delete task.limit;
	return intersect(graph, task)
		.slice(0, SHARED_PAGES * 1000)
		.map((row) => row.referringDomain);
}

export async function sharedAccountRun(
	sim: SimProcess,
	graph: LinkGraph,
	sharedCase: SharedCase,
): Promise<SharedAccountRun> {
	const { columns } = sharedCase;
	await sim.reset();
	await sim.setLatency(sharedCase.latencyMs, sharedCase.refusalMs);
	const cpu = process.cpuUsage();
	const runs = await Promise.all(
		// Webhook executions, as in the measurement: not the editor's manual mode, which
		// also measures the output for the editor's size limit.
		COMPETITOR_PAIRS.slice(0, sharedCase.executions).map((targets) =>
			timeNode(sim.url, parameters(targets, columns), { mode: 'webhook', version: 2 }),
		),
	);
	const used = process.cpuUsage(cpu);
	const log = await sim.log();
	const stats = await sim.stats();
	const problems: string[] = [];
	runs.forEach((run, index) => {
		const targets = COMPETITOR_PAIRS[index];
		const expected = run.error ? undefined : expectedDomains(graph, log, targets);
		if (run.error) problems.push(`${targets}: run failed: ${run.error}`);
		else if (!expected) problems.push(`${targets}: no first page in the log`);
		else
			problems.push(...checkRows(run.items, expected).map((problem) => `${targets}: ${problem}`));
	});
	return {
		case: sharedCase,
		ms: runs.map((run) => run.ms),
		cpuMs: (used.user + used.system) / 1000,
		refused: log.filter((entry) => entry.statusCode === 40202).length,
		requests: stats.requests,
		peakInFlight: stats.peakInFlight,
		problems,
	};
}
