import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import example from '../fixtures/example_response.json';
import { flatColumns, flattenItem } from '../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ApiItem } from '../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { intersect, SIM_PASSWORD, startSimulator, type Simulator } from '../simulator';
import { json, NODE_NAME, runNode } from './nodeRunner';
import { MAX_RESULTS_DEFAULT } from '../../nodes/DataForSeoDomainIntersection/fields/main';

const LIVE = '/v3/backlinks/domain_intersection/live';
const DOCS_PARAMS = {
	targets: 'moz.com, ahrefs.com',
	excludeTargets: 'semrush.com',
	limit: 5,
	options: {
		orderByJson: '["1.backlinks,desc"]',
		includeSubdomains: false,
		excludeInternalBacklinks: true,
	},
};
const DOCS_TASK = {
	targets: { '1': 'moz.com', '2': 'ahrefs.com' },
	exclude_targets: ['semrush.com'],
	limit: 5,
	// The referring domain as the last rule: the same order at any Limit, and no ties between pages.
	order_by: ['1.backlinks,desc', '1.target,asc'],
	include_subdomains: false,
	exclude_internal_backlinks: true,
};

let sim: Simulator;
const posts = () => sim.log.filter((entry) => entry.path === LIVE);
const tasks = () => posts().map((entry) => (entry.body as unknown[])[0] as Record<string, unknown>);

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

describe('the docs example', () => {
	it('sends exactly the documented task and emits 5 flat rows', async () => {
		const result = await runNode({ baseUrl: sim.url, parameters: DOCS_PARAMS });
		expect(result.error).toBeUndefined();
		expect(tasks()).toEqual([DOCS_TASK]);
		const rows = json(result);
		expect(rows).toHaveLength(5);
		const backlinks = rows.map((row) => row.competitor1_backlinks as number);
		expect([...backlinks].sort((a, b) => b - a)).toEqual(backlinks);
		// Key Metrics, the default: backlinks first, each metric side by side for both
		// competitors, and nothing that is the same on every row; the hint names the competitors.
		expect(Object.keys(rows[0])).toEqual(flatColumns(2, 'key'));
		expect(Object.keys(rows[0]).slice(0, 3)).toEqual([
			'referring_domain',
			'competitor1_backlinks',
			'competitor2_backlinks',
		]);
		for (const column of ['intersections_count', 'competitor1', 'competitor2'])
			expect(rows[0]).not.toHaveProperty(column);
		expect(result.hints(NODE_NAME).map((hint) => hint.message)).toEqual([
			expect.stringMatching(
				/^5 of [\d,]+ referring domains, 1 request, \$0\.\d\d simulated: your credential points to a local test server, not DataForSEO\. In the columns, competitor1 is moz\.com and competitor2 is ahrefs\.com\.$/,
			),
		]);
		expect(
			result.outputOf(NODE_NAME).every((item) => (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	it("emits the docs' own response as five matching flat items", async () => {
		const bodies: unknown[] = [];
		const server: Server = createServer((req, res) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => {
				bodies.push(JSON.parse(text));
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify(example));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const result = await runNode({
				baseUrl: `http://127.0.0.1:${port}`,
				parameters: { ...DOCS_PARAMS, columns: 'all' },
			});
			expect(bodies).toEqual([[DOCS_TASK]]);
			const items = example.tasks[0].result[0].items as unknown as ApiItem[];
			expect(json(result)).toEqual(
				items.map((item) => flattenItem(item, ['moz.com', 'ahrefs.com'], 'all')),
			);
			expect(json(result)[0]).toMatchObject({
				referring_domain: 'www.xroxy.com',
				intersections_count: 2,
				competitor1_backlinks: 547189,
				competitor2_backlinks: 87,
				competitor1_referring_links_semantic_locations: '{"":488023}',
			});
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('emits the raw API items on request', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { ...DOCS_PARAMS, outputFormat: 'raw' },
		});
		const rows = json(result);
		expect(rows).toHaveLength(5);
		expect(rows[0]).toMatchObject({ competitors: { '1': 'moz.com', '2': 'ahrefs.com' } });
		expect(rows[0].domain_intersection).toHaveProperty('1.type', 'backlinks_domain_intersection');
	});
});

describe('a node saved as version 1 (0.1.0)', () => {
	it('keeps its columns, its raw and summary keys, and its Max Results', async () => {
		const v1 = (parameters: Record<string, unknown>) =>
			runNode({ baseUrl: sim.url, parameters: { ...DOCS_PARAMS, ...parameters }, typeVersion: 1 });
		const flat = json(await v1({}));
		expect(Object.keys(flat[0])).toEqual(flatColumns(2, 'legacy'));
		expect(flat[0]).toMatchObject({ target1: 'moz.com', target2: 'ahrefs.com' });
		expect(json(await v1({ outputFormat: 'raw' }))[0]).toHaveProperty('targets.1', 'moz.com');
		expect(json(await v1({ outputFormat: 'summary' }))[0]).toMatchObject({
			targets: 'moz.com, ahrefs.com',
			excludeTargets: 'semrush.com',
		});
		// Return All stored without a Max Results: 0.1.0's default of 10,000, not the new one.
		sim.reset();
		const all = { targets: 'moz.com, ahrefs.com', returnAll: true };
		expect(json(await runNode({ baseUrl: sim.url, parameters: all, typeVersion: 1 }))).toHaveLength(
			10_000,
		);
		expect(json(await runNode({ baseUrl: sim.url, parameters: all }))).toHaveLength(
			MAX_RESULTS_DEFAULT,
		);
	});
});

describe('paging', () => {
	const narrow = { filtersJson: '["1.backlinks", ">", 2000]' };

	it('Return All fetches every row once, in the API order', async () => {
		const params = {
			targets: 'moz.com, ahrefs.com',
			returnAll: true,
			maxResults: 0,
			options: narrow,
		};
		const result = await runNode({ baseUrl: sim.url, parameters: params });
		expect(result.error).toBeUndefined();
		// The simulator's own reference answer: every row of this task, in API order.
		const expected = intersect(sim.graph, tasks()[0]).map((row) => row.referringDomain);
		const total = expected.length;
		expect(total).toBeGreaterThan(2000);
		const rows = json(result);
		expect(rows).toHaveLength(total);
		expect(new Set(rows.map((row) => row.referring_domain)).size).toBe(total);
		expect(posts()).toHaveLength(Math.ceil(total / 1000));
		// Pages run side by side, so they may arrive in any order.
		expect(
			tasks()
				.map((task) => Number(task.offset ?? 0))
				.sort((a, b) => a - b),
		).toEqual(Array.from({ length: Math.ceil(total / 1000) }, (_, i) => i * 1000));
		expect(rows.map((row) => row.referring_domain)).toEqual(expected);
	});

	it('a limit above 1000 pages to exactly that many rows', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { targets: 'moz.com, ahrefs.com', limit: 2500 },
		});
		expect(json(result)).toHaveLength(2500);
		expect(tasks().map((task) => [task.offset, task.limit])).toEqual([
			[undefined, 1000],
			[1000, 1000],
			[2000, 500],
		]);
	});

	it('Max Results cuts Return All and says so', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { targets: 'moz.com, ahrefs.com', returnAll: true, maxResults: 1500 },
		});
		expect(json(result)).toHaveLength(1500);
		expect(
			result
				.hints(NODE_NAME)
				.map((hint) => hint.message)
				.join(),
		).toMatch(
			/^Showing the first 1,500 of ([\d,]+) referring domains, 2 requests, [^.]+\.\d\d[^.]+\. Max Results stopped moz\.com, ahrefs\.com at 1,500: to get the other ([\d,]+), raise Max Results \(0 means no cap\), for about \$\d+\.\d\d more\./,
		);
	});

	it('Max Cost stops before the cap is passed', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: {
				targets: 'moz.com, ahrefs.com',
				returnAll: true,
				maxResults: 0,
				options: { maxCost: 0.11 },
			},
		});
		expect(posts()).toHaveLength(2);
		expect(json(result)).toHaveLength(2000);
		expect(sim.stats().totalCost).toBeLessThanOrEqual(0.11);
		expect(result.hints(NODE_NAME)[0].message).toMatch(
			/Max Cost \(USD\) stopped moz.com, ahrefs.com after the first 2,000 of/,
		);
	});
});

