import type { INodeExecutionData } from 'n8n-workflow';

import { outcomeWarnings } from '../../../nodes/DataForSeoDomainIntersection/output/outcomeWarnings';
import {
	buildHint,
	costSourceOf,
	EDITOR_LIMIT_BYTES,
	outputBytes,
	SIZE_SAMPLE_ITEMS,
	type RunReport,
} from '../../../nodes/DataForSeoDomainIntersection/output/runHint';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { Execution } from '../../../nodes/DataForSeoDomainIntersection/run/execution';
import type { PagingOutcome } from '../../../nodes/DataForSeoDomainIntersection/run/pages';
import { nodeParameters } from '../nodeParameters';

const request = (overrides: Partial<NodeParameters> = {}) =>
	buildRequest(nodeParameters({ limit: 5, ...overrides }));

function execution(stats: Partial<Execution['stats']> = {}): Execution {
	const run = new Execution(
		() => Promise.reject(new Error('no requests here')),
		request().settings,
	);
	Object.assign(run.stats, stats);
	return run;
}

const hint = (run: Execution, report: RunReport) => buildHint(run, report).message;

// The summary format names its competitors itself, so these hints end after the numbers.
const report = (overrides: Partial<RunReport> = {}): RunReport => ({
	items: [],
	requests: [request({ outputFormat: 'summary' })],
	inputItems: 1,
	source: 'live',
	manual: true,
	...overrides,
});

/** `count` items of about `bytes` each, as the output pane would hold them. */
const itemsOf = (count: number, bytes: number): INodeExecutionData[] =>
	Array.from({ length: count }, () => ({
		json: { x: 'x'.repeat(bytes) },
		pairedItem: { item: 0 },
	}));

describe('the run hint, as a sentence', () => {
	const found = { rows: 5, total: 40_921, requests: 1, cost: 0.02015 };

	it('says how many of how many, how many requests, and the cost', () => {
		expect(hint(execution(found), report())).toBe(
			'5 of 40,921 referring domains, 1 request, $0.02.',
		);
		expect(hint(execution({ ...found, retries: 2, requests: 3 }), report())).toBe(
			'5 of 40,921 referring domains, 3 requests, 2 retries, $0.02.',
		);
		expect(hint(execution({ ...found, rows: 1, total: 1 }), report())).toBe(
			'1 of 1 referring domain, 1 request, $0.02.',
		);
		expect(hint(execution(found), report({ inputItems: 3 }))).toMatch(
			/^5 of 40,921 referring domains for 3 input items, /,
		);
	});

	it('says whose cost it is: the sandbox’s, or simulated on this machine', () => {
		expect(hint(execution(found), report({ source: 'sandbox' }))).toBe(
			'5 of 40,921 referring domains, 1 request, $0.02 as the free sandbox reports it (nothing charged).',
		);
		expect(hint(execution(found), report({ source: 'simulated' }))).toBe(
			'5 of 40,921 referring domains, 1 request, $0.02 simulated: your credential points to a local test server, not DataForSEO.',
		);
		expect(costSourceOf({ environment: 'live' })).toBe('live');
		expect(costSourceOf({})).toBe('live');
		expect(costSourceOf({ environment: 'sandbox' })).toBe('sandbox');
		for (const baseUrl of ['http://127.0.0.1:4000', 'http://localhost:9', 'http://[::1]:80/'])
			expect(costSourceOf({ environment: 'custom', baseUrl })).toBe('simulated');
		expect(costSourceOf({ environment: 'custom', baseUrl: 'https://proxy.example.com' })).toBe(
			'custom',
		);
	});

	it('counts Only New as new of read', () => {
		expect(hint(execution({ ...found, fetched: 50, fresh: 5 }), report()).split(',')[0]).toBe(
			'5 new of 50 referring domains read (40',
		);
	});

	it('keeps the warnings and notes, after the numbers', () => {
		const run = execution(found);
		run.stats.warnings.add('A warning.');
		run.stats.notes.add('A note.');
		expect(buildHint(run, report())).toEqual({
			message: '5 of 40,921 referring domains, 1 request, $0.02. A warning. A note.',
			worrying: true,
		});
	});

	it('joins notes on pasted input into one sentence, with punctuation', () => {
		const pasted = request({
			outputFormat: 'summary',
			targets: 'https://moz.com, https://www.ahrefs.com/',
		});
		const run = execution(found);
		for (const note of pasted.notes) run.stats.notes.add(note);
		run.stats.warnings.add('a warning without an ending');
		expect(hint(run, report({ requests: [pasted] }))).toBe(
			'5 of 40,921 referring domains, 1 request, $0.02. A warning without an ending. "https://moz.com" was read as the domain moz.com; "https://www.ahrefs.com/" was read as the domain ahrefs.com.',
		);
	});
});

describe('which competitor each column is about', () => {
	const found = { rows: 5, total: 40_921, requests: 1, cost: 0.02015 };
	const columnsOf = (...requests: ReturnType<typeof request>[]) =>
		hint(execution(found), report({ requests })).replace(/^[^.]*\$0\.02\. ?/, '');

	it('is said when Key Metrics rows leave the names out', () => {
		expect(columnsOf(request())).toBe(
			'In the columns, competitor1 is moz.com and competitor2 is ahrefs.com.',
		);
		expect(columnsOf(request({ targets: 'a.com, b.com, c.com' }))).toBe(
			'In the columns, competitor1 is a.com, competitor2 is b.com and competitor3 is c.com.',
		);
		// Several items with the same typed list: said once.
		expect(columnsOf(request(), request())).toBe(
			'In the columns, competitor1 is moz.com and competitor2 is ahrefs.com.',
		);
	});

	it('is not said where the rows name the competitors themselves', () => {
		expect(columnsOf(request({ columns: 'all' }))).toBe('');
		expect(columnsOf(request({ competitorsVary: true }))).toBe('');
		expect(columnsOf(request({ version: 1 }))).toBe('');
		expect(columnsOf(request({ outputFormat: 'raw' }))).toBe('');
	});
});

