/**
 * Scenario 5 (issue 10, point 6): one DataForSEO account, three executions at once. Each is a
 * Return All of 20 pages at Concurrency 20 against a simulator that answers 40202 to any request
 * beyond 30 in flight, as DataForSEO does for the whole account.
 */
import { intersect, type LinkGraph } from '../../test/simulator';
import { checkRows } from './returnAll';
import { timeNode } from './nodeRun';
import type { SimProcess } from './simProcess';

export const SHARED_EXECUTIONS = [
	'moz.com, ahrefs.com',
	'moz.com, majestic.com',
	'ahrefs.com, semrush.com',
] as const;
export const SHARED_PAGES = 20;
export const SHARED_CONCURRENCY = 20;
export const ACCOUNT_LIMIT = 30;
/** How much slower than the bound the slowest execution may be (the goal). */
export const SHARED_GOAL = 5;

export interface SharedAccountRun {
	/** Each execution's wall time, in SHARED_EXECUTIONS order. */
	ms: number[];
	refused: number;
	requests: number;
	peakInFlight: number;
	problems: string[];
}

/** The account's bound: all 60 pages in rounds of 30 at the latency. */
export const sharedBound = (latencyMs: number): number =>
	Math.ceil((SHARED_EXECUTIONS.length * SHARED_PAGES) / ACCOUNT_LIMIT) * latencyMs;

const parameters = (targets: string) => ({
	targets,
	returnAll: true,
	maxResults: SHARED_PAGES * 1000,
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
): Promise<SharedAccountRun> {
	await sim.reset();
	const runs = await Promise.all(
		SHARED_EXECUTIONS.map((targets) => timeNode(sim.url, parameters(targets))),
	);
	const log = await sim.log();
	const stats = await sim.stats();
	const problems: string[] = [];
	runs.forEach((run, index) => {
		const targets = SHARED_EXECUTIONS[index];
		const expected = run.error ? undefined : expectedDomains(graph, log, targets);
		if (run.error) problems.push(`${targets}: run failed: ${run.error}`);
		else if (!expected) problems.push(`${targets}: no first page in the log`);
		else
			problems.push(...checkRows(run.items, expected).map((problem) => `${targets}: ${problem}`));
	});
	return {
		ms: runs.map((run) => run.ms),
		refused: log.filter((entry) => entry.statusCode === 40202).length,
		requests: stats.requests,
		peakInFlight: stats.peakInFlight,
		problems,
	};
}