describe('failures', () => {
	it('retries transient failures and recovers', async () => {
		sim.failNext({ http: 500 }, { envelopeCode: 40202 }, { drop: true }, { taskCode: 50000 });
		const result = await runNode({
			baseUrl: sim.url,
			parameters: {
				...DOCS_PARAMS,
				options: { ...DOCS_PARAMS.options, retryDelay: 1, maxRetries: 4 },
			},
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toHaveLength(5);
		expect(posts()).toHaveLength(5);
		expect(result.hints(NODE_NAME)[0].message).toMatch(/4 retries/);
	});

	it('gives up after Max Retries with the DataForSEO code', async () => {
		sim.failNext(
			{ taskCode: 50000, message: 'Internal Error.' },
			{ taskCode: 50000, message: 'Internal Error.' },
		);
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { ...DOCS_PARAMS, options: { retryDelay: 1, maxRetries: 1 } },
		});
		expect(result.error?.message).toBe('DataForSEO 50000: Internal Error.');
		expect(posts()).toHaveLength(2);
	});

	it('says a timeout is a timeout, with the limit, the option and the retries that ran', async () => {
		// The answer is held past Options > Timeout, as a slow DataForSEO would.
		sim.hold({ inFlight: 1_000_000, minOffset: 0 });
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { ...DOCS_PARAMS, options: { timeout: 1000, maxRetries: 0 } },
		});
		expect(result.error?.message).toBe(
			'The request timed out: DataForSEO did not answer within 1,000 ms, the limit set in Advanced > Timeout (Ms).',
		);
		expect(result.error?.description).toMatch(/may already have charged/);
		expect(result.error?.description).toMatch(/not tried again: Advanced > Max Retries is 0/);
		expect(result.error?.description).not.toMatch(/even after|retries did not/);
		expect(posts()).toHaveLength(1);
		sim.release();
	});

	it('honours Retry-After on HTTP 429', async () => {
		sim.failNext({ http: 429, retryAfter: '1' });
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { ...DOCS_PARAMS, options: { ...DOCS_PARAMS.options, retryDelay: 0 } },
		});
		expect(result.error).toBeUndefined();
		const [refused, retried] = posts();
		// Retry Delay 0 would retry at once; the server asked for a second.
		expect(retried.startedAt - refused.endedAt).toBeGreaterThanOrEqual(990);
	});

	it('never retries an invalid request', async () => {
		sim.failNext({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const result = await runNode({ baseUrl: sim.url, parameters: DOCS_PARAMS });
		expect(result.error?.message).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
		expect(result.error?.description).toMatch(/names the field/);
		expect(posts()).toHaveLength(1);
	});

	it('reports a wrong password without the password', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: DOCS_PARAMS,
			password: 'not-the-password',
		});
		expect(result.error?.message).toMatch(/^DataForSEO 40100: /);
		expect(result.error?.description).toMatch(/API login and API password/);
		const everything = JSON.stringify(result.error) + JSON.stringify(result.runData);
		expect(everything).not.toContain('not-the-password');
		expect(everything).not.toContain(SIM_PASSWORD);
		expect(everything).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
	});

	it('keeps going past rate limits at high concurrency', async () => {
		await sim.close();
		sim = await startSimulator({ maxInFlight: 3 });
		// Pages after the first are held until 4 are open at once, so the fourth always meets the
		// cap, however slowly a loaded machine sends them.
		sim.hold({ inFlight: 4 });
		const result = await runNode({
			baseUrl: sim.url,
			parameters: {
				targets: 'moz.com, ahrefs.com',
				limit: 8000,
				options: { concurrency: 8, retryDelay: 5, maxRetries: 10 },
			},
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toHaveLength(8000);
		expect(posts().some((entry) => (entry.taskStatusCode ?? entry.statusCode) === 40202)).toBe(
			true,
		);
		await sim.close();
		sim = await startSimulator();
	});

	it('refuses bad input before sending anything', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { ...DOCS_PARAMS, options: { filtersJson: '["3.backlinks", ">", 1]' } },
		});
		expect(result.error?.message).toBe(
			'Advanced > Filters (JSON): the filter refers to "3.backlinks", but there are only 2 competitors (1.… to 2.…).',
		);
		// Only what a person needs: the parameter name is in the README's Parameters table.
		expect(result.error?.description).toBe(
			'Nothing was sent to DataForSEO, so nothing was charged.',
		);
		expect(sim.log).toHaveLength(0);
	});

	it('refuses plain http to another machine', async () => {
		const result = await runNode({ baseUrl: 'http://192.0.2.1:9', parameters: DOCS_PARAMS });
		expect(result.error?.message).toMatch(/Base URL.*plain http/);
	});
});

