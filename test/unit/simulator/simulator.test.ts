// Tests of the offline DataForSEO simulator: HTTP contract, query semantics checked by brute force
// against the link graph, scripted failures and the knobs other test suites rely on.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import {
	calibrate,
	DEFAULT_GRAPH_SIZE,
	DOCS_EXAMPLE_TASK,
	DOCS_EXAMPLE_TOTAL,
	intersect,
	IntersectionRow,
	SIM_LOGIN,
	SIM_PASSWORD,
	startSimulator,
	type Simulator,
	type TargetMetrics,
} from '../../simulator';

jest.setTimeout(60_000);

const LIVE = '/v3/backlinks/domain_intersection/live';
const AUTH = `Basic ${Buffer.from(`${SIM_LOGIN}:${SIM_PASSWORD}`).toString('base64')}`;

// Loose JSON view of answers: the tests assert on shapes, so they index freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Answer {
	status: number;
	body: Json;
	headers: Headers;
}

async function call(
	sim: Simulator,
	method: string,
	path: string,
	body?: unknown,
	auth: string | null = AUTH,
): Promise<Answer> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (auth !== null) headers.authorization = auth;
	const response = await fetch(sim.url + path, {
		method,
		headers,
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return {
		status: response.status,
		body: (await response.json()) as Json,
		headers: response.headers,
	};
}

const post = (sim: Simulator, tasks: unknown, auth: string | null = AUTH) =>
	call(sim, 'POST', LIVE, tasks, auth);

/** Posts one task and returns tasks[0] (asserting the envelope is fine). */
async function runTask(sim: Simulator, task: Record<string, unknown>): Promise<Json> {
	const answer = await post(sim, [task]);
	expect(answer.status).toBe(200);
	expect(answer.body.status_code).toBe(20000);
	return answer.body.tasks[0];
}

/** Polls a condition the test waits for (a state, not a duration); the deadline is a safety net. */
async function until(condition: () => boolean, deadlineMs = 20_000): Promise<void> {
	const end = Date.now() + deadlineMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error('condition not reached');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

function domainsOf(task: Json): string[] {
	return (task.result[0].items ?? []).map(
		(item: Json) =>
			item.domain_intersection[Object.keys(item.domain_intersection)[0]]?.target ?? '',
	);
}

const PER_TARGET_KEYS = [
	'type',
	'target',
	'rank',
	'backlinks',
	'first_seen',
	'lost_date',
	'backlinks_spam_score',
	'broken_backlinks',
	'broken_pages',
	'referring_domains',
	'referring_domains_nofollow',
	'referring_main_domains',
	'referring_main_domains_nofollow',
	'referring_ips',
	'referring_subnets',
	'referring_pages',
	'referring_links_tld',
	'referring_links_types',
	'referring_links_attributes',
	'referring_links_platform_types',
	'referring_links_semantic_locations',
	'referring_links_countries',
	'referring_pages_nofollow',
];
const DATE_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/;

describe('simulator with the calibrated default graph', () => {
	let sim: Simulator;

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	it('binds 127.0.0.1 and uses the pinned default graph size', () => {
		expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
		expect(sim.graph.size).toBe(DEFAULT_GRAPH_SIZE);
	});

	it('answers 401 with the DataForSEO body for missing or wrong credentials', async () => {
		const expected = {
			version: '0.1.20230825',
			status_code: 40100,
			status_message:
				'You are not authorized to access this resource. Please check your login and password.',
			time: '0 sec.',
			cost: 0,
			tasks_count: 0,
			tasks_error: 0,
			tasks: [],
		};
		const missing = await post(sim, [DOCS_EXAMPLE_TASK], null);
		expect(missing.status).toBe(401);
		expect(missing.body).toEqual(expected);
		const wrong = await post(
			sim,
			[DOCS_EXAMPLE_TASK],
			`Basic ${Buffer.from(`${SIM_LOGIN}:nope`).toString('base64')}`,
		);
		expect(wrong.status).toBe(401);
		expect(wrong.body).toEqual(expected);
		const userData = await call(sim, 'GET', '/v3/appendix/user_data', undefined, 'Bearer x');
		expect(userData.status).toBe(401);
		expect(userData.body).toEqual(expected);
		expect(sim.log.map((e) => e.authorized)).toEqual([false, false, false]);
		expect(JSON.stringify(sim.log)).not.toContain('Basic');
	});

	it('gives the docs example exactly total_count 40921, shaped like the docs response', async () => {
		const answer = await post(sim, [
			{ ...DOCS_EXAMPLE_TASK, limit: 5, order_by: ['1.backlinks,desc'] },
		]);
		expect(answer.status).toBe(200);
		const body = answer.body;
		expect(Object.keys(body)).toEqual([
			'version',
			'status_code',
			'status_message',
			'time',
			'cost',
			'tasks_count',
			'tasks_error',
			'tasks',
		]);
		expect(body).toMatchObject({
			version: '0.1.20230825',
			status_code: 20000,
			status_message: 'Ok.',
			cost: 0.02015,
			tasks_count: 1,
			tasks_error: 0,
		});
		expect(body.time).toMatch(/^\d+\.\d{4} sec\.$/);
		const task = body.tasks[0];
		expect(Object.keys(task)).toEqual([
			'id',
			'status_code',
			'status_message',
			'time',
			'cost',
			'result_count',
			'path',
			'data',
			'result',
		]);
		expect(task.id).toMatch(/^\d{8}-1535-\d{4}-0000-[0-9a-f]{12}$/);
		expect(task).toMatchObject({
			status_code: 20000,
			status_message: 'Ok.',
			cost: 0.02015,
			result_count: 1,
		});
		expect(task.path).toEqual(['v3', 'backlinks', 'domain_intersection', 'live']);
		expect(task.data).toEqual({
			api: 'backlinks',
			function: 'domain_intersection',
			...DOCS_EXAMPLE_TASK,
			limit: 5,
			order_by: ['1.backlinks,desc'],
		});
		const result = task.result[0];
		expect(Object.keys(result)).toEqual(['targets', 'total_count', 'items_count', 'items']);
		expect(result).toMatchObject({
			targets: DOCS_EXAMPLE_TASK.targets,
			total_count: DOCS_EXAMPLE_TOTAL,
			items_count: 5,
		});
		for (const item of result.items) {
			expect(Object.keys(item)).toEqual(['domain_intersection', 'summary']);
			expect(item.summary).toEqual({ intersections_count: 2 });
			expect(Object.keys(item.domain_intersection)).toEqual(['1', '2']);
			for (const entry of Object.values<Json>(item.domain_intersection)) {
				expect(Object.keys(entry)).toEqual(PER_TARGET_KEYS);
				expect(entry.type).toBe('backlinks_domain_intersection');
				expect(entry.first_seen).toMatch(DATE_RE);
				expect(entry.lost_date === null || DATE_RE.test(entry.lost_date)).toBe(true);
				expect(entry.rank).toBeGreaterThanOrEqual(0);
				expect(entry.rank).toBeLessThanOrEqual(1000);
				expect(entry.referring_pages).toBeLessThanOrEqual(entry.backlinks);
			}
		}
		const backlinks = result.items.map((item: Json) => item.domain_intersection['1'].backlinks);
		expect(backlinks).toEqual([...backlinks].sort((a, b) => b - a));
	});

	it('pins DEFAULT_GRAPH_SIZE: calibration reaches 40921 exactly at that size', () => {
		const graph = calibrate(1);
		expect(graph.size).toBe(DEFAULT_GRAPH_SIZE);
		expect(intersect(graph, DOCS_EXAMPLE_TASK)).toHaveLength(DOCS_EXAMPLE_TOTAL);
	});

	it('matches a brute-force count over graph.linksTo (targets linked, excluded target not)', () => {
		let count = 0;
		for (const domain of sim.graph.referringDomains()) {
			if (
				sim.graph.linksTo(domain, 'moz.com', { includeSubdomains: false }) &&
				sim.graph.linksTo(domain, 'ahrefs.com', { includeSubdomains: false }) &&
				!sim.graph.linksTo(domain, 'semrush.com', { includeSubdomains: false })
			) {
				count++;
			}
		}
		expect(count).toBe(DOCS_EXAMPLE_TOTAL);
	});

	it('pages of 1000 concatenate to the full ordered list without duplicates', async () => {
		const expected = intersect(sim.graph, DOCS_EXAMPLE_TASK).map((row) => row.referringDomain);
		const seen: string[] = [];
		for (let offset = 0; offset < DOCS_EXAMPLE_TOTAL; offset += 1000) {
			const task = await runTask(sim, { ...DOCS_EXAMPLE_TASK, offset, limit: 1000 });
			expect(task.result[0].total_count).toBe(DOCS_EXAMPLE_TOTAL);
			expect(task.result[0].items_count).toBe(Math.min(1000, DOCS_EXAMPLE_TOTAL - offset));
			expect(task.cost).toBe(Math.round((0.02 + 0.00003 * task.result[0].items_count) * 1e5) / 1e5);
			seen.push(...domainsOf(task));
		}
		expect(seen).toEqual(expected);
		expect(new Set(seen).size).toBe(DOCS_EXAMPLE_TOTAL);
		const beyond = await runTask(sim, {
			...DOCS_EXAMPLE_TASK,
			offset: DOCS_EXAMPLE_TOTAL,
			limit: 10,
		});
		expect(beyond.result[0]).toMatchObject({
			total_count: DOCS_EXAMPLE_TOTAL,
			items_count: 0,
			items: null,
		});
		expect(sim.stats().totalCost).toBeCloseTo(42 * 0.02 + DOCS_EXAMPLE_TOTAL * 0.00003, 5);
	});

	it('default order is 1.rank desc, then referring domain asc', async () => {
		const task = await runTask(sim, { ...DOCS_EXAMPLE_TASK, limit: 1000, offset: 20000 });
		const rows = task.result[0].items.map((item: Json) => [
			item.domain_intersection['1'].rank,
			item.domain_intersection['1'].target,
		]);
		for (let i = 1; i < rows.length; i++) {
			const [r0, d0] = rows[i - 1];
			const [r1, d1] = rows[i];
			expect(r0 > r1 || (r0 === r1 && d0 < d1)).toBe(true);
		}
	});

	it('exclude_targets removes exactly the domains linking to the excluded target', async () => {
		const base = { targets: DOCS_EXAMPLE_TASK.targets, include_subdomains: false };
		const all = intersect(sim.graph, base).map((r) => r.referringDomain);
		const kept = intersect(sim.graph, { ...base, exclude_targets: ['semrush.com'] }).map(
			(r) => r.referringDomain,
		);
		const keptSet = new Set(kept);
		for (const domain of all) {
			expect(keptSet.has(domain)).toBe(
				!sim.graph.linksTo(domain, 'semrush.com', { includeSubdomains: false }),
			);
		}
		const api = await runTask(sim, { ...base, exclude_targets: ['semrush.com'], limit: 1 });
		expect(api.result[0].total_count).toBe(kept.length);

		// A host-wide wildcard excludes like the host; a deeper pattern excludes a subset of those.
		const hostWide = intersect(sim.graph, { ...base, exclude_targets: ['https://semrush.com/*'] });
		expect(hostWide.length).toBe(kept.length);
		const section = intersect(sim.graph, {
			...base,
			exclude_targets: ['https://www.semrush.com/blog/*'],
		});
		expect(section.length).toBeGreaterThan(kept.length);
		expect(section.length).toBeLessThan(all.length);
		for (const row of section.slice(0, 2000)) {
			expect(
				sim.graph.linksTo(row.referringDomain, 'https://www.semrush.com/blog/*', {
					includeSubdomains: false,
				}),
			).toBe(false);
		}
	});

	it('include_subdomains (default true) widens a domain target slightly', () => {
		const narrow = intersect(sim.graph, {
			targets: { '1': 'moz.com' },
			include_subdomains: false,
		}).length;
		const wide = intersect(sim.graph, { targets: { '1': 'moz.com' } }).length;
		expect(wide).toBeGreaterThan(narrow);
		expect(wide).toBeLessThan(narrow * 1.05);
	});

	it("page targets link from a subset of the host's referring domains", () => {
		const host = new Set(
			intersect(sim.graph, { targets: { '1': 'moz.com' }, include_subdomains: false }).map(
				(r) => r.referringDomain,
			),
		);
		const page = intersect(sim.graph, { targets: { '1': 'https://moz.com/learn/seo' } });
		expect(page.length).toBeGreaterThan(0);
		expect(page.length).toBeLessThan(host.size);
		for (const row of page) expect(host.has(row.referringDomain)).toBe(true);
	});

	it('serves the free user_data and available_filters endpoints', async () => {
		const user = await call(sim, 'GET', '/v3/appendix/user_data');
		expect(user.status).toBe(200);
		expect(user.body).toMatchObject({
			status_code: 20000,
			cost: 0,
			tasks_count: 1,
			tasks_error: 0,
		});
		expect(user.body.tasks[0].path).toEqual(['v3', 'appendix', 'user_data']);
		expect(user.body.tasks[0].result[0]).toMatchObject({
			login: SIM_LOGIN,
			timezone: expect.any(String),
			money: { balance: 100 },
		});
		expect(user.body.tasks[0].result[0].rates).toEqual(expect.any(Object));

		const filters = await call(sim, 'GET', '/v3/backlinks/available_filters');
		expect(filters.status).toBe(200);
		expect(filters.body.status_code).toBe(20000);
		const catalogue = filters.body.tasks[0].result[0];
		expect(catalogue.domain_intersection).toMatchObject({
			'1.backlinks': 'num',
			'1.rank': 'num',
			'1.first_seen': 'time',
			'1.lost_date': 'time',
			'1.target': 'str',
			'1.referring_pages_nofollow': 'num',
			intersections_count: 'num',
		});
		expect(catalogue.backlinks).toMatchObject({
			dofollow: 'bool',
			domain_from: 'str',
			url_from: 'str',
			rank: 'num',
			page_from_rank: 'num',
			domain_from_rank: 'num',
			first_seen: 'time',
			is_lost: 'bool',
			anchor: 'str',
			item_type: 'str',
		});
		for (const type of Object.values(catalogue.domain_intersection))
			expect(['num', 'str', 'time', 'bool', 'array']).toContain(type);
	});

	it('answers unknown paths with 404 / 40400', async () => {
		const answer = await call(sim, 'GET', '/v3/backlinks/nope');
		expect(answer.status).toBe(404);
		expect(answer.body).toMatchObject({ status_code: 40400, tasks: [] });
		const wrongMethod = await call(sim, 'GET', LIVE);
		expect(wrongMethod.status).toBe(404);
	});
});

describe('query semantics on a small graph', () => {
	let sim: Simulator;
	const base = { targets: { '1': 'moz.com', '2': 'ahrefs.com' }, limit: 1000 };
	let rows: IntersectionRow[];
	const m = (row: IntersectionRow, j: number): TargetMetrics => row.metrics[j] as TargetMetrics;

	beforeAll(async () => {
		sim = await startSimulator({ graphSize: 1500, seed: 7 });
		rows = intersect(sim.graph, base);
	});
	afterAll(async () => sim.close());

	it('has a usable base set (< 1000 rows, so one page holds it all)', () => {
		expect(rows.length).toBeGreaterThan(400);
		expect(rows.length).toBeLessThan(1000);
	});

	const words = (s: string) =>
		s
			.toLowerCase()
			.split(/[^a-z0-9]+/)
			.filter(Boolean);
	const cases: [string, unknown[], (row: IntersectionRow) => boolean][] = [
		['=', ['2.referring_ips', '=', 1], (r) => m(r, 1).referring_ips === 1],
		['<>', ['1.rank', '<>', 0], (r) => m(r, 0).rank !== 0],
		['<', ['1.backlinks', '<', 10], (r) => m(r, 0).backlinks < 10],
		['<=', ['1.backlinks', '<=', 10], (r) => m(r, 0).backlinks <= 10],
		['>', ['2.referring_pages', '>', 100], (r) => m(r, 1).referring_pages > 100],
		['>=', ['2.referring_pages', '>=', 100], (r) => m(r, 1).referring_pages >= 100],
		['in', ['1.rank', 'in', [0, 100, 200]], (r) => [0, 100, 200].includes(m(r, 0).rank)],
		['not_in', ['1.referring_ips', 'not_in', [1]], (r) => m(r, 0).referring_ips !== 1],
		['like', ['1.target', 'like', '%net%'], (r) => r.referringDomain.includes('net')],
		['not_like', ['1.target', 'not_like', '%.com'], (r) => !r.referringDomain.endsWith('.com')],
		['ilike', ['1.target', 'ilike', 'WWW.%'], (r) => r.referringDomain.startsWith('www.')],
		['not_ilike', ['1.target', 'not_ilike', '%BLOG%'], (r) => !r.referringDomain.includes('blog')],
		['regex', ['2.target', 'regex', '^[a-m]'], (r) => /^[a-m]/.test(r.referringDomain)],
		['not_regex', ['2.target', 'not_regex', '\\d'], (r) => !/\d/.test(r.referringDomain)],
		['match', ['1.target', 'match', 'com'], (r) => words(r.referringDomain).includes('com')],
		[
			'not_match',
			['1.target', 'not_match', 'www'],
			(r) => !words(r.referringDomain).includes('www'),
		],
		[
			'time >',
			['1.first_seen', '>', '2021-01-01 00:00:00 +00:00'],
			(r) => m(r, 0).first_seen > '2021-01-01 00:00:00 +00:00',
		],
		['= null', ['1.lost_date', '=', null], (r) => m(r, 0).lost_date === null],
		['<> null', ['1.lost_date', '<>', null], (r) => m(r, 0).lost_date !== null],
		['item field', ['intersections_count', '=', 2], () => true],
	];

	it.each(cases)('filter operator %s', async (_name, filter, predicate) => {
		const expected = rows.filter(predicate).map((r) => r.referringDomain);
		expect(expected.length).toBeGreaterThan(0);
		const task = await runTask(sim, { ...base, filters: filter });
		expect(task.result[0].total_count).toBe(expected.length);
		expect(domainsOf(task)).toEqual(expected);
	});

	it('nested and/or groups, with "and" binding tighter than "or"', async () => {
		const nested = [
			['1.backlinks', '>', 20],
			'and',
			[['2.rank', '>=', 200], 'or', ['1.target', 'like', '%seo%']],
		];
		const expectedNested = rows.filter(
			(r) => m(r, 0).backlinks > 20 && (m(r, 1).rank >= 200 || r.referringDomain.includes('seo')),
		);
		const task = await runTask(sim, { ...base, filters: nested });
		expect(domainsOf(task)).toEqual(expectedNested.map((r) => r.referringDomain));

		const flat = [
			['1.rank', '=', 0],
			'or',
			['2.backlinks', '>', 1000],
			'and',
			['2.referring_ips', '=', 1],
		];
		const expectedFlat = rows.filter(
			(r) => m(r, 0).rank === 0 || (m(r, 1).backlinks > 1000 && m(r, 1).referring_ips === 1),
		);
		const flatTask = await runTask(sim, { ...base, filters: flat });
		expect(domainsOf(flatTask)).toEqual(expectedFlat.map((r) => r.referringDomain));
	});

	it('order_by: asc, desc and multi-rule with the referring domain as final tiebreak', async () => {
		const asc = await runTask(sim, { ...base, order_by: ['1.backlinks,asc'] });
		const ascExpected = [...rows].sort(
			(a, b) =>
				m(a, 0).backlinks - m(b, 0).backlinks || (a.referringDomain < b.referringDomain ? -1 : 1),
		);
		expect(domainsOf(asc)).toEqual(ascExpected.map((r) => r.referringDomain));

		const multi = await runTask(sim, {
			...base,
			order_by: ['2.referring_ips,desc', '1.first_seen,asc', '2.rank,desc'],
		});
		const multiExpected = [...rows].sort(
			(a, b) =>
				m(b, 1).referring_ips - m(a, 1).referring_ips ||
				(m(a, 0).first_seen < m(b, 0).first_seen
					? -1
					: m(a, 0).first_seen > m(b, 0).first_seen
						? 1
						: 0) ||
				m(b, 1).rank - m(a, 1).rank ||
				(a.referringDomain < b.referringDomain ? -1 : 1),
		);
		expect(domainsOf(multi)).toEqual(multiExpected.map((r) => r.referringDomain));

		const desc = await runTask(sim, { ...base, order_by: ['1.target,desc'], limit: 10 });
		expect(domainsOf(desc)).toEqual(
			rows
				.map((r) => r.referringDomain)
				.sort()
				.reverse()
				.slice(0, 10),
		);
	});

	it('offset and limit slice the ordered list', async () => {
		const task = await runTask(sim, { ...base, offset: 7, limit: 13 });
		expect(task.result[0].items_count).toBe(13);
		expect(domainsOf(task)).toEqual(rows.slice(7, 20).map((r) => r.referringDomain));
		const defaultLimit = await runTask(sim, { targets: base.targets });
		expect(defaultLimit.result[0].items_count).toBe(100);
	});

	it('intersection_mode partial returns domains linking to any target, null for the others', async () => {
		const task = await runTask(sim, {
			...base,
			intersection_mode: 'partial',
			filters: ['intersections_count', '=', 1],
			limit: 50,
		});
		expect(task.result[0].total_count).toBeGreaterThan(0);
		for (const item of task.result[0].items) {
			expect(item.summary.intersections_count).toBe(1);
			const entries = Object.values(item.domain_intersection);
			expect(entries.filter((e) => e === null)).toHaveLength(1);
		}
		const all = await runTask(sim, { ...base, intersection_mode: 'partial', limit: 1 });
		expect(all.result[0].total_count).toBeGreaterThan(rows.length);
	});

	it('internal_list_limit caps map keys and rank_scale one_hundred divides ranks by 10', async () => {
		const capped = await runTask(sim, {
			...base,
			internal_list_limit: 1,
			order_by: ['1.referring_pages,desc'],
			limit: 20,
		});
		const full = await runTask(sim, {
			...base,
			internal_list_limit: 1000,
			order_by: ['1.referring_pages,desc'],
			limit: 20,
		});
		let sawBigMap = false;
		capped.result[0].items.forEach((item: Json, i: number) => {
			const entry = item.domain_intersection['1'];
			const fullEntry = full.result[0].items[i].domain_intersection['1'];
			for (const key of [
				'referring_links_tld',
				'referring_links_types',
				'referring_links_semantic_locations',
				'referring_links_platform_types',
			]) {
				expect(Object.keys(entry[key]).length).toBe(1);
				if (Object.keys(fullEntry[key]).length > 1) sawBigMap = true;
			}
		});
		expect(sawBigMap).toBe(true);
		expect(
			Object.keys(
				full.result[0].items[0].domain_intersection['1'].referring_links_semantic_locations,
			).length,
		).toBeGreaterThan(1);

		const thousand = await runTask(sim, { ...base, limit: 50 });
		const hundred = await runTask(sim, { ...base, limit: 50, rank_scale: 'one_hundred' });
		const byDomain = new Map(
			thousand.result[0].items.map((item: Json) => [
				item.domain_intersection['1'].target,
				item.domain_intersection['1'].rank,
			]),
		);
		for (const item of hundred.result[0].items) {
			const rank = byDomain.get(item.domain_intersection['1'].target);
			if (rank !== undefined)
				expect(item.domain_intersection['1'].rank).toBe(Math.round((rank as number) / 10));
		}
	});

	it('accepts backlinks_filters and backlinks_status_type (thinning the set deterministically)', async () => {
		const filtered = await runTask(sim, {
			...base,
			backlinks_filters: [['dofollow', '=', true]],
			limit: 1,
		});
		expect(filtered.result[0].total_count).toBeLessThan(rows.length);
		expect(filtered.result[0].total_count).toBeGreaterThan(0);
		const again = await runTask(sim, {
			...base,
			backlinks_filters: [['dofollow', '=', true]],
			limit: 1,
		});
		expect(again.result[0].total_count).toBe(filtered.result[0].total_count);
		const all = await runTask(sim, { ...base, backlinks_status_type: 'all', limit: 1 });
		const lost = await runTask(sim, { ...base, backlinks_status_type: 'lost', limit: 1 });
		expect(all.result[0].total_count).toBeGreaterThan(rows.length);
		expect(lost.result[0].total_count).toBeLessThan(rows.length);
		expect(lost.result[0].items[0].domain_intersection['1'].lost_date).toMatch(DATE_RE);
	});

	it('echoes tag in data and sets one task at a time (extra tasks -> 40000)', async () => {
		const answer = await post(sim, [
			{ ...base, limit: 1, tag: 'run-42' },
			{ targets: { '1': 'a.com' } },
			{ targets: { '1': 'b.com' } },
		]);
		expect(answer.body).toMatchObject({
			status_code: 20000,
			tasks_count: 3,
			tasks_error: 2,
			cost: 0.02003,
		});
		expect(answer.body.tasks[0]).toMatchObject({ status_code: 20000, data: { tag: 'run-42' } });
		for (const extra of answer.body.tasks.slice(1)) {
			expect(extra).toMatchObject({
				status_code: 40000,
				status_message: 'You can set only one task at a time.',
				cost: 0,
				result: null,
			});
		}
	});

	const invalid: [string, Record<string, unknown>, string][] = [
		['missing targets', { limit: 10 }, 'targets'],
		['empty targets', { targets: {} }, 'targets'],
		[
			'21 targets',
			{
				targets: Object.fromEntries(
					Array.from({ length: 21 }, (_, i) => [String(i + 1), `t${i}.com`]),
				),
			},
			'targets',
		],
		['bad target', { targets: { '1': 'not a domain' } }, 'targets'],
		['target key 0', { targets: { '0': 'moz.com' } }, 'targets'],
		[
			'11 excludes',
			{ ...base, exclude_targets: Array.from({ length: 11 }, (_, i) => `x${i}.com`) },
			'exclude_targets',
		],
		[
			'9 conditions',
			{
				...base,
				filters: Array.from({ length: 9 }, () => ['1.rank', '>', 1]).flatMap((c, i) =>
					i ? ['and', c] : [c],
				),
			},
			'filters',
		],
		['unknown operator', { ...base, filters: ['1.rank', '~', 1] }, 'filters'],
		['unknown field', { ...base, filters: ['1.nope', '=', 1] }, 'filters'],
		['bad target prefix', { ...base, filters: ['3.rank', '>', 1] }, 'filters'],
		[
			'bad joiner',
			{ ...base, filters: [['1.rank', '>', 1], 'xor', ['1.rank', '<', 9]] },
			'filters',
		],
		['wrong value type', { ...base, filters: ['1.rank', '>', '5'] }, 'filters'],
		[
			'4 order rules',
			{ ...base, order_by: ['1.rank,desc', '1.backlinks,desc', '2.rank,asc', '2.backlinks,asc'] },
			'order_by',
		],
		['bad order direction', { ...base, order_by: ['1.rank,down'] }, 'order_by'],
		['limit 0', { ...base, limit: 0 }, 'limit'],
		['limit 1001', { ...base, limit: 1001 }, 'limit'],
		['negative offset', { ...base, offset: -1 }, 'offset'],
		['internal_list_limit 0', { ...base, internal_list_limit: 0 }, 'internal_list_limit'],
		['internal_list_limit 1001', { ...base, internal_list_limit: 1001 }, 'internal_list_limit'],
		['bad status type', { ...base, backlinks_status_type: 'dead' }, 'backlinks_status_type'],
		['bad intersection mode', { ...base, intersection_mode: 'any' }, 'intersection_mode'],
		['bad rank scale', { ...base, rank_scale: 'ten' }, 'rank_scale'],
		[
			'bad backlinks filter',
			{ ...base, backlinks_filters: [['nope', '=', true]] },
			'backlinks_filters',
		],
		['long tag', { ...base, tag: 'x'.repeat(256) }, 'tag'],
		['null limit', { ...base, limit: null }, 'limit'],
		['null filters', { ...base, filters: null }, 'filters'],
		['null tag', { ...base, tag: null }, 'tag'],
		['null targets', { targets: null }, 'targets'],
	];

	it.each(invalid)('rejects %s with 40501', async (_name, task, field) => {
		const answer = await post(sim, [task]);
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			status_code: 20000,
			tasks_count: 1,
			tasks_error: 1,
			cost: 0,
		});
		expect(answer.body.tasks[0]).toMatchObject({
			status_code: 40501,
			status_message: `Invalid Field: '${field}'.`,
			result: null,
			cost: 0,
		});
	});

	it('rejects bad JSON and non-array bodies at the envelope level', async () => {
		for (const body of ['{not json', JSON.stringify({ targets: { '1': 'moz.com' } }), '[]']) {
			const answer = await post(sim, body);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ status_code: 40503, tasks: [] });
		}
	});
});

