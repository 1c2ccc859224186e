// Prospect Score, Sort by Prospect Score and Skip Platforms through n8n-core's engine, against
// the simulator. The simulator's domains are on ordinary TLDs, so ".co.uk" and ".com.au" stand in
// for platforms here: the rule (a domain and all its subdomains) is the same.
import type { IDataObject } from 'n8n-workflow';

import { prospectScore } from '../../nodes/DataForSeoDomainIntersection/output/prospectScore';
import type { ApiItem } from '../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { startSimulator, type Simulator } from '../simulator';
import { ProcessedDataStore } from './harness';
import { hintText, json, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
const PLATFORMS = ['co.uk', 'com.au'];
const onPlatform = (domain: unknown) =>
	PLATFORMS.some((platform) => String(domain).endsWith(`.${platform}`));

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ graphSize: 3000 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const posts = () => sim.log.filter((entry) => entry.path === LIVE);
const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({
		baseUrl: sim.url,
		parameters: { targets: 'moz.com, ahrefs.com', ...parameters },
		...extra,
	});
const hint = (result: Awaited<ReturnType<typeof runNode>>) => hintText(result);

describe('Prospect Score', () => {
	it('adds prospect_score after the referring domain, as the formula gives it from the row', async () => {
		const raw = json(await run({ limit: 30, outputFormat: 'raw' }));
		const flat = json(await run({ limit: 30, options: { prospectScore: true } }));
		expect(Object.keys(flat[0]).slice(0, 3)).toEqual([
			'referring_domain',
			'prospect_score',
			'competitor1_backlinks',
		]);
		const expected = raw.map((item) => prospectScore(item as unknown as ApiItem, 2));
		expect(flat.map((row) => row.prospect_score)).toEqual(expected);
		expect(new Set(expected).size).toBeGreaterThan(5);
		for (const score of expected) expect(score).toBeGreaterThanOrEqual(0);
		for (const score of expected) expect(score).toBeLessThanOrEqual(100);
	});

	it('sorts the rows fetched by it, highest first, and says it sorted only those', async () => {
		const plain = json(await run({ limit: 40, options: { prospectScore: true } }));
		const result = await run({ limit: 40, options: { prospectScore: true, sortByScore: true } });
		const sorted = json(result);
		// The same 40 rows (the API's first 40), only in another order.
		expect(sorted.map((row) => row.referring_domain).sort()).toEqual(
			plain.map((row) => row.referring_domain).sort(),
		);
		const scores = sorted.map((row) => row.prospect_score as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(scores).not.toEqual(plain.map((row) => row.prospect_score));
		expect(hint(result)).toContain(
			'Sorted by prospect_score, highest first: only the rows fetched in this run, not DataForSEO’s whole index.',
		);
		expect(posts()).toHaveLength(2);
	});

	it('sorts At Least rows too, where more competitors linked weigh in', async () => {
		const rows = json(
			await run({
				targets: 'moz.com, ahrefs.com, semrush.com',
				limit: 60,
				options: { matchMode: 'atLeast', minMatches: 1, prospectScore: true, sortByScore: true },
			}),
		);
		expect(rows).toHaveLength(60);
		const scores = rows.map((row) => row.prospect_score as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(Object.keys(rows[0]).slice(0, 3)).toEqual([
			'referring_domain',
			'prospect_score',
			'intersections_count',
		]);
	});

	it('sorts only the new rows with Only New, after the memory has chosen them', async () => {
		const store = new ProcessedDataStore();
		const options = { onlyNew: true, prospectScore: true, sortByScore: true };
		const first = json(
			await run({ limit: 10, options }, { mode: 'trigger', processedData: store }),
		);
		const second = json(
			await run({ limit: 10, options }, { mode: 'trigger', processedData: store }),
		);
		expect(second).toHaveLength(10);
		const firstDomains = new Set(first.map((row) => row.referring_domain));
		expect(second.some((row) => firstDomains.has(row.referring_domain))).toBe(false);
		const scores = second.map((row) => row.prospect_score as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});

	it('adds the score to the compact answer', async () => {
		const [item] = json(
			await run({
				limit: 5,
				outputFormat: 'compact',
				options: { prospectScore: true, sortByScore: true },
			}),
		);
		const answer = String(item.answer);
		expect(answer).toContain('Lines: domain | prospect score | competitors linked');
		expect(answer).toContain(
			'Showing 5 chosen, by moz.com rank, highest first, sorted by prospect score, highest first.',
		);
		const scores = answer
			.split('\n')
			.slice(1)
			.map((line) => Number(line.split(' | ')[1]));
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});
});

describe('Skip Platforms', () => {
	const skip = { skipPlatforms: true, platforms: PLATFORMS.join(', ') };

	it("leaves platform sites out in DataForSEO's own filter, so they are neither returned nor paid for", async () => {
		const all = json(await run({ returnAll: true, maxResults: 0 }));
		expect(all.filter((row) => onPlatform(row.referring_domain)).length).toBeGreaterThan(3);
		sim.reset();
		const result = await run({ returnAll: true, maxResults: 0, options: skip });
		const kept = json(result);
		expect(kept.map((row) => row.referring_domain)).toEqual(
			all.map((row) => row.referring_domain).filter((domain) => !onPlatform(domain)),
		);
		const [sent] = posts();
		expect((sent.body as IDataObject[])[0].filters).toEqual([
			'1.target',
			'not_regex',
			'(^|\\.)(co\\.uk|com\\.au)$',
		]);
		expect(hint(result)).toContain(
			'Skip Platforms: DataForSEO’s own filter left out the sites on 2 platforms (co.uk, com.au) before counting, so they were neither returned nor paid for.',
		);
	});

	it('keeps a Limit full of non-platform rows, with At Least too', async () => {
		const rows = json(
			await run({
				targets: 'moz.com, ahrefs.com, semrush.com',
				limit: 200,
				options: { ...skip, matchMode: 'atLeast', minMatches: 1 },
			}),
		);
		expect(rows).toHaveLength(200);
		expect(rows.filter((row) => onPlatform(row.referring_domain))).toEqual([]);
		for (const entry of posts()) {
			const filters = JSON.stringify((entry.body as IDataObject[])[0].filters);
			expect(filters).toContain('"1.target","not_regex"');
		}
	});

	it('leaves them out after fetching in Partial mode, and counts them in the hint', async () => {
		const all = json(await run({ limit: 300, options: { intersectionMode: 'partial' } }));
		const onIt = all.filter((row) => onPlatform(row.referring_domain)).length;
		expect(onIt).toBeGreaterThan(0);
		const result = await run({ limit: 300, options: { ...skip, intersectionMode: 'partial' } });
		const rows = json(result);
		expect(rows.filter((row) => onPlatform(row.referring_domain))).toEqual([]);
		expect(hint(result)).toContain(`Skip Platforms left out ${onIt} rows on 2 platforms`);
	});

	it('is refused before any request when the filters already use all 8 conditions', async () => {
		const eight = Array.from({ length: 8 }, (_, i) => ['1.backlinks', '>', i]).flatMap((c, i) =>
			i === 0 ? [c] : ['and', c],
		);
		const result = await run(
			{ limit: 5, options: { ...skip }, advanced: { filtersJson: JSON.stringify(eight) } },
			{ typeVersion: 3, onError: 'continueRegularOutput' },
		);
		expect(String(json(result)[0].error)).toContain('Options > Skip Platforms: needs one of');
		expect(posts()).toHaveLength(0);
	});
});

describe('all prospect options together', () => {
	it('Only New, At Least, Limit, Skip Platforms, Sort and Linking Pages: each run consistent', async () => {
		const store = new ProcessedDataStore();
		const three = 'moz.com, ahrefs.com, semrush.com';
		const options = {
			onlyNew: true,
			matchMode: 'atLeast',
			minMatches: 2,
			prospectScore: true,
			sortByScore: true,
			skipPlatforms: true,
			platforms: PLATFORMS.join(', '),
			linkingPages: true,
		};
		const extra = { mode: 'trigger' as const, processedData: store };
		const seen = new Set<unknown>();
		for (let round = 0; round < 2; round++) {
			sim.reset();
			const rows = json(await run({ targets: three, limit: 30, options }, extra));
			expect(rows).toHaveLength(30);
			expect(rows.filter((row) => onPlatform(row.referring_domain))).toEqual([]);
			expect(rows.some((row) => seen.has(row.referring_domain))).toBe(false);
			const scores = rows.map((row) => row.prospect_score as number);
			expect(scores).toEqual([...scores].sort((a, b) => b - a));
			for (const row of rows) {
				seen.add(row.referring_domain);
				['moz.com', 'ahrefs.com', 'semrush.com'].forEach((competitor, index) => {
					const page = row[`competitor${index + 1}_linking_page`];
					if (sim.graph.linksTo(String(row.referring_domain), competitor))
						expect(String(page)).toContain(String(row.referring_domain));
					else expect(page).toBeNull();
				});
			}
			const backlinkCalls = sim.log.filter(
				(entry) => entry.path === '/v3/backlinks/backlinks/live',
			);
			expect(backlinkCalls.length).toBeLessThanOrEqual(3);
		}
	});
});
