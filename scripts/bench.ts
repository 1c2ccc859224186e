/**
 * npm run bench: times the node against the offline DataForSEO simulator (127.0.0.1 only) at
 * 300 ms a request, prints the results as ratios to their bounds and writes BENCHMARKS.md.
 * Exits non-zero only when something is functionally wrong (rows missing, repeated or out of
 * order, outputs mispaired, more requests in flight than allowed); a missed timing goal is
 * reported, not failed. BENCH_RUNS (default 3) sets the runs per timing.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { createGraph, type LinkGraph } from '../test/simulator';
import { atLeastCostRun, atLeastProblems } from './bench/atLeastCost';
import { renderDocument } from './bench/document';
import { flattenBench } from './bench/flattenBench';
import { floorRun } from './bench/floor';
import {
	ITEMS,
	ITEMS_CONCURRENCY,
	itemsInput,
	itemsParameters,
	manyItemsRun,
} from './bench/manyItems';
import { memoryRun, twentyTargets } from './bench/memory';
import { onlyNewBlocking, onlyNewPaid } from './bench/onlyNew';
import { onlyNewSection, type OnlyNewResults } from './bench/onlyNewSection';
import { prospectCostRun, prospectCostSection, prospectProblems } from './bench/prospectCost';
import { median, pagedBound, roundsBound } from './bench/model';
import { timeNode } from './bench/nodeRun';
import { DOCS_TOTAL, docsParameters, returnAllRun, sentTask } from './bench/returnAll';
import { ISSUE_GOAL, type TimingRow } from './bench/sections';
import { sharedAccountRun, sharedCases, type SharedAccountRun } from './bench/sharedAccount';
import { ROOT, startSimProcess, stopAllSims, type SimProcess } from './bench/simProcess';
import { startTinyApi, type TinyApi } from './bench/tinyApi';

const LATENCY_MS = 300;
const CONCURRENCIES = [1, 5, 10, 30];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
// The many-items pairs are 40 different queries; on the full 98,700-domain graph each costs the
// simulator a ~200 ms scan on its one thread, which would then be timed instead of the node.
const SMALL_GRAPH = 4000;
const MEMORY_CONCURRENCY = 10;

const problems: string[] = [];
const step = (message: string) => console.log(`» ${message}`);
const note = (where: string, found: readonly string[]) =>
	problems.push(...[...new Set(found)].map((problem) => `${where}: ${problem}`));

interface Measured {
	ms: number;
	cpuMs: number;
	waitMs: number;
	requests: number;
	peakInFlight: number;
	problems: string[];
}

/** Median row of several runs; `ok` is false if any run found a functional problem. */
function summarize(
	where: string,
	label: string,
	runs: Measured[],
	fields: Omit<TimingRow, keyof Measured | 'label' | 'runs' | 'ok'>,
): TimingRow {
	const found = runs.flatMap((run) => run.problems);
	note(where, found);
	return {
		label,
		runs: runs.length,
		ms: median(runs.map((run) => run.ms)),
		cpuMs: median(runs.map((run) => run.cpuMs)),
		waitMs: median(runs.map((run) => run.waitMs)),
		requests: Math.max(...runs.map((run) => run.requests)),
		peakInFlight: Math.max(...runs.map((run) => run.peakInFlight)),
		ok: found.length === 0,
		...fields,
	};
}

async function returnAll(sim: SimProcess, api: TinyApi, graph: LinkGraph) {
	const reference: { domains?: string[] } = {};
	step('Return All warm-up (C=30, not counted)');
	note('Return All warm-up', (await returnAllRun(sim, graph, 30, reference)).problems);
	const task = await sentTask(sim);
	const total = reference.domains?.length ?? 0;
	if (total !== DOCS_TOTAL)
		note('simulator', [`docs example has ${total} rows, not ${DOCS_TOTAL}`]);
	const pages = Math.ceil(total / 1000);
	const rows: TimingRow[] = [];
	for (const concurrency of CONCURRENCIES) {
		// C=1 is 41 sequential round trips (~17 s) with little spread: one run, and no floor run.
		const runs: Measured[] = [];
		for (let run = 0; run < (concurrency === 1 ? 1 : RUNS); run++) {
			step(`Return All C=${concurrency}, run ${run + 1}`);
			runs.push(await returnAllRun(sim, graph, concurrency, reference));
		}
		let floor: number | undefined;
		if (concurrency > 1) {
			const tiny = await floorRun(api, docsParameters(concurrency), concurrency, pages);
			note(`Return All floor C=${concurrency}`, tiny.problems);
			floor = tiny.ms;
		}
		rows.push(
			summarize(`Return All C=${concurrency}`, String(concurrency), runs, {
				bound: pagedBound(pages, concurrency, LATENCY_MS),
				floor,
				limit: concurrency,
				issueGoal: concurrency === 10 ? ISSUE_GOAL : undefined,
			}),
		);
	}
	return { rows, pages, total, task };
}

