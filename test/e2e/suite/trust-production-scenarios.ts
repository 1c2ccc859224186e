import type { RunningN8n } from '../harness/n8n-server';
import { answerItems, callWebhook } from '../harness/webhook';
import { ONLY_NEW_LIMIT, ONLY_NEW_QUERY } from '../fixtures/trust-workflows';
import { ONLY_NEW_LIMIT_HOOK_PATH } from '../fixtures/webhook-workflows';
import type { ContextGetter } from './context';
import { delay, domainsOf } from './rows';
import { firstDomains, intersectionTasks, rowsAnswered } from './sim-oracle';

/** The node's run summary, logged by the process that ran it (the hint is not in the answer). */
const NODE_LOG = 'DataForSEO Domain Intersection:';
const summaryLines = (output: string): string[] =>
	output.split('\n').filter((line) => line.includes(NODE_LOG));

/**
 * The summary lines logged after the first `before` ones. n8n answers the webhook after the node
 * has logged, but its stdout may reach this process later than the answer, so wait for the line
 * (the deadline is only a safety net).
 */
async function summaryAfter(server: RunningN8n, before: number): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const lines = summaryLines(server.recentOutput());
		if (lines.length > before) return lines.slice(before).join('\n');
		if (Date.now() > deadline)
			throw new Error(`no "${NODE_LOG}" line logged:\n${server.recentOutput().slice(-3000)}`);
		await delay(100);
	}
}

const n = (value: number): string => value.toLocaleString('en-US');

/**
 * Only New with a Limit over production webhook runs of `n8n start`: each run emits the next
 * Limit domains no earlier run emitted. Checked on rows and requests only, not on where the
 * node keeps its memory.
 */
export function onlyNewLimitScenario(
	context: ContextGetter,
	running: () => RunningN8n | undefined,
): void {
	it('Only New with a Limit: run 1 emits the first Limit domains, run 2 the next Limit', async () => {
		const { liveSim } = context();
		const server = running();
		if (!server) throw new Error('n8n start did not come up (see beforeAll)');
		const call = async (): Promise<{ domains: string[]; summary: string }> => {
			const before = summaryLines(server.recentOutput()).length;
			const answer = await callWebhook(server.url, ONLY_NEW_LIMIT_HOOK_PATH, ONLY_NEW_QUERY);
			return {
				domains: domainsOf(answerItems(answer)),
				summary: await summaryAfter(server, before),
			};
		};

		const first = await call();
		const firstTasks = intersectionTasks(await liveSim.log());
		await liveSim.reset();
		const second = await call();
		const secondTasks = intersectionTasks(await liveSim.log());
		// Run 1 asks for Limit rows, as a plain run does. Run 2's first Limit rows are all seen;
		// the node remembers Limit domains, so Limit rows past them hold the next Limit new ones.
		const pages = (tasks: typeof firstTasks) => tasks.map((task) => [task.offset ?? 0, task.limit]);
		expect({ first: pages(firstTasks), second: pages(secondTasks) }).toEqual({
			first: [[0, ONLY_NEW_LIMIT]],
			second: [
				[0, ONLY_NEW_LIMIT],
				[ONLY_NEW_LIMIT, ONLY_NEW_LIMIT],
			],
		});

		const { offset: _offset, limit: _limit, ...request } = firstTasks[0];
		expect(request).toMatchObject({
			targets: { '1': 'similarweb.com', '2': 'searchenginejournal.com' },
		});
		expect(request).not.toHaveProperty('exclude_targets');
		for (const task of secondTasks) expect(task.order_by).toEqual(request.order_by);
		const expected = await firstDomains(liveSim, request, 2 * ONLY_NEW_LIMIT);
		expect(expected).toHaveLength(2 * ONLY_NEW_LIMIT);
		expect(first.domains).toEqual(expected.slice(0, ONLY_NEW_LIMIT));
		expect(second.domains).toEqual(expected.slice(ONLY_NEW_LIMIT));

		const fetched = [
			await rowsAnswered(liveSim, firstTasks),
			await rowsAnswered(liveSim, secondTasks),
		];
		expect([first.summary, second.summary]).toEqual([
			expect.stringContaining(
				`${n(ONLY_NEW_LIMIT)} new of ${n(fetched[0])} referring domains read`,
			),
			expect.stringContaining(
				`${n(ONLY_NEW_LIMIT)} new of ${n(fetched[1])} referring domains read`,
			),
		]);
	});
}
