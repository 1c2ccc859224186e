import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { json, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';

let sim: Simulator;
const tasks = () =>
	sim.log
		.filter((entry) => entry.path === LIVE)
		.map((entry) => (entry.body as unknown[])[0] as Record<string, unknown>);

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

/** Runs one node and returns what it sent and what it emitted. */
async function run(parameters: INodeParameters, typeVersion: number) {
	sim.reset();
	const result = await runNode({ baseUrl: sim.url, parameters, typeVersion });
	expect(result.error).toBeUndefined();
	return { tasks: tasks(), rows: json(result) };
}

const COMPETITORS = { targets: 'moz.com, ahrefs.com', excludeTargets: 'semrush.com', limit: 7 };
const CHOICES = {
	includeSubdomains: false,
	backlinksStatusType: 'all',
	intersectionMode: 'partial',
};
// Every option that version 3 shows under Advanced, as versions 1 and 2 store them in Options.
const PLUMBING = {
	offset: 3,
	internalListLimit: 5,
	rankScale: 'one_hundred',
	tag: 'weekly',
	filtersJson: '["1.backlinks", ">", 1]',
	orderByJson: '["2.rank,desc"]',
	backlinksFiltersJson: '[["dofollow", "=", true]]',
	maxRetries: 1,
	retryDelay: 0,
	timeout: 30000,
	concurrency: 2,
	requestsPerMinute: 100,
};
// The task the documented fields give: written out, so a change to either version shows.
const TASK = {
	targets: { '1': 'moz.com', '2': 'ahrefs.com' },
	exclude_targets: ['semrush.com'],
	limit: 7,
	offset: 3,
	filters: ['1.backlinks', '>', 1],
	order_by: ['2.rank,desc', '1.target,asc'],
	backlinks_filters: [['dofollow', '=', true]],
	include_subdomains: false,
	backlinks_status_type: 'all',
	intersection_mode: 'partial',
	internal_list_limit: 5,
	rank_scale: 'one_hundred',
	tag: 'weekly',
};

describe('node versions: saved workflows keep their requests', () => {
	it('sends the same request from a version 2 node (all in Options) and a version 3 node (Advanced)', async () => {
		const v2 = await run({ ...COMPETITORS, options: { ...CHOICES, ...PLUMBING } }, 2);
		expect(v2.tasks).toEqual([TASK]);
		const v1 = await run({ ...COMPETITORS, options: { ...CHOICES, ...PLUMBING } }, 1);
		expect(v1.tasks).toEqual([TASK]);
		const v3 = await run({ ...COMPETITORS, options: CHOICES, advanced: PLUMBING }, 3);
		expect(v3.tasks).toEqual([TASK]);
		expect(v3.rows).toEqual(v2.rows);
	});

	it('reads the transport settings of a version 2 node from Options', async () => {
		// Above 30 is refused before sending: the error proves the option is read, not dropped.
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { ...COMPETITORS, options: { concurrency: 31 } },
			typeVersion: 2,
		});
		expect(result.error?.message).toMatch(/Concurrency: must be at most 30/);
		expect(tasks()).toEqual([]);
	});
});

describe('options just added change nothing', () => {
	const plain = { ...COMPETITORS, options: {} };

	it('sends nothing for empty JSON options, as they start', async () => {
		const before = await run(plain, 3);
		const empty = { filtersJson: '[]', orderByJson: '[]', backlinksFiltersJson: '[]' };
		expect((await run({ ...plain, advanced: empty }, 3)).tasks).toEqual(before.tasks);
		// Version 2 nodes saved them as empty text.
		const saved = { filtersJson: '', orderByJson: '', backlinksFiltersJson: '' };
		expect((await run({ ...plain, options: saved }, 2)).tasks).toEqual(before.tasks);
	});

	it('ignores Minimum Matches and Max Competitor Combinations unless Match Mode is At Least', async () => {
		const before = await run(plain, 3);
		const stale = { matchMode: 'all', minMatches: 1, maxSubsets: 1 };
		const after = await run({ ...plain, options: stale }, 3);
		expect(after.tasks).toEqual(before.tasks);
		expect(after.rows).toEqual(before.rows);
	});
});