async function manyItems(sim: SimProcess, api: TinyApi) {
	const graph = createGraph(1, SMALL_GRAPH);
	const cache = new Map<string, string[]>();
	step('Many items warm-up (not counted)');
	note('Many items warm-up', (await manyItemsRun(sim, graph, 100, cache)).problems);
	const floor = await floorRun(api, itemsParameters(100), ITEMS_CONCURRENCY, ITEMS, itemsInput());
	note('Many items floor', floor.problems);
	const rows: TimingRow[] = [];
	for (const limit of [100, 1000]) {
		const runs = [];
		for (let run = 0; run < RUNS; run++) {
			step(`${ITEMS} items, limit ${limit}, run ${run + 1}`);
			runs.push(await manyItemsRun(sim, graph, limit, cache));
		}
		const label = `${ITEMS} items × limit ${limit} (${runs[0].rows.toLocaleString('en-US')} rows)`;
		rows.push(
			summarize(`${ITEMS} items limit ${limit}`, label, runs, {
				bound: roundsBound(ITEMS, ITEMS_CONCURRENCY, LATENCY_MS),
				floor: floor.ms,
				limit: ITEMS_CONCURRENCY,
				issueGoal: ISSUE_GOAL,
			}),
		);
	}
	return { count: ITEMS, concurrency: ITEMS_CONCURRENCY, graphSize: SMALL_GRAPH, rows };
}

/** What one run costs through the engine with no waiting: a single request at 0 ms latency. */
async function engineCost(sim: SimProcess): Promise<number> {
	await sim.setLatency(0);
	const times: number[] = [];
	const parameters = { targets: 'moz.com, ahrefs.com', returnAll: false, limit: 1 };
	for (let run = 0; run < 7; run++) times.push((await timeNode(sim.url, parameters)).ms);
	await sim.setLatency(LATENCY_MS);
	return median(times.slice(2));
}

/** Three executions sharing one account's 30-at-once limit (issue 10, point 6). */
async function sharedAccount(sim: SimProcess, graph: LinkGraph): Promise<SharedAccountRun[]> {
	const runs: SharedAccountRun[] = [];
	try {
		for (const sharedCase of sharedCases(LATENCY_MS)) {
			const label = `${sharedCase.executions} executions, ${sharedCase.columns} columns, ${sharedCase.latencyMs} ms`;
			step(`Shared account warm-up, ${label} (not counted)`);
			note('Shared account warm-up', (await sharedAccountRun(sim, graph, sharedCase)).problems);
			for (let run = 0; run < RUNS; run++) {
				step(`One account, ${label}, run ${run + 1}`);
				const measured = await sharedAccountRun(sim, graph, sharedCase);
				note('Shared account', measured.problems);
				runs.push(measured);
			}
		}
	} finally {
		await sim.setLatency(LATENCY_MS);
	}
	return runs;
}

async function memory(sim: SimProcess, graph: LinkGraph) {
	const rows = [];
	const cases = [
		{
			label: '2 targets (docs example)',
			targets: 2,
			parameters: docsParameters(MEMORY_CONCURRENCY),
		},
		twentyTargets(MEMORY_CONCURRENCY),
	];
	for (const memoryCase of cases) {
		step(`Memory: ${memoryCase.label}, in a fresh process`);
		const { report, problems: found } = await memoryRun(sim, graph, memoryCase);
		note(`Memory ${memoryCase.label}`, found);
		rows.push({ memoryCase, report, ok: found.length === 0 });
	}
	return rows;
}

