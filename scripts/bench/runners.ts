/**
 * The bench's sections as functions of the running simulators. Each notes functional problems
 * in `problems`; bench.ts decides which sections run and what is written.
 */
import { createGraph, type LinkGraph } from '../../test/simulator';
import { floorRun } from './floor';
import { ITEMS, ITEMS_CONCURRENCY, itemsInput, itemsParameters, manyItemsRun } from './manyItems';
import { memoryRun, twentyTargets, type MemoryCase } from './memory';
import { median, pagedBound, roundsBound } from './model';
import type { ParseCost } from './parseCost';
import { timeNode } from './nodeRun';
import { onlyNewBlocking, onlyNewPaid } from './onlyNew';
import type { OnlyNewResults } from './onlyNewSection';
import { DOCS_TOTAL, docsParameters, returnAllRun, sentTask, type ReturnAllRun } from './returnAll';
import { C10_GOAL, ISSUE_GOAL, type MemoryRow, type TimingRow } from './sections';
import { sharedAccountRun, sharedCases, type SharedAccountRun } from './sharedAccount';
import type { SimProcess } from './simProcess';
import type { TinyApi } from './tinyApi';

export const LATENCY_MS = 300;
const CONCURRENCIES = [1, 5, 10, 30];
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
// The many-items pairs are 40 different queries; on the full 98,700-domain graph each costs the
// simulator a ~200 ms scan on its one thread, which would then be timed instead of the node.
export const SMALL_GRAPH = 4000;
export const MEMORY_CONCURRENCY = 10;

export const problems: string[] = [];
export const step = (message: string) => console.log(`» ${message}`);
const note = (where: string, found: readonly string[]) =>
	problems.push(...[...new Set(found)].map((problem) => `${where}: ${problem}`));

/** What every timed run reports (Return All's and the many-items runs share it). */
type Measured = ReturnAllRun;

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

export async function returnAll(sim: SimProcess, api: TinyApi, graph: LinkGraph) {
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
				issueGoal: concurrency === 10 ? C10_GOAL : undefined,
			}),
		);
	}
	return { rows, pages, total, task };
}

export async function manyItems(sim: SimProcess, api: TinyApi) {
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
export async function engineCost(sim: SimProcess): Promise<number> {
	step('Engine cost of one run');
	await sim.setLatency(0);
	const times: number[] = [];
	const parameters = { targets: 'moz.com, ahrefs.com', returnAll: false, limit: 1 };
	for (let run = 0; run < 7; run++) times.push((await timeNode(sim.url, parameters)).ms);
	await sim.setLatency(LATENCY_MS);
	return median(times.slice(2));
}

/** Three executions sharing one account's 30-at-once limit (issue 10, point 6). */
export async function sharedAccount(
	sim: SimProcess,
	graph: LinkGraph,
): Promise<SharedAccountRun[]> {
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

/** Section 4; BENCH_CASE=text keeps only the cases whose label contains it. */
export async function memory(sim: SimProcess, graph: LinkGraph): Promise<MemoryRow[]> {
	const rows: MemoryRow[] = [];
	const cases: MemoryCase[] = [
		{
			label: '2 targets (docs example), version 1 columns',
			targets: 2,
			parameters: docsParameters(MEMORY_CONCURRENCY),
		},
		{
			label: '2 targets (docs example), Key Metrics (default)',
			targets: 2,
			version: 2,
			parameters: docsParameters(MEMORY_CONCURRENCY),
		},
		twentyTargets(MEMORY_CONCURRENCY, 'key'),
		twentyTargets(MEMORY_CONCURRENCY, 'all'),
		twentyTargets(MEMORY_CONCURRENCY, 'legacy'),
	];
	const only = process.env.BENCH_CASE;
	// The cases of one competitor set send the same task: its JSON.parse is measured once.
	const parsed = new Map<number, ParseCost | undefined>();
	for (const memoryCase of cases.filter((c) => !only || c.label.includes(only))) {
		step(`Memory: ${memoryCase.label}, in a fresh process`);
		const known = parsed.get(memoryCase.targets);
		// The first case of a competitor set renders its pages; the others find them rendered.
		const first = !parsed.has(memoryCase.targets);
		const run = await memoryRun(sim, graph, memoryCase, { measureParse: first, warm: first });
		const parse = run.parse ?? known;
		parsed.set(memoryCase.targets, parse);
		note(`Memory ${memoryCase.label}`, run.problems);
		rows.push({
			memoryCase,
			report: run.report,
			runs: run.runs,
			parseMs: parse?.ms,
			pageParseMs: parse?.pageMaxMs,
			simCpuMs: run.simCpuMs,
			ok: run.problems.length === 0,
		});
	}
	return rows;
}

/** Section 5: Only New on a full memory, and Only New with a Limit's paid rows. */
export async function onlyNew(sim: SimProcess): Promise<OnlyNewResults> {
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
