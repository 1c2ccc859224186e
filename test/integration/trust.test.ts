import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { json, NODE_NAME, runNode } from './nodeRunner';
import { ProcessedDataStore } from './harness';

const LIVE = '/v3/backlinks/domain_intersection/live';

let sim: Simulator;
const tasks = () =>
	sim.log.filter((entry) => entry.path === LIVE).map((entry) => (entry.body as IDataObject[])[0]);
const domains = (rows: IDataObject[]) => rows.map((row) => row.referring_domain as string);
const hintsOf = (run: Awaited<ReturnType<typeof runNode>>) => run.hints(NODE_NAME);
const hint = (result: Awaited<ReturnType<typeof runNode>>) =>
	result
		.hints(NODE_NAME)
		.map((h) => h.message)
		.join('\n');

beforeAll(async () => {
	sim = await startSimulator({ graphSize: 6000 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

describe('targets as people paste them, end to end', () => {
	it('gives a pasted homepage URL the same rows as the domain, and says how it was read', async () => {
		const plain = await runNode({
			baseUrl: sim.url,
			parameters: { targets: 'moz.com, ahrefs.com', returnAll: true, maxResults: 0 },
		});
		const pasted = await runNode({
			baseUrl: sim.url,
			parameters: {
				targets: 'https://www.moz.com/; https://www.ahrefs.com',
				returnAll: true,
				maxResults: 0,
			},
		});
		expect(json(pasted).length).toBeGreaterThan(100);
		expect(domains(json(pasted))).toEqual(domains(json(plain)));
		// One hint, in sentences: the notes end with punctuation instead of running together.
		expect(hint(pasted)).toMatch(
			/\. In the columns, competitor1 is moz\.com and competitor2 is ahrefs\.com\. "https:\/\/www\.moz\.com\/" was read as the domain moz\.com; "https:\/\/www\.ahrefs\.com" was read as the domain ahrefs\.com\.$/,
		);
		expect(hintsOf(pasted)).toHaveLength(1);
	});
});

describe('paging without silent gaps', () => {
	// Every row ties on intersections_count, so only a tiebreak makes the order one order.
	const base = {
		targets: 'moz.com, ahrefs.com',
		options: { orderByJson: '["intersections_count,desc"]' },
	};

	it('returns the same first 1,000 rows in the same order for Limit 1000 and Limit 1001', async () => {
		const thousand = domains(
			json(await runNode({ baseUrl: sim.url, parameters: { ...base, limit: 1000 } })),
		);
		const single = tasks();
		sim.reset();
		const more = domains(
			json(await runNode({ baseUrl: sim.url, parameters: { ...base, limit: 1001 } })),
		);
		expect(more).toHaveLength(1001);
		expect(more.slice(0, 1000)).toEqual(thousand);
		// The simulator breaks ties itself; DataForSEO need not, so the order sent must be one too.
		const orders = [...single, ...tasks()].map((task) => task.order_by);
		expect(new Set(orders.map((order) => JSON.stringify(order))).size).toBe(1);
		expect(orders[0]).toEqual(['intersections_count,desc', '1.target,asc']);
	});

	it('refuses Return All with three sort rules and no tiebreak before sending anything', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: {
				targets: 'moz.com, ahrefs.com',
				returnAll: true,
				options: { orderByJson: '["1.rank,desc","2.rank,desc","1.backlinks,desc"]' },
			},
		});
		expect(result.error?.message).toMatch(
			/Sort \(JSON\).*rows that tie across pages could be lost/,
		);
		expect(tasks()).toHaveLength(0);
	});
});

describe('Max Cost cuts cleanly', () => {
	it('emits the first rows with no gap, buys no page it drops, and says what all would cost', async () => {
		const params = { targets: 'moz.com, ahrefs.com', returnAll: true, maxResults: 0 };
		const all = json(await runNode({ baseUrl: sim.url, parameters: params }));
		expect(all.length).toBeGreaterThan(2100);
		sim.reset();
		const cut = await runNode({
			baseUrl: sim.url,
			parameters: { ...params, options: { maxCost: 0.125, concurrency: 8 } },
		});
		// Two pages of 1,000 cost 0.10; a third would pass 0.125, and so would any later one.
		expect(tasks().map((task) => task.offset ?? 0)).toEqual([0, 1000]);
		expect(domains(json(cut))).toEqual(domains(all).slice(0, 2000));
		expect(hint(cut)).toMatch(
			new RegExp(
				`after the first 2,000 of ${all.length.toLocaleString('en-US')} rows, with no gap; all of them would cost about \\$\\d+\\.\\d\\d`,
			),
		);
	});
});

describe('"at least K of N" with a Limit', () => {
	const COMPETITORS = 'moz.com, ahrefs.com, semrush.com, majestic.com';
	/** The test's own order: competitors linked desc, then 1.backlinks desc (missing last), then domain. */
	const byCountThenBacklinks = (a: IDataObject, b: IDataObject) =>
		(b.intersections_count as number) - (a.intersections_count as number) ||
		((a.competitor1_backlinks ?? -1) as number) * -1 -
			((b.competitor1_backlinks ?? -1) as number) * -1 ||
		(a.referring_domain as string).localeCompare(b.referring_domain as string);

	it.each([
		[['1.backlinks,desc'], byCountThenBacklinks],
		// Most competitors always come first: a count rule placed later changes nothing.
		[['1.backlinks,desc', 'intersections_count,desc'], byCountThenBacklinks],
	])('emits the exact top rows and counts for sort %j', async (orderBy, compare) => {
		const options = { matchMode: 'atLeast', minMatches: 2, orderByJson: JSON.stringify(orderBy) };
		const everything = json(
			await runNode({
				baseUrl: sim.url,
				parameters: { targets: COMPETITORS, returnAll: true, maxResults: 0, options },
			}),
		);
		expect(everything.length).toBeGreaterThan(100);
		const expected = [...everything].sort(compare).slice(0, 40);
		const limited = json(
			await runNode({ baseUrl: sim.url, parameters: { targets: COMPETITORS, limit: 40, options } }),
		);
		expect(
			limited.map((row) => [
				row.referring_domain,
				row.intersections_count,
				row.competitor1_backlinks,
			]),
		).toEqual(
			expected.map((row) => [
				row.referring_domain,
				row.intersections_count,
				row.competitor1_backlinks,
			]),
		);
	});
});

describe('Only New with a Limit keeps finding', () => {
	it('emits up to Limit domains no earlier run emitted, paging further, and counts fetched and new', async () => {
		const parameters = {
			targets: 'moz.com, ahrefs.com',
			limit: 700,
			options: { onlyNew: true },
		};
		const processedData = new ProcessedDataStore();
		const first = await runNode({ baseUrl: sim.url, parameters, mode: 'trigger', processedData });
		const second = await runNode({ baseUrl: sim.url, parameters, mode: 'trigger', processedData });
		const all = domains(
			json(
				await runNode({
					baseUrl: sim.url,
					parameters: { targets: 'moz.com, ahrefs.com', limit: 1400 },
				}),
			),
		);
		expect(domains(json(first))).toEqual(all.slice(0, 700));
		expect(domains(json(second))).toEqual(all.slice(700, 1400));
		expect(hint(second)).toMatch(/^700 new of \d[\d,]* referring domains read \([\d,]+ in all\)/);
	});
});

describe('smaller things', () => {
	it("sends a first_seen date typed as ISO 8601 in DataForSEO's form", async () => {
		await runNode({
			baseUrl: sim.url,
			parameters: {
				targets: 'moz.com, ahrefs.com',
				filterBuilder: {
					conditions: [
						{ target: 1, field: 'first_seen', operator: 'gt', value: '2024-01-31T00:00:00.000Z' },
					],
				},
			},
		});
		expect(tasks()[0].filters).toEqual(['1.first_seen', '>', '2024-01-31 00:00:00 +00:00']);
	});

	it('puts the tag on every flat row and on the summary', async () => {
		const flat = json(
			await runNode({
				baseUrl: sim.url,
				parameters: { targets: 'moz.com, ahrefs.com', limit: 3, options: { tag: 'weekly' } },
			}),
		);
		expect(flat.map((row) => row.tag)).toEqual(['weekly', 'weekly', 'weekly']);
		const summary = json(
			await runNode({
				baseUrl: sim.url,
				parameters: {
					targets: 'moz.com',
					limit: 3,
					outputFormat: 'summary',
					options: { tag: 'weekly' },
				},
			}),
		);
		expect(summary[0].tag).toBe('weekly');
	});

	it('warns when items ask for different run-wide settings, naming what was used', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: [{ c: 2 }, { c: 7 }],
			parameters: { targets: 'moz.com', limit: 1, options: { concurrency: '={{ $json.c }}' } },
		});
		expect(hint(result)).toMatch(
			/set Advanced > Concurrency differently.*first item's were used: Advanced > Concurrency 2/,
		);
	});
});