describe('when Max Results cuts', () => {
	it('says how many existed, and what the rest would cost', () => {
		const cut = request({ returnAll: true, maxResults: 1500 });
		const outcome: PagingOutcome = {
			total: 40_921,
			totals: { min: 40_921, max: 40_921 },
			pages: 2,
			rows: 1500,
			planned: 1500,
			plannedCost: 0.085,
			cutBy: 'maxResults',
		};
		// 39,421 rows: 40 requests at $0.02 plus $0.00003 a row = $1.98.
		const warnings = outcomeWarnings(cut, outcome, 1500);
		expect(warnings).toEqual([
			'Max Results stopped moz.com, ahrefs.com at 1,500: to get the other 39,421, raise Max Results (0 means no cap), for about $1.98 more.',
		]);
		const run = execution({ rows: 1500, total: 40_921, requests: 2, cost: 0.085 });
		run.stats.cutBy.add('maxResults');
		warnings.forEach((warning) => run.stats.warnings.add(warning));
		// The orange warning starts with what the person has, then how to get the rest.
		expect(buildHint(run, report({ requests: [cut] }))).toEqual({
			message: `Showing the first 1,500 of 40,921 referring domains, 2 requests, $0.09. ${warnings[0]} In the columns, competitor1 is moz.com and competitor2 is ahrefs.com.`,
			worrying: true,
		});
		expect(hint(run, report({ requests: [cut, cut], inputItems: 2 }))).toMatch(
			/^Showing 1,500 of 40,921 referring domains for 2 input items, /,
		);
		// Only New: the new ones among the rows read up to the cap.
		Object.assign(run.stats, { fetched: 1500, fresh: 40 });
		expect(hint(run, report({ requests: [cut] }))).toMatch(
			/^Showing 40 new of the first 1,500 referring domains read \(40,921 in all\), /,
		);
	});
});

/** The items, each counting how often its `json` is read (once per serialization). */
function counting(items: readonly INodeExecutionData[]) {
	let serialized = 0;
	const counted = items.map((item) => ({
		...item,
		get json() {
			serialized++;
			return item.json;
		},
	}));
	return { counted, serialized: () => serialized };
}

/** Every item's JSON, one separator each: what outputBytes counts when it counts all. */
const exactBytes = (items: readonly INodeExecutionData[]) =>
	items.reduce((sum, item) => sum + JSON.stringify(item).length + 1, 0);

describe('an output too large for the editor', () => {
	const big = itemsOf(100, EDITOR_LIMIT_BYTES / 100);

	it('is announced before n8n refuses it, with the fixes that apply', () => {
		const all = request({ returnAll: true, maxResults: 0, columns: 'all' });
		const { message, worrying } = buildHint(
			execution({ rows: 100, total: 100, requests: 1, cost: 0.02 }),
			report({ items: big, requests: [all] }),
		);
		expect(worrying).toBe(true);
		expect(message).toContain(
			'This output is more than the 16 MB n8n\'s editor accepts back: running a single step after it (Execute step) may fail with "Existing execution data is too large". To avoid that, lower Max Results, choose Columns: Key Metrics or run the whole workflow (Execute Workflow) instead of single steps.',
		);
	});

	it('names Limit without Return All, and warns from half the limit on', () => {
		const half = itemsOf(10, EDITOR_LIMIT_BYTES / 2 / 10 + 10);
		const message = hint(execution(), report({ items: half }));
		expect(message).toMatch(/close to the 16 MB .* To avoid that, lower Limit or run the whole/);
		expect(hint(execution(), report({ items: itemsOf(10, 1000) }))).not.toMatch(/too large/);
	});

	it('stops measuring once the output is past the limit', () => {
		const { counted, serialized } = counting(big);
		const message = hint(execution(), report({ items: [...counted, ...counted] }));
		expect(message).toMatch(/more than the 16 MB/);
		expect(serialized()).toBeLessThanOrEqual(big.length + 1);
	});

	it('estimates a long output from an even sample, close to its exact size', () => {
		// 50,000 rows whose sizes vary from row to row, as domains and counts do.
		const rows = Array.from({ length: 50_000 }, (_, i) => ({
			json: { referring_domain: `site-${'x'.repeat((i * 7919) % 40)}.example`, rank: i },
			pairedItem: { item: 0 },
		}));
		const exact = exactBytes(rows);
		const { counted, serialized } = counting(rows);
		const estimate = outputBytes(counted);
		expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.02);
		expect(serialized()).toBeLessThanOrEqual(SIZE_SAMPLE_ITEMS);
		// A short output is still counted exactly.
		expect(outputBytes(rows.slice(0, 100))).toBe(exactBytes(rows.slice(0, 100)));
	});

	it('stays quiet outside the editor, where nothing is sent back', () => {
		expect(hint(execution(), report({ items: big, manual: false }))).not.toMatch(/too large/);
	});
});
