import type { RunningSimulator, SimLogEntry } from '../harness/simulator';
import { SIM_LOGIN, SIM_PASSWORD } from '../harness/simulator';

export const ENDPOINT = '/v3/backlinks/domain_intersection/live';

/** Task bodies of the Domain Intersection requests in the simulator's log, in arrival order. */
export function intersectionTasks(log: readonly SimLogEntry[]): Array<Record<string, unknown>> {
	return log
		.filter((entry) => entry.method === 'POST' && entry.path === ENDPOINT)
		.flatMap((entry) =>
			Array.isArray(entry.body) ? (entry.body as Array<Record<string, unknown>>) : [],
		);
}

interface Envelope {
	tasks?: Array<{
		status_code?: number;
		status_message?: string;
		result?: Array<{ total_count?: number }> | null;
	}>;
}

/** Asks the simulator directly (as the real API would answer) how many rows a task has in total. */
export async function totalCount(
	sim: RunningSimulator,
	task: Record<string, unknown>,
): Promise<number> {
	const response = await fetch(`${sim.url}${ENDPOINT}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${SIM_LOGIN}:${SIM_PASSWORD}`).toString('base64')}`,
		},
		body: JSON.stringify([{ ...task, limit: 1 }]),
	});
	const envelope = (await response.json()) as Envelope;
	const first = envelope.tasks?.[0];
	const total = first?.result?.[0]?.total_count;
	if (typeof total !== 'number')
		throw new Error(
			`simulator gave no total_count: ${first?.status_code} ${first?.status_message}`,
		);
	return total;
}