describe('scripted failures, concurrency and control endpoints', () => {
	let sim: Simulator;
	const task = { targets: { '1': 'moz.com' }, limit: 10 };

	beforeAll(async () => {
		sim = await startSimulator({ graphSize: 3000, maxInFlight: 3 });
	});
	afterAll(async () => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.setLatency(0);
	});

	it('plays queued failures in order, then answers normally', async () => {
		sim.failNext(
			{ http: 500 },
			{ http: 429 },
			{ envelopeCode: 40202 },
			{ taskCode: 40501, message: "Invalid Field: 'filters'." },
			{ drop: true },
		);
		const a = await post(sim, [task]);
		expect(a.status).toBe(500);
		expect(a.body).toMatchObject({ status_code: 50000, tasks: [] });
		const b = await post(sim, [task]);
		expect(b.status).toBe(429);
		expect(b.headers.get('retry-after')).toBe('1');
		expect(b.body.status_code).toBe(42900);
		const c = await post(sim, [task]);
		expect(c.status).toBe(200);
		expect(c.body).toMatchObject({ status_code: 40202, tasks_count: 0 });
		const d = await post(sim, [task]);
		expect(d.body).toMatchObject({ status_code: 20000, tasks_error: 1, cost: 0 });
		expect(d.body.tasks[0]).toMatchObject({
			status_code: 40501,
			status_message: "Invalid Field: 'filters'.",
			result: null,
		});
		await expect(post(sim, [task])).rejects.toThrow();
		const e = await post(sim, [task]);
		expect(e.body.status_code).toBe(20000);
		expect(e.body.tasks[0].status_code).toBe(20000);
		expect(
			sim.log.map((entry) => [entry.httpStatus, entry.statusCode, entry.taskStatusCode]),
		).toEqual([
			[500, 50000, null],
			[429, 42900, null],
			[200, 40202, null],
			[200, 20000, 40501],
			[0, null, null],
			[200, 20000, 20000],
		]);
	});

	it('only the live endpoint consumes scripted failures', async () => {
		sim.failNext({ http: 502 });
		const user = await call(sim, 'GET', '/v3/appendix/user_data');
		expect(user.status).toBe(200);
		const live = await post(sim, [task]);
		expect(live.status).toBe(502);
		expect(live.body.status_code).toBe(50200);
	});

	it('rejects requests beyond maxInFlight with 40202 and records peakInFlight', async () => {
		// The gate keeps the first three open until the fourth has arrived, on any machine.
		sim.hold({ inFlight: 4, minOffset: 0 });
		const answers = await Promise.all(Array.from({ length: 4 }, () => post(sim, [task])));
		const codes = answers.map((a) => a.body.status_code).sort();
		expect(codes).toEqual([20000, 20000, 20000, 40202]);
		expect(answers.every((a) => a.status === 200)).toBe(true);
		expect(sim.peakInFlight).toBe(4);
		sim.reset();
		expect(sim.peakInFlight).toBe(0);
		expect(sim.log).toHaveLength(0);
	});

	it('hold() keeps answers until that many requests are open, and lets first pages through', async () => {
		sim.hold({ inFlight: 3 });
		const page = (offset: number) => post(sim, [{ ...task, offset }]);
		// offset 0 is a pager's first page, sent alone: it is not held.
		expect((await page(0)).body.status_code).toBe(20000);
		let answered = 0;
		const first = [page(10), page(20)].map((answer) => answer.then(() => answered++));
		await until(() => sim.stats().held === 2);
		expect(answered).toBe(0);
		const third = await page(30);
		await Promise.all(first);
		expect(third.body.tasks[0].status_code).toBe(20000);
		expect(answered).toBe(2);
		expect(sim.stats().held).toBe(0);
		// One-shot: later requests are answered at once.
		expect((await page(40)).body.status_code).toBe(20000);
	});

	it('release() and reset() open the gate; a client that gives up is logged as aborted', async () => {
		sim.hold({ inFlight: 100 });
		const controller = new AbortController();
		const gaveUp = fetch(sim.url + LIVE, {
			method: 'POST',
			headers: { authorization: AUTH },
			body: JSON.stringify([{ ...task, offset: 10 }]),
			signal: controller.signal,
		}).catch((error: unknown) => error);
		const kept = post(sim, [{ ...task, offset: 20 }]);
		await until(() => sim.stats().held === 2);
		controller.abort();
		await gaveUp;
		await until(() => sim.stats().held === 1);
		sim.release();
		expect((await kept).body.status_code).toBe(20000);
		expect(sim.log.map((entry) => entry.aborted)).toEqual([true, false]);
		expect(sim.log[0].httpStatus).toBe(0);
		sim.hold({ inFlight: 100 });
		const later = post(sim, [{ ...task, offset: 30 }]);
		await until(() => sim.stats().held === 1);
		sim.reset();
		expect((await later).status).toBe(200);
	});

	it('a scripted 429 can carry any Retry-After', async () => {
		const date = new Date(Date.now() + 5000).toUTCString();
		sim.failNext({ http: 429, retryAfter: '7' }, { http: 429, retryAfter: date });
		expect((await post(sim, [task])).headers.get('retry-after')).toBe('7');
		expect((await post(sim, [task])).headers.get('retry-after')).toBe(date);
		expect(() => sim.hold({ inFlight: 0 })).toThrow(/malformed/);
	});

	it('latency delays answers and peakInFlight counts concurrent requests', async () => {
		sim.setLatency(150);
		const started = Date.now();
		await Promise.all([post(sim, [task]), post(sim, [task])]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(sim.peakInFlight).toBe(2);
		for (const entry of sim.log)
			expect(entry.endedAt - entry.startedAt).toBeGreaterThanOrEqual(140);
	});

	it('grow() appends referring domains that show up as new rows with a fresh first_seen', async () => {
		const before = await runTask(sim, { ...task, limit: 1000 });
		const beforeDomains = new Set(intersect(sim.graph, task).map((r) => r.referringDomain));
		const size = sim.graph.size;
		const oldDomains = sim.graph.referringDomains();
		const since =
			new Date(Date.now() - 1000).toISOString().replace('T', ' ').slice(0, 19) + ' +00:00';
		sim.grow(500);
		expect(sim.graph.size).toBe(size + 500);
		expect(sim.graph.referringDomains().slice(0, size)).toEqual(oldDomains);
		const after = await runTask(sim, { ...task, limit: 1 });
		expect(after.result[0].total_count).toBeGreaterThan(before.result[0].total_count);
		const fresh = await runTask(sim, {
			...task,
			filters: ['1.first_seen', '>', since],
			limit: 1000,
		});
		const freshDomains = domainsOf(fresh);
		expect(freshDomains.length).toBe(after.result[0].total_count - before.result[0].total_count);
		for (const domain of freshDomains) {
			expect(beforeDomains.has(domain)).toBe(false);
			expect(sim.graph.indexOf(domain)).toBeGreaterThanOrEqual(size);
		}
	});

	it('control endpoints work without auth', async () => {
		const control = async (method: string, path: string, body?: unknown) => {
			const response = await fetch(`${sim.url}/__sim/${path}`, {
				method,
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, body: (await response.json()) as Json };
		};
		expect((await control('POST', 'fail', [{ taskCode: 50000 }, { http: 500 }])).body).toEqual({
			ok: true,
			queued: 2,
		});
		expect((await post(sim, [task])).body.tasks[0].status_code).toBe(50000);
		expect((await control('POST', 'reset')).body).toEqual({ ok: true });
		expect((await post(sim, [task])).status).toBe(200);
		const size = sim.graph.size;
		expect((await control('POST', 'grow', { n: 10 })).body).toEqual({ ok: true, size: size + 10 });
		expect((await control('POST', 'latency', { ms: 5 })).body).toEqual({
			ok: true,
			latencyMs: 5,
			refusalLatencyMs: 5,
		});
		expect((await control('POST', 'latency', { ms: 5, refusalMs: 0 })).body).toEqual({
			ok: true,
			latencyMs: 5,
			refusalLatencyMs: 0,
		});
		expect((await control('POST', 'latency', { ms: 5, refusalMs: -1 })).status).toBe(400);
		expect((await control('POST', 'hold', { inFlight: 2 })).body).toEqual({ ok: true });
		expect((await control('POST', 'release')).body).toEqual({ ok: true });
		expect((await control('POST', 'hold', { inFlight: 0 })).status).toBe(400);
		const log = await control('GET', 'log');
		expect(log.body).toHaveLength(1);
		expect(log.body[0]).toMatchObject({
			method: 'POST',
			path: LIVE,
			authorized: true,
			httpStatus: 200,
			statusCode: 20000,
			taskStatusCode: 20000,
		});
		expect(log.body[0].body).toEqual([task]);
		const stats = await control('GET', 'stats');
		expect(stats.body).toMatchObject({ requests: 1, peakInFlight: 1, totalCost: 0.0203, held: 0 });
		expect((await control('POST', 'fail', [{ nope: 1 }])).status).toBe(400);
		expect((await control('GET', 'nope')).status).toBe(404);
	});
});

describe('standalone CLI', () => {
	it('prints SIMULATOR_URL, serves requests and exits cleanly on SIGTERM', async () => {
		const root = join(__dirname, '..', '..', '..');
		const child = spawn(
			join(root, 'node_modules', '.bin', 'tsx'),
			[join(root, 'test', 'simulator', 'cli.ts'), '--port', '0', '--graph-size', '500'],
			{
				cwd: root,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			const url = await new Promise<string>((resolve, reject) => {
				let out = '';
				const timer = setTimeout(() => reject(new Error('cli did not start')), 30_000);
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					const match = /^SIMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
					if (match) {
						clearTimeout(timer);
						resolve(match[1]);
					}
				});
				child.on('exit', (code) => {
					clearTimeout(timer);
					reject(new Error(`cli exited early with ${code}`));
				});
			});
			const stats = (await (await fetch(`${url}/__sim/stats`)).json()) as Json;
			expect(stats).toMatchObject({ requests: 0, graphSize: 500 });
			const exited = new Promise<number | null>((resolve) =>
				child.on('exit', (code) => resolve(code)),
			);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});
});

describe('refusal latency', () => {
	it('answers a 40202 for too many in flight at once, while the accepted pages still wait', async () => {
		const sim = await startSimulator({ graphSize: 500, maxInFlight: 2 });
		sim.setLatency(60_000, 0);
		const task = { targets: { '1': 'moz.com' }, limit: 10 };
		const open = [post(sim, [task]), post(sim, [task])].map((answer) =>
			answer.catch(() => undefined),
		);
		await until(() => sim.stats().inFlight === 2);
		const refused = await post(sim, [task]);
		const stillOpen = sim.stats().inFlight;
		await sim.close();
		await Promise.all(open);
		expect(refused.body.status_code).toBe(40202);
		// Both accepted pages were still on their 60 s latency.
		expect(stillOpen).toBe(2);
		expect(() => sim.setLatency(0, -1)).toThrow(/>= 0/);
	});
});