/** Section 5: Only New on a full memory, and Only New with a Limit's paid rows. */
async function onlyNew(sim: SimProcess): Promise<OnlyNewResults> {
	step('Only New: Return All with 0, 50,000 and 200,000 remembered domains');
	const blocking = await onlyNewBlocking(sim, MEMORY_CONCURRENCY, RUNS, DOCS_TOTAL);
	note(
		'Only New Return All',
		blocking.filter((row) => !row.ok).map((row) => `${row.label}: not the plain run's rows`),
	);
	const plain = await timeNode(sim.url, docsParameters(MEMORY_CONCURRENCY), { version: 2 });
	const order = plain.items.map((item) => String(item.json.referring_domain));
	step('Only New with a Limit: paid against delivered rows');
	const paid = await onlyNewPaid(sim, order);
	note(
		'Only New with a Limit',
		paid.filter((row) => !row.ok).map((row) => `${row.label}: not the next new rows`),
	);
	return { concurrency: MEMORY_CONCURRENCY, blocking, paid };
}

/** BENCH_ONLY=onlyNew: only section 5, printed; BENCHMARKS.md is left as it is. */
async function onlyNewAlone(): Promise<void> {
	const sim = await startSimProcess(LATENCY_MS);
	try {
		console.log(`\n${onlyNewSection(await onlyNew(sim))}`);
	} finally {
		await sim.stop();
	}
	if (problems.length > 0) {
		console.error(problems.join('\n'));
		process.exitCode = 1;
	}
}

/** BENCH_ONLY=prospects: only the Linking Pages and won prospects counts, printed. */
async function prospectsAlone(): Promise<void> {
	const rows = await prospectCostRun();
	console.log(`\n${prospectCostSection(rows)}`);
	const found = prospectProblems(rows);
	if (found.length > 0) {
		console.error(found.join('\n'));
		process.exitCode = 1;
	}
}

async function main(): Promise<void> {
	if (process.env.BENCH_ONLY === 'onlyNew') return onlyNewAlone();
	if (process.env.BENCH_ONLY === 'prospects') return prospectsAlone();
	const started = Date.now();
	const loadAtStart = loadavg()[0];
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => {
			stopAllSims();
			process.exit(130);
		});
	step(`Starting simulators (${LATENCY_MS} ms latency): full graph and ${SMALL_GRAPH} domains`);
	const [sim, small] = await Promise.all([
		startSimProcess(LATENCY_MS),
		startSimProcess(LATENCY_MS, SMALL_GRAPH),
	]);
	const api = await startTinyApi(LATENCY_MS, DOCS_TOTAL);
	try {
		const graph = createGraph(1);
		const paged = await returnAll(sim, api, graph);
		const items = await manyItems(small, api);
		const shared = await sharedAccount(sim, graph);
		step('Engine cost of one run');
		const engineMs = await engineCost(small);
		step('Flattening vs JSON.parse');
		const flatten = await flattenBench(sim, paged.task, paged.total, LATENCY_MS);
		step('At Least: rows paid against rows delivered');
		const atLeast = await atLeastCostRun();
		note('At Least', atLeastProblems(atLeast));
		step('Linking Pages and won prospects: extra calls and cost');
		const prospects = await prospectCostRun();
		note('Prospects', prospectProblems(prospects));
		const text = renderDocument({
			latencyMs: LATENCY_MS,
			runs: RUNS,
			pages: paged.pages,
			total: paged.total,
			returnAll: paged.rows,
			items,
			flatten,
			shared,
			memory: await memory(sim, graph),
			onlyNew: await onlyNew(sim),
			memoryConcurrency: MEMORY_CONCURRENCY,
			engineMs,
			atLeast,
			prospects,
			seconds: (Date.now() - started) / 1000,
			load: { start: loadAtStart, end: loadavg()[0] },
			problems,
		});
		writeFileSync(join(ROOT, 'BENCHMARKS.md'), text);
		console.log(`\n${text}`);
	} finally {
		await Promise.all([sim.stop(), small.stop(), api.close()]);
	}
	if (problems.length > 0) {
		console.error(
			`\nFunctional problems:\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
		);
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
	stopAllSims();
	process.exitCode = 1;
});
