/**
 * Scenario 3: flattenItem over every raw item of the 40,921-row answer, against JSON.parse of
 * the same response bytes. The node's own check of each answer (readEnvelope + readTask) is
 * timed as well, because it walks the same items on the same thread.
 */
import { flattenItem } from '../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ApiItem } from '../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { readEnvelope, readTask } from '../../nodes/DataForSeoDomainIntersection/api/envelope';
import { SIM_LOGIN, SIM_PASSWORD } from '../../test/simulator';
import { median } from './model';
import type { SimProcess } from './simProcess';

const LIVE_PATH = '/v3/backlinks/domain_intersection/live';
const REPEATS = 3;

export interface FlattenResult {
	rows: number;
	bytes: number;
	parseMs: number;
	flattenMs: number;
	validateMs: number;
}

/** The raw answer pages, as text, for the task the node sends (page size 1,000). */
async function fetchPages(sim: SimProcess, task: Record<string, unknown>, total: number) {
	const auth = `Basic ${Buffer.from(`${SIM_LOGIN}:${SIM_PASSWORD}`).toString('base64')}`;
	const pages: string[] = [];
	for (let offset = 0; offset < total; offset += 1000) {
		const response = await fetch(`${sim.url}${LIVE_PATH}`, {
			method: 'POST',
			headers: { authorization: auth, 'content-type': 'application/json' },
			body: JSON.stringify([{ ...task, offset, limit: 1000 }]),
		});
		pages.push(await response.text());
	}
	return pages;
}

function itemsOf(body: unknown): ApiItem[] {
	const tasks = (body as { tasks: { result: { items: ApiItem[] }[] }[] }).tasks;
	return tasks[0].result[0].items;
}

/** CPU time rather than wall time, so other processes on the machine do not skew the ratio. */
/** The node's own check of one answer, as transport.ts runs it on every response. */
const checked = (body: unknown): number =>
	readTask(readEnvelope({ statusCode: 200, body })) ? 1 : 0;

function timed(work: () => void): number {
	const started = process.cpuUsage();
	work();
	const used = process.cpuUsage(started);
	return (used.user + used.system) / 1000;
}

export async function flattenBench(
	sim: SimProcess,
	task: Record<string, unknown>,
	total: number,
	latencyMs: number,
): Promise<FlattenResult> {
	console.log('» Flattening vs JSON.parse');
	await sim.setLatency(0);
	const pages = await fetchPages(sim, task, total).finally(() => sim.setLatency(latencyMs));
	const targets = Object.values(task.targets as Record<string, string>);
	const bodies = pages.map((text) => JSON.parse(text) as unknown);
	const items = bodies.flatMap(itemsOf);
	const parse: number[] = [];
	const flatten: number[] = [];
	const validate: number[] = [];
	// Kept so no timed result is dead code.
	let sink = 0;
	for (let rep = 0; rep < REPEATS; rep++) {
		parse.push(timed(() => pages.forEach((text) => (sink += JSON.parse(text) ? 1 : 0))));
		flatten.push(
			timed(() => items.forEach((item) => (sink += flattenItem(item, targets, 'all') ? 1 : 0))),
		);
		validate.push(timed(() => bodies.forEach((body) => (sink += checked(body)))));
	}
	if (sink !== REPEATS * (2 * pages.length + items.length))
		throw new Error('flatten bench lost work');
	return {
		rows: items.length,
		bytes: pages.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
		parseMs: median(parse),
		flattenMs: median(flatten),
		validateMs: median(validate),
	};
}
