import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { json, NODE_NAME, runNode } from './nodeRunner';
import { ProcessedDataStore } from './harness';

const COMPETITORS = ['moz.com', 'ahrefs.com', 'semrush.com', 'majestic.com'];
const EXCLUDED = ['seo-blog.org'];

let sim: Simulator;
beforeAll(async () => {
	// A small graph keeps the brute-force check quick; the rules are the same at any size.
	sim = await startSimulator({ graphSize: 3000 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

/** "Links to at least K of the competitors and to none of the excluded", straight from the graph. */
function bruteForce(k: number): Map<string, number> {
	const expected = new Map<string, number>();
	for (const domain of sim.graph.referringDomains()) {
		if (EXCLUDED.some((excluded) => sim.graph.linksTo(domain, excluded))) continue;
		const count = COMPETITORS.filter((target) => sim.graph.linksTo(domain, target)).length;
		if (count >= k) expected.set(domain, count);
	}
	return expected;
}

describe('match mode "at least K of N"', () => {
	it.each([1, 2, 3, 4])(
		'equals the brute-force answer for K = %i of 4, with excluded domains',
		async (k) => {
			const result = await runNode({
				baseUrl: sim.url,
				parameters: {
					targets: COMPETITORS.join(', '),
					excludeTargets: EXCLUDED.join(', '),
					returnAll: true,
					maxResults: 0,
					options: { matchMode: 'atLeast', minMatches: k, excludeInternalBacklinks: false },
				},
			});
			expect(result.error).toBeUndefined();
			const rows = json(result);
			const expected = bruteForce(k);
			expect(expected.size).toBeGreaterThan(20);
			// With all 4 every row has the same count, so Key Metrics leaves that column out.
			if (k === COMPETITORS.length) expect(rows[0]).not.toHaveProperty('intersections_count');
			const count = (row: IDataObject) => (row.intersections_count ?? k) as number;
			expect(new Map(rows.map((row) => [row.referring_domain as string, count(row)]))).toEqual(
				expected,
			);
			expect(rows).toHaveLength(expected.size);
			// Ordered by how many competitors each links to.
			const counts = rows.map(count);
			expect([...counts].sort((a, b) => b - a)).toEqual(counts);
			// Metrics sit under the competitor they belong to; the others are null.
			for (const row of rows.slice(0, 50)) {
				COMPETITORS.forEach((target, i) => {
					const links = sim.graph.linksTo(row.referring_domain as string, target);
					expect(row[`competitor${i + 1}_backlinks`] !== null).toBe(links);
				});
			}
			const calls = sim.log.filter((entry) => entry.path.endsWith('/live'));
			expect(
				new Set(calls.map((entry) => JSON.stringify((entry.body as IDataObject[])[0].targets)))
					.size,
			).toBe([15, 11, 5, 1][k - 1]);
		},
	);

	it('refuses a run with too many combinations before sending anything', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: {
				targets: 'a.com, b.com, c.com, d.com, e.com, f.com, g.com',
				options: { matchMode: 'atLeast', minMatches: 3 },
			},
		});
		expect(result.error?.message).toMatch(/needs 99 combinations/);
		expect(sim.log).toHaveLength(0);
	});
});

describe('only new since the last run', () => {
	const parameters = {
		targets: 'moz.com, ahrefs.com',
		excludeTargets: 'semrush.com',
		returnAll: true,
		maxResults: 0,
		options: { onlyNew: true },
	};

	it('emits on the second production run only the domains added in between', async () => {
		const processedData = new ProcessedDataStore();
		const run = () => runNode({ baseUrl: sim.url, parameters, mode: 'trigger', processedData });
		const first = await run();
		const firstRows = json(first);
		expect(firstRows.length).toBeGreaterThan(100);
		// Kept in n8n's deduplication store, one entry per emitted domain; not in static data.
		expect(processedData.size()).toBe(firstRows.length);
		expect(first.staticData).toEqual({});

		const before = new Set(sim.graph.referringDomains());
		sim.grow(400);
		const added = sim.graph.referringDomains().filter((domain) => !before.has(domain));
		const secondDomains = json(await run()).map((row) => row.referring_domain as string);
		expect(secondDomains.length).toBeGreaterThan(0);
		expect(secondDomains.every((domain) => added.includes(domain))).toBe(true);
		// Exactly the new domains that match the request: compare with a plain run.
		const plain = await runNode({ baseUrl: sim.url, parameters: { ...parameters, options: {} } });
		const expectedNew = json(plain)
			.map((row) => row.referring_domain as string)
			.filter((domain) => added.includes(domain));
		expect(new Set(secondDomains)).toEqual(new Set(expectedNew));

		expect(json(await run())).toHaveLength(0);
	});

	it('does not touch the memory in manual runs, and starts over with Forget Seen Domains', async () => {
		const processedData = new ProcessedDataStore();
		const first = await runNode({ baseUrl: sim.url, parameters, mode: 'trigger', processedData });
		const count = json(first).length;
		const calls = processedData.calls.length;
		// n8n can only look a domain up by recording it: a manual run shows every row instead.
		const manual = await runNode({ baseUrl: sim.url, parameters, processedData });
		expect(json(manual)).toHaveLength(count);
		expect(processedData.calls).toHaveLength(calls);
		const again = await runNode({ baseUrl: sim.url, parameters, mode: 'trigger', processedData });
		expect(json(again)).toHaveLength(0);
		const reset = await runNode({
			baseUrl: sim.url,
			parameters: { ...parameters, options: { onlyNew: true, resetSeen: true } },
			mode: 'trigger',
			processedData,
		});
		expect(json(reset)).toHaveLength(count);
	});
});

describe('summary output', () => {
	it('emits one item per input item with totals, top domains, requests and cost', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: [{ c: 'moz.com, ahrefs.com' }, { c: 'moz.com, majestic.com' }],
			parameters: {
				targets: '={{ $json.c }}',
				excludeTargets: 'semrush.com',
				returnAll: true,
				maxResults: 0,
				outputFormat: 'summary',
				options: { onlyNew: true },
			},
			mode: 'trigger',
		});
		const items = result.outputOf(NODE_NAME);
		expect(items).toHaveLength(2);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1]);
		const summary = items[0].json;
		expect(summary).toMatchObject({
			competitors: 'moz.com, ahrefs.com',
			excluded_domains: 'semrush.com',
		});
		expect(summary.requests).toBe(Math.ceil((summary.total_count as number) / 1000));
		expect(summary.rows).toBe(summary.total_count);
		expect(summary.new_rows).toBe(summary.rows);
		expect((summary.top_domains as string).split(', ')).toHaveLength(10);
		expect(summary.cost).toBeCloseTo(
			0.02 * (summary.requests as number) + 0.00003 * (summary.rows as number),
			5,
		);
	});
});
