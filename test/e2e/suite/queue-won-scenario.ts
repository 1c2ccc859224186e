import { answerItems } from '../harness/webhook';
import { QUEUE_QUERY, QUEUE_WON_PATH } from '../fixtures/queue-workflows';
import type { QueueDeployment } from './queue-deployment';
import { domainsOf, sorted } from './rows';

const TEST_TIMEOUT_MS = 10 * 60_000;
const LIMIT = 3;

type Row = Record<string, unknown>;
const withStatus = (rows: readonly Row[], status: string) =>
	rows.filter((row) => row.status === status);

/**
 * Report Won Prospects on queue-mode workers: its memory is n8n's deduplication store in
 * PostgreSQL (no workflow static data), so runs on either worker see what earlier runs emitted
 * and reported.
 */
export function wonQueueScenario(deployment: () => QueueDeployment): void {
	it(
		'Report Won Prospects on the workers: two earlier prospects that now link to you, reported once',
		async () => {
			const queue = deployment();
			if (queue.workers.length === 0) await queue.startWorkers();
			const { sim } = queue;
			if (!sim) throw new Error('deployment not up');
			const run = async (): Promise<{ rows: Row[]; workers: string[] }> => {
				const known = queue.enqueued().length;
				const answer = await queue.call(QUEUE_WON_PATH, { limit: String(LIMIT) });
				const id = await queue.nextEnqueued(known);
				return { rows: answerItems(answer), workers: queue.workersOf(id) };
			};
			await sim.reset();
			try {
				const first = await run();
				expect(first.workers).toHaveLength(1);
				expect(withStatus(first.rows, 'new')).toHaveLength(LIMIT);
				const won = domainsOf(first.rows).slice(0, 2);
				for (const domain of won) await sim.gainLink(domain, QUEUE_QUERY.exclude);

				const second = await run();
				expect(second.workers).toHaveLength(1);
				const wonRows = withStatus(second.rows, 'won');
				expect(sorted(domainsOf(wonRows))).toEqual(sorted(won));
				for (const row of wonRows) {
					expect(row.won_domain).toBe(QUEUE_QUERY.exclude);
					expect(String(row.won_linking_page).startsWith(`https://${row.referring_domain}/`)).toBe(
						true,
					);
				}
				const fresh = domainsOf(withStatus(second.rows, 'new'));
				expect(fresh.filter((domain) => domainsOf(first.rows).includes(domain))).toEqual([]);

				const third = await run();
				expect(withStatus(third.rows, 'won')).toEqual([]);
				const all = [...domainsOf(first.rows), ...domainsOf(second.rows)];
				expect(domainsOf(third.rows).filter((domain) => all.includes(domain))).toEqual([]);
			} finally {
				// Gained links are the simulator's state: the next scenarios see the graph as drawn.
				await sim.reset();
			}
		},
		TEST_TIMEOUT_MS,
	);
}
