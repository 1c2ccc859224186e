// Only New remembers exactly what reached the workflow: recorded once, when the node returns its
// output; nothing on failure, Stop or in a manual run; safe with n8n's lock-free store.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { targetSetKey } from '../../nodes/DataForSeoDomainIntersection/output/seenStore';
import { startSimulator, type Simulator } from '../simulator';
import { ProcessedDataStore, RacingProcessedDataStore } from './harness';
import { hintText, json, NODE_NAME, runNode, type NodeRun } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
const PAIR = 'moz.com, ahrefs.com';
const OTHER = 'moz.com, majestic.com';
const BAD_FILTER = '["1.no_such_field", ">", 1]';

let sim: Simulator;
const tasks = () =>
	sim.log.filter((entry) => entry.path === LIVE).map((entry) => (entry.body as IDataObject[])[0]);
const domains = (rows: IDataObject[]) => rows.map((row) => row.referring_domain as string);
const hint = (result: Awaited<ReturnType<typeof runNode>>) => hintText(result, '\n');
const cost = (result: Awaited<ReturnType<typeof runNode>>) => hint(result).match(/\$[\d.]+/)?.[0];
const entry = (competitors: string, domain: string) =>
	`${targetSetKey(competitors.split(', '), [])} ${domain}`;

/** Resolves once `condition` holds (polled); the deadline is only a safety net. */
async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not reached');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** Production runs of one node; each input item sets its competitors and may break its filter. */
const production = (
	run: Omit<NodeRun, 'baseUrl' | 'parameters'> & { parameters: INodeParameters },
) => runNode({ baseUrl: sim.url, mode: 'trigger', ...run });

const perItem = (options: INodeParameters = {}, extra: INodeParameters = {}) => ({
	targets: '={{ $json.c }}',
	limit: 5,
	options: { onlyNew: true, filtersJson: '={{ $json.f ?? "" }}', ...options },
	...extra,
});

/** What a plain run (no Only New) gives for these competitors, in order. */
async function plain(competitors: string, limit: number): Promise<string[]> {
	const result = await runNode({ baseUrl: sim.url, parameters: { targets: competitors, limit } });
	return domains(json(result));
}