describe('several input items', () => {
	const input = [
		{ competitors: ['moz.com', 'ahrefs.com'] },
		{ competitors: 'semrush.com\nahrefs.com' },
		{ competitors: ['moz.com', 'semrush.com'] },
	];

	it('runs one series per item and keeps input order and pairing', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input,
			parameters: { targets: '={{ $json.competitors }}', limit: 3, options: { concurrency: 3 } },
		});
		const items = result.outputOf(NODE_NAME);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			0, 0, 0, 1, 1, 1, 2, 2, 2,
		]);
		expect(items.map((item) => item.json.competitor1)).toEqual([
			'moz.com',
			'moz.com',
			'moz.com',
			'semrush.com',
			'semrush.com',
			'semrush.com',
			'moz.com',
			'moz.com',
			'moz.com',
		]);
	});

	it('with continueOnFail, a failing item becomes an error item and the rest go on', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: [input[0], { competitors: 'not a domain' }, input[2]],
			onError: 'continueRegularOutput',
			parameters: { targets: '={{ $json.competitors }}', limit: 2 },
		});
		const items = result.outputOf(NODE_NAME);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			0, 0, 1, 2, 2,
		]);
		expect(items[2].json.error).toMatch(/^Competitors: entry 1 "not a domain" is not a domain/);
		expect(posts()).toHaveLength(2);
	});

	it('with continueOnFail, an API failure of one item is paired to it', async () => {
		sim.failNext({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const result = await runNode({
			baseUrl: sim.url,
			input: [input[0], input[1]],
			onError: 'continueRegularOutput',
			parameters: { targets: '={{ $json.competitors }}', limit: 2, options: { concurrency: 1 } },
		});
		const items = result.outputOf(NODE_NAME);
		expect(items[0].json.error).toBe("DataForSEO 40501: Invalid Field: 'filters'.");
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 1]);
	});
});
