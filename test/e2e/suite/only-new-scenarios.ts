import type { WebhookAnswer } from '../harness/webhook';
import { answerItems } from '../harness/webhook';
import type { RunningSimulator } from '../harness/simulator';
import { ONLY_NEW_ITEMS_PATH } from '../fixtures/only-new-workflows';
import { domainsOf } from './rows';
import { firstDomains, intersectionTasks } from './sim-oracle';

type Call = (path: string, query: Record<string, string>) => Promise<WebhookAnswer>;

/** The task the node sent for one competitor set (all its targets), without the page fields. */
async function taskFor(sim: RunningSimulator, competitors: string) {
	const wanted = JSON.stringify(competitors.split(', '));
	const task = intersectionTasks(await sim.log()).find(
		(sent) => JSON.stringify(Object.values(sent.targets as Record<string, string>)) === wanted,
	);
	if (!task) throw new Error(`no request for ${competitors}`);
	const { offset: _offset, limit: _limit, ...request } = task;
	return request;
}

/**
 * Issue 18, points 1 and 2, through a real n8n's deduplication store: a failed execution leaves
 * no record, and two items against the node's one lock-free row neither clash nor repeat.
 */
export function onlyNewRecordScenarios(
	sim: () => RunningSimulator,
	call: () => Call,
	sets: { failing: readonly [string, string]; racing: readonly [string, string] },
	limit: number,
	path = ONLY_NEW_ITEMS_PATH,
): void {
	it('Only New: a failed execution records nothing; the next run emits those rows', async () => {
		const [good, other] = sets.failing;
		// Earlier tests' requests on the same simulator must not be taken for this one's.
		await sim().reset();
		const failed = await call()(path, {
			sets: `${good}|${other}`,
			bad: '1',
			limit: String(limit),
		});
		expect(failed.status).not.toBe(200);
		const request = await taskFor(sim(), good);
		await sim().reset();
		const next = await call()(path, { sets: good, limit: String(limit) });
		expect(domainsOf(answerItems(next))).toEqual(await firstDomains(sim(), request, limit));
	});

	it('Only New: two items, several production runs: no clash, each run the next new rows', async () => {
		const query = { sets: sets.racing.join('|'), limit: String(4 * limit) };
		const perRun = 4 * limit;
		const seen = new Map<string, string[]>();
		for (let run = 0; run < 4; run++) {
			await sim().reset();
			const rows = answerItems(await call()(path, query));
			for (const set of query.sets.split('|')) {
				const first = set.split(', ')[0];
				const mine = domainsOf(rows.filter((row) => row.competitor1 === first));
				const request = await taskFor(sim(), set);
				const expected = (await firstDomains(sim(), request, (run + 1) * perRun)).slice(
					run * perRun,
				);
				expect({ run, set, domains: mine }).toEqual({ run, set, domains: expected });
				seen.set(set, [...(seen.get(set) ?? []), ...mine]);
			}
		}
		for (const domains of seen.values()) expect(new Set(domains).size).toBe(domains.length);
	});
}