beforeAll(async () => {
	sim = await startSimulator({ graphSize: 6000 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

describe('Only New records nothing a run did not deliver', () => {
	it('a failed execution leaves no record, and the next run emits those rows', async () => {
		const store = new ProcessedDataStore();
		const failed = await production({
			input: [{ c: PAIR }, { c: OTHER, f: BAD_FILTER }],
			parameters: perItem(),
			processedData: store,
		});
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/Invalid Field/);
		expect(store.size()).toBe(0);
		const next = await production({
			input: [{ c: PAIR }],
			parameters: perItem(),
			processedData: store,
		});
		expect(domains(json(next))).toEqual(await plain(PAIR, 5));
		expect(store.size()).toBe(5);
	});

	it('with Continue On Fail, the failing item records nothing and the others are recorded', async () => {
		const store = new ProcessedDataStore();
		const result = await production({
			input: [{ c: PAIR }, { c: OTHER, f: BAD_FILTER }],
			parameters: perItem(),
			processedData: store,
			onError: 'continueRegularOutput',
		});
		const items = result.outputOf(NODE_NAME);
		expect(items.filter((item) => item.json.error)).toHaveLength(1);
		expect(domains(json(result).filter((row) => !row.error))).toEqual(await plain(PAIR, 5));
		expect(store.size()).toBe(5);
		const again = await production({
			input: [{ c: OTHER }],
			parameters: perItem(),
			processedData: store,
		});
		expect(domains(json(again))).toEqual(await plain(OTHER, 5));
	});

	it('a stopped execution leaves no record', async () => {
		const store = new ProcessedDataStore();
		// Item 2 reads every row: its second page (offset 1000) waits until the run is stopped.
		sim.hold({ inFlight: 1_000_000, minOffset: 1000 });
		const stopped = await production({
			input: [{ c: PAIR }, { c: OTHER, all: true }],
			parameters: perItem({}, { returnAll: '={{ !!$json.all }}', maxResults: 0 }),
			processedData: store,
			cancelWhen: until(() => sim.stats().held >= 1),
		});
		expect(stopped.status).toBe('canceled');
		expect(store.size()).toBe(0);
		expect(store.calls).toEqual([]);
	});

	it('takes back what a stopped run had recorded while it looked for more new rows', async () => {
		const store = new ProcessedDataStore();
		await production({
			parameters: { ...perItem(), targets: PAIR, limit: 3 },
			processedData: store,
		});
		// Limit 5: the first page has 3 seen and 2 new rows; the next page waits until Stop.
		sim.hold({ inFlight: 1_000_000, minOffset: 5 });
		const stopped = await production({
			parameters: { ...perItem(), targets: PAIR },
			processedData: store,
			cancelWhen: until(() => sim.stats().held >= 1),
		});
		expect(stopped.status).toBe('canceled');
		expect(store.size()).toBe(3);
		const first = await plain(PAIR, 3);
		expect(first.every((domain) => store.has(entry(PAIR, domain)))).toBe(true);
	});

	it('a manual run never calls the store, shows every row and says why', async () => {
		const store = new ProcessedDataStore();
		await production({ parameters: { ...perItem(), targets: PAIR }, processedData: store });
		const calls = store.calls.length;
		const manual = await runNode({
			baseUrl: sim.url,
			parameters: { ...perItem({ resetSeen: true }), targets: PAIR },
			processedData: store,
		});
		expect(store.calls.length).toBe(calls);
		expect(domains(json(manual))).toEqual(await plain(PAIR, 5));
		expect(hint(manual)).toMatch(/Only New Since Last Run is not applied in a manual run/);
		expect(store.size()).toBe(5);
	});
});

describe("Only New on a store that races as n8n's does", () => {
	it('two items, Limit 200, six production runs: no clash, no domain twice', async () => {
		const store = new RacingProcessedDataStore();
		const emitted = new Map<string, Set<string>>([
			[PAIR, new Set()],
			[OTHER, new Set()],
		]);
		for (let run = 0; run < 6; run++) {
			const result = await production({
				input: [{ c: PAIR }, { c: OTHER }],
				parameters: perItem({}, { limit: 200, maxResults: 0 }),
				processedData: store,
			});
			expect(result.error?.message).toBeUndefined();
			const rows = json(result);
			expect(rows).toHaveLength(400);
			for (const row of rows) {
				const seen = emitted.get(row.competitor2 === 'ahrefs.com' ? PAIR : OTHER)!;
				expect(seen.has(row.referring_domain as string)).toBe(false);
				seen.add(row.referring_domain as string);
			}
		}
		expect(store.size()).toBe(2400);
	});

	it('two executions starting on an empty memory at once both succeed (the row clash is retried)', async () => {
		const store = new RacingProcessedDataStore();
		store.overlapNext(2);
		const [a, b] = await Promise.all(
			[PAIR, OTHER].map(async (c) =>
				production({ input: [{ c }], parameters: perItem(), processedData: store }),
			),
		);
		expect([a.error?.message, b.error?.message]).toEqual([undefined, undefined]);
		expect(json(a)).toHaveLength(5);
		expect(json(b)).toHaveLength(5);
	});

	it('a Return All writes the memory once, with no removal', async () => {
		const store = new RacingProcessedDataStore();
		const parameters = { ...perItem(), targets: PAIR, returnAll: true, maxResults: 0 };
		const first = await production({ parameters, processedData: store });
		expect(tasks().length).toBeGreaterThan(3);
		expect(store.calls).toEqual(['check']);
		expect(store.size()).toBe(json(first).length);
		const second = await production({ parameters, processedData: store });
		expect(json(second)).toHaveLength(0);
		expect(store.calls).toEqual(['check', 'check']);
	});
});

describe('Only New with a Limit pays for what it needs', () => {
	it('Limit 50 on an empty memory costs what a plain Limit 50 costs', async () => {
		const plainRun = await runNode({ baseUrl: sim.url, parameters: { targets: PAIR, limit: 50 } });
		sim.reset();
		const store = new ProcessedDataStore();
		const onlyNew = await production({
			parameters: { ...perItem(), targets: PAIR, limit: 50 },
			processedData: store,
		});
		expect(tasks().map((task) => task.limit)).toEqual([50]);
		expect(cost(onlyNew)).toBe(cost(plainRun));
		expect(domains(json(onlyNew))).toEqual(domains(json(plainRun)));
	});

	it('grows its pages only when the first gave too few new rows', async () => {
		const store = new ProcessedDataStore();
		const parameters = { ...perItem(), targets: PAIR, limit: 50 };
		await production({ parameters, processedData: store });
		sim.reset();
		const second = await production({ parameters, processedData: store });
		expect(domains(json(second))).toEqual((await plain(PAIR, 100)).slice(50));
		const limits = tasks()
			.slice(0, -1)
			.map((task) => [task.offset ?? 0, task.limit]);
		// The node remembers 50 domains, so 50 rows past them hold the next 50 new ones.
		expect(limits).toEqual([
			[0, 50],
			[50, 50],
		]);
		expect(store.size()).toBe(100);
		// No new row past the Limit was recorded and taken out again.
		expect(store.calls).not.toContain('remove');
	});
});

describe('Only New beside the other options', () => {
	it('Max Results: Return All emits and records the new rows among the first Max Results', async () => {
		const store = new ProcessedDataStore();
		const parameters = { ...perItem(), targets: PAIR, returnAll: true, maxResults: 30 };
		const first = await production({ parameters, processedData: store });
		expect(domains(json(first))).toEqual(await plain(PAIR, 30));
		expect(store.size()).toBe(30);
		expect(json(await production({ parameters, processedData: store }))).toHaveLength(0);
	});

	it('Max Cost: records only the rows emitted before the cap', async () => {
		const store = new ProcessedDataStore();
		// $0.06 buys the first page of 1,000 rows ($0.05), not the second.
		const parameters = {
			...perItem({ maxCost: 0.06 }),
			targets: PAIR,
			returnAll: true,
			maxResults: 0,
		};
		const first = await production({ parameters, processedData: store });
		expect(json(first)).toHaveLength(1000);
		expect(store.size()).toBe(1000);
		expect(hint(first)).toMatch(/Max Cost \(USD\) stopped/);
	});

	it('two items with the same competitors: a domain reaches the workflow once', async () => {
		const store = new ProcessedDataStore();
		const result = await production({
			input: [{ c: PAIR }, { c: PAIR }],
			parameters: perItem(),
			processedData: store,
		});
		const all = await plain(PAIR, 10);
		expect(domains(json(result))).toEqual(all);
		expect(store.size()).toBe(10);
	});

	it('Forget Seen Domains forgets only when the run succeeds', async () => {
		const store = new ProcessedDataStore();
		await production({ parameters: { ...perItem(), targets: PAIR }, processedData: store });
		const failed = await production({
			input: [{ c: PAIR }, { c: OTHER, f: BAD_FILTER }],
			parameters: perItem({ resetSeen: true }),
			processedData: store,
		});
		expect(failed.status).toBe('error');
		expect(store.size()).toBe(5);
		expect(store.calls).not.toContain('clear');
		const reset = await production({
			parameters: { ...perItem({ resetSeen: true }), targets: PAIR },
			processedData: store,
		});
		expect(domains(json(reset))).toEqual(await plain(PAIR, 5));
		expect(store.size()).toBe(5);
	});
});
