/**
 * npm run bench: times the node against the offline DataForSEO simulator (127.0.0.1 only) at
 * 300 ms a request, prints the results as ratios to their bounds and writes BENCHMARKS.md.
 * Exits non-zero only when something is functionally wrong (rows missing, repeated or out of
 * order, outputs mispaired, more requests in flight than allowed); a missed timing goal is
 * reported, not failed. BENCH_RUNS (default 3) sets the runs per timing.
 *
 * BENCH_ONLY=memory,onlyNew (any of returnAll, items, shared, engine, flatten, atLeast, memory,
 * onlyNew, prospects, n8n) runs only those sections and prints them; BENCHMARKS.md is left as it is.
 * BENCH_CASE=text keeps only the memory cases whose label contains it.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { createGraph } from '../test/simulator';
import { atLeastCostRun, atLeastCostTable, atLeastProblems } from './bench/atLeastCost';
import { renderDocument } from './bench/document';
import { flattenBench } from './bench/flattenBench';
import { onlyNewSection } from './bench/onlyNewSection';
import { prospectCostRun, prospectCostSection, prospectProblems } from './bench/prospectCost';
import { realN8nRun, realN8nSection } from './bench/realN8n';
import { DOCS_TOTAL } from './bench/returnAll';
import {
	engineCost,
	LATENCY_MS,
	manyItems,
	MEMORY_CONCURRENCY,
	memory,
	onlyNew,
	problems,
	returnAll,
	RUNS,
	sharedAccount,
	SMALL_GRAPH,
	step,
} from './bench/runners';
import { flattenTable, manyItemsTable, memoryTable, returnAllTable } from './bench/sections';
import { sharedAccountSection } from './bench/sharedSection';
import { ROOT, startSimProcess, stopAllSims } from './bench/simProcess';
import { startTinyApi } from './bench/tinyApi';

const SECTIONS = [
	'returnAll',
	'items',
	'shared',
	'engine',
	'flatten',
	'atLeast',
	'memory',
	'onlyNew',
	'prospects',
	'n8n',
] as const;
type Section = (typeof SECTIONS)[number];

function selected(): Set<Section> | undefined {
	const only = process.env.BENCH_ONLY?.trim();
	if (!only) return undefined;
	const names = only.split(',').map((name) => name.trim());
	const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
	if (unknown.length > 0)
		throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
	return new Set(names as Section[]);
}

async function main(): Promise<void> {
	const only = selected();
	const wants = (section: Section) => !only || only.has(section);
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
		wants('items') || wants('engine') ? startSimProcess(LATENCY_MS, SMALL_GRAPH) : undefined,
	]);
	const api = await startTinyApi(LATENCY_MS, DOCS_TOTAL);
	const printed: string[] = [];
	try {
		const graph = createGraph(1);
		const paged =
			wants('returnAll') || wants('flatten') ? await returnAll(sim, api, graph) : undefined;
		if (only && paged) printed.push(returnAllTable(paged.rows, paged.pages * LATENCY_MS));
		const items = small && wants('items') ? await manyItems(small, api) : undefined;
		if (only && items) printed.push(manyItemsTable(items.rows));
		const shared = wants('shared') ? await sharedAccount(sim, graph) : undefined;
		if (only && shared) printed.push(sharedAccountSection(shared));
		const engineMs = small && wants('engine') ? await engineCost(small) : undefined;
		const flatten =
			paged && wants('flatten')
				? await flattenBench(sim, paged.task, paged.total, LATENCY_MS)
				: undefined;
		if (only && flatten) printed.push(flattenTable(flatten));
		const atLeast = wants('atLeast') ? await atLeastCostRun() : undefined;
		if (atLeast) problems.push(...atLeastProblems(atLeast).map((p) => `At Least: ${p}`));
		if (only && atLeast) printed.push(atLeastCostTable(atLeast));
		const memoryRows = wants('memory') ? await memory(sim, graph) : undefined;
		if (only && memoryRows) printed.push(memoryTable(memoryRows));
		const onlyNewResults = wants('onlyNew') ? await onlyNew(sim) : undefined;
		if (only && onlyNewResults) printed.push(onlyNewSection(onlyNewResults));
		const prospects = wants('prospects') ? await prospectCostRun() : undefined;
		if (prospects) problems.push(...prospectProblems(prospects).map((p) => `Prospects: ${p}`));
		if (only && prospects) printed.push(prospectCostSection(prospects));
		const real = wants('n8n') ? await realN8nRun(sim, graph) : undefined;
		if (real) problems.push(...real.problems.map((p) => `real n8n: ${p}`));
		if (only && real) printed.push(realN8nSection(real, paged?.rows));
		if (only) {
			console.log(`\n${printed.join('\n\n')}`);
		} else {
			const text = renderDocument({
				latencyMs: LATENCY_MS,
				runs: RUNS,
				pages: paged!.pages,
				total: paged!.total,
				returnAll: paged!.rows,
				items: items!,
				flatten: flatten!,
				shared: shared!,
				memory: memoryRows!,
				onlyNew: onlyNewResults!,
				real: real!,
				memoryConcurrency: MEMORY_CONCURRENCY,
				engineMs: engineMs!,
				atLeast: atLeast!,
				prospects: prospects!,
				seconds: (Date.now() - started) / 1000,
				load: { start: loadAtStart, end: loadavg()[0] },
				problems,
			});
			writeFileSync(join(ROOT, 'BENCHMARKS.md'), text);
			console.log(`\n${text}`);
		}
	} finally {
		await Promise.all([sim.stop(), small?.stop(), api.close()]);
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
