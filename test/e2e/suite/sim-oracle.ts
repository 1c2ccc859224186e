import type { RunningSimulator, SimLogEntry } from '../harness/simulator';
import { SIM_LOGIN, SIM_PASSWORD } from '../harness/simulator';

export const ENDPOINT = '/v3/backlinks/domain_intersection/live';
const PAGE_SIZE = 1000;

/** Task bodies of the Domain Intersection requests in the simulator's log, in arrival order. */
export function intersectionTasks(log: readonly SimLogEntry[]): Array<Record<string, unknown>> {
	return log
		.filter((entry) => entry.method === 'POST' && entry.path === ENDPOINT)
		.flatMap((entry) =>
			Array.isArray(entry.body) ? (entry.body as Array<Record<string, unknown>>) : [],
		);
}

interface ApiItem {
	domain_intersection?: Record<string, { target?: string } | null>;
}

interface Envelope {
	tasks?: Array<{
		status_code?: number;
		status_message?: string;
		result?: Array<{ total_count?: number; items?: ApiItem[] | null }> | null;
	}>;
}

/** One request to the simulator as the real API would answer it; throws unless it has a result. */
async function ask(
	sim: RunningSimulator,
	task: Record<string, unknown>,
): Promise<{ total: number; items: ApiItem[] }> {
	const response = await fetch(`${sim.url}${ENDPOINT}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${SIM_LOGIN}:${SIM_PASSWORD}`).toString('base64')}`,
		},
		body: JSON.stringify([task]),
	});
	const envelope = (await response.json()) as Envelope;
	const first = envelope.tasks?.[0];
	const result = first?.result?.[0];
	if (typeof result?.total_count !== 'number')
		throw new Error(
			`simulator gave no total_count: ${first?.status_code} ${first?.status_message}`,
		);
	return { total: result.total_count, items: result.items ?? [] };
}

/** Asks the simulator directly (as the real API would answer) how many rows a task has in total. */
export async function totalCount(
	sim: RunningSimulator,
	task: Record<string, unknown>,
): Promise<number> {
	return (await ask(sim, { ...task, limit: 1 })).total;
}

/** Every referring domain a task has right now, read page by page straight from the simulator. */
export async function allDomains(
	sim: RunningSimulator,
	task: Record<string, unknown>,
): Promise<string[]> {
	const domains: string[] = [];
	for (let offset = 0; ; offset += PAGE_SIZE) {
		const page = await ask(sim, { ...task, offset, limit: PAGE_SIZE });
		for (const item of page.items) {
			const entry = Object.values(item.domain_intersection ?? {}).find((value) => value?.target);
			if (entry?.target) domains.push(entry.target);
		}
		if (page.items.length < PAGE_SIZE || offset + PAGE_SIZE >= page.total) return domains;
	}
}

/** The first `count` referring domains of a task, read page by page straight from the simulator. */
export async function firstDomains(
	sim: RunningSimulator,
	task: Record<string, unknown>,
	count: number,
): Promise<string[]> {
	const domains: string[] = [];
	for (let offset = 0; offset < count; offset += PAGE_SIZE) {
		const page = await ask(sim, { ...task, offset, limit: Math.min(PAGE_SIZE, count - offset) });
		for (const item of page.items) {
			const entry = Object.values(item.domain_intersection ?? {}).find((value) => value?.target);
			if (entry?.target) domains.push(entry.target);
		}
		if (page.items.length === 0) break;
	}
	return domains;
}

/** How many rows the simulator gives for these tasks (e.g. the pages one run asked for). */
export async function rowsAnswered(
	sim: RunningSimulator,
	tasks: ReadonlyArray<Record<string, unknown>>,
): Promise<number> {
	let rows = 0;
	for (const task of tasks) rows += (await ask(sim, task)).items.length;
	return rows;
}

/** Elements of `after` that are not in `before`, in `after`'s order. */
export function added(before: Iterable<unknown>, after: readonly string[]): string[] {
	const seen = new Set(before);
	return after.filter((value) => !seen.has(value));
}

/** The referring domains one task's answer lists, in the API's order (one request, as sent). */
export async function domainsOfTask(
	sim: RunningSimulator,
	task: Record<string, unknown>,
): Promise<{ total: number; domains: string[] }> {
	const page = await ask(sim, task);
	const domains = page.items.map(
		(item) =>
			Object.values(item.domain_intersection ?? {}).find((value) => value?.target)?.target ?? '',
	);
	return { total: page.total, domains };
}
