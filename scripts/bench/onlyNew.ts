/**
 * Section 5, Only New: what a full memory adds to a Return All (wall time and the time n8n's
 * event loop is blocked), and the rows Only New with a Limit pays for against those it emits.
 * The memory is RacingProcessedDataStore, which does what n8n's DeduplicationHelper does with
 * the row (JSON text, md5 hashes, a Set, the whole row written back), in this process.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { INodeParameters } from 'n8n-workflow';

import { targetSetKey } from '../../nodes/DataForSeoDomainIntersection/output/seenStore';
import { estimateCost } from '../../nodes/DataForSeoDomainIntersection/run/cost';
import { RacingProcessedDataStore } from '../../test/integration/harness';
import { median } from './model';
import { BENCH_NODE_ID, timeNode } from './nodeRun';
import { docsParameters } from './returnAll';
import type { SimProcess } from './simProcess';

const CONTEXT = { workflow: { id: 'harness-workflow' }, node: { id: BENCH_NODE_ID } };
const SET_KEY = targetSetKey(['moz.com', 'ahrefs.com'], ['semrush.com']);

export interface BlockingRow {
	label: string;
	memory: number;
	rows: number;
	ms: number;
	/** Event-loop active time during the run (performance.eventLoopUtilization). */
	busyMs: number;
	/** The longest single delay monitorEventLoopDelay saw. */
	longestMs: number;
	/** The store's own busy time (RacingProcessedDataStore.busyMs). */
	storeMs: number;
	storeCalls: string;
	ok: boolean;
}

/** A memory as full as `entries`, of domains this query never returns, so every row is new. */
function fullMemory(entries: number): RacingProcessedDataStore {
	const store = new RacingProcessedDataStore();
	if (entries > 0)
		store.seed(
			'node',
			CONTEXT as never,
			Array.from({ length: entries }, (_, i) => `${SET_KEY} earlier-${i}.example.org`),
		);
	return store;
}

async function measure(
	sim: SimProcess,
	parameters: INodeParameters,
	store?: RacingProcessedDataStore,
) {
	const delay = monitorEventLoopDelay({ resolution: 5 });
	const before = performance.eventLoopUtilization();
	delay.enable();
	const run = await timeNode(sim.url, parameters, {
		mode: 'trigger',
		version: 2,
		processedData: store,
	});
	delay.disable();
	const elu = performance.eventLoopUtilization(before);
	return { run, busyMs: elu.active, longestMs: delay.max / 1e6, storeMs: store?.busyMs ?? 0 };
}

/** Return All of the docs example (40,921 rows): plain, then Only New on 0, 50k, 200k entries. */
export async function onlyNewBlocking(
	sim: SimProcess,
	concurrency: number,
	runs: number,
	expected: number,
): Promise<BlockingRow[]> {
	const plain = docsParameters(concurrency);
	const onlyNew = { ...plain, options: { ...plain.options, onlyNew: true } };
	const cases = [
		{ label: 'plain Return All (no Only New)', parameters: plain, memory: -1 },
		{ label: 'Only New, empty memory', parameters: onlyNew, memory: 0 },
		{ label: 'Only New, 50,000 remembered', parameters: onlyNew, memory: 50_000 },
		{ label: 'Only New, 200,000 remembered', parameters: onlyNew, memory: 200_000 },
	];
	const rows: BlockingRow[] = [];
	for (const { label, parameters, memory } of cases) {
		const measured = [];
		let calls = '';
		for (let i = 0; i <= runs; i++) {
			const store = memory >= 0 ? fullMemory(memory) : undefined;
			const result = await measure(sim, parameters, store);
			calls = store ? store.calls.join(', ') : '–';
			// The first run warms up and is not counted.
			if (i > 0) measured.push(result);
		}
		const outRows = measured[0].run.items.length;
		rows.push({
			label,
			memory: Math.max(memory, 0),
			rows: outRows,
			ms: median(measured.map((m) => m.run.ms)),
			busyMs: median(measured.map((m) => m.busyMs)),
			longestMs: Math.max(...measured.map((m) => m.longestMs)),
			storeMs: median(measured.map((m) => m.storeMs)),
			storeCalls: calls,
			ok: measured.every((m) => !m.run.error && m.run.items.length === expected),
		});
	}
	return rows;
}

export interface PaidRow {
	label: string;
	requests: number;
	paid: number;
	delivered: number;
	cost: number;
	plainCost: number;
	ok: boolean;
}

/** Rows DataForSEO returned for the node's requests since the last reset, and their price. */
async function paidSince(sim: SimProcess, total: number) {
	const tasks = (await sim.log())
		.filter((entry) => entry.path.endsWith('/domain_intersection/live'))
		.map((entry) => (entry.body as Array<{ offset?: number; limit?: number }>)[0]);
	const rows = tasks.map((task) =>
		Math.max(0, Math.min(task.limit ?? 100, total - (task.offset ?? 0))),
	);
	return {
		requests: tasks.length,
		paid: rows.reduce((sum, n) => sum + n, 0),
		cost: rows.reduce((sum, n) => sum + estimateCost(n), 0),
	};
}

/**
 * Only New with a Limit: six weekly runs of Limit 50 on one memory (each finds the next 50),
 * and a memory that already holds every other row, or nine rows in ten, of the top ones.
 */
export async function onlyNewPaid(
	sim: SimProcess,
	order: readonly string[],
	limit = 50,
): Promise<PaidRow[]> {
	const parameters = {
		...docsParameters(5),
		returnAll: false,
		limit,
		maxResults: 1500,
	};
	parameters.options = { ...parameters.options, onlyNew: true } as typeof parameters.options;
	const plainCost = estimateCost(limit);
	const rows: PaidRow[] = [];
	const run = async (
		label: string,
		store: RacingProcessedDataStore,
		expected: readonly string[],
	) => {
		await sim.reset();
		const result = await timeNode(sim.url, parameters, {
			mode: 'trigger',
			version: 2,
			processedData: store,
		});
		const paid = await paidSince(sim, order.length);
		const got = result.items.map((item) => item.json.referring_domain);
		rows.push({
			label,
			...paid,
			delivered: got.length,
			plainCost,
			ok: !result.error && JSON.stringify(got) === JSON.stringify(expected),
		});
	};
	const weekly = new RacingProcessedDataStore();
	for (let week = 0; week < 6; week++)
		await run(`weekly run ${week + 1}`, weekly, order.slice(week * limit, (week + 1) * limit));
	for (const [label, keep] of [
		['every other top row remembered', 2],
		['9 of 10 top rows remembered', 10],
	] as const) {
		const seen = order.slice(0, 5000).filter((_, i) => i % keep !== 0);
		const store = new RacingProcessedDataStore();
		store.seed(
			'node',
			CONTEXT as never,
			seen.map((domain) => `${SET_KEY} ${domain}`),
		);
		const fresh = order.filter((_, i) => i >= 5000 || i % keep === 0);
		await run(label, store, fresh.slice(0, limit));
	}
	return rows;
}
