// Linking Pages through n8n-core's engine against the simulator, whose backlinks/live answers from
// the same link graph as its intersection data: every emitted prospect's page for a competitor
// exists exactly when the graph says the prospect links to it, and no call is made per prospect.
import type { IDataObject } from 'n8n-workflow';

import { LINK_NOTES } from '../../nodes/DataForSeoDomainIntersection/output/linkingRows';
import { startSimulator, type Simulator } from '../simulator';
import { ProcessedDataStore } from './harness';
import { hintText, json, runNode } from './nodeRunner';

const BACKLINKS = '/v3/backlinks/backlinks/live';
const COMPETITORS = ['moz.com', 'ahrefs.com'];

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ graphSize: 3000 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	sim.setLatency(0);
});

const posts = (path: string) => sim.log.filter((entry) => entry.path === path);
const taskOf = (entry: { body: unknown }) => (entry.body as IDataObject[])[0];
type Run = Parameters<typeof runNode>[0];
const run = (parameters: IDataObject, extra: Partial<Run> = {}) =>
	runNode({
		baseUrl: sim.url,
		parameters: { targets: COMPETITORS.join(', '), ...parameters },
		...extra,
	});
const hint = (result: Awaited<ReturnType<typeof runNode>>) => hintText(result);

/** Every row's linking page columns against the graph. */
function expectMatchesGraph(rows: IDataObject[], competitors = COMPETITORS) {
	for (const row of rows) {
		const domain = String(row.referring_domain);
		competitors.forEach((competitor, index) => {
			const n = index + 1;
			if (!sim.graph.linksTo(domain, competitor)) {
				expect(row[`competitor${n}_linking_page`]).toBeNull();
				expect(row[`competitor${n}_link_note`]).toBe(LINK_NOTES.notLinked);
				return;
			}
			expect(String(row[`competitor${n}_linking_page`])).toMatch(
				new RegExp(`^https://${domain.replace(/\./g, '\\.')}/`),
			);
			expect(String(row[`competitor${n}_links_to`])).toContain(competitor);
			expect(typeof row[`competitor${n}_anchor`]).toBe('string');
			expect(typeof row[`competitor${n}_dofollow`]).toBe('boolean');
			// The best link's first sighting is the one the intersection counted for this competitor.
			expect(row[`competitor${n}_link_first_seen`]).toBe(row[`competitor${n}_first_seen`]);
			expect(row[`competitor${n}_link_note`]).toBeNull();
		});
	}
}

describe('Linking Pages', () => {
	it('adds the best backlink per prospect and competitor, matching the graph, in batches', async () => {
		const result = await run({ limit: 250, options: { linkingPages: true } });
		const rows = json(result);
		expect(rows).toHaveLength(250);
		expectMatchesGraph(rows);
		// 250 prospects, 2 competitors: 3 batches each (100, 100, 50), never one call per prospect.
		const calls = posts(BACKLINKS).map(taskOf);
		expect(calls).toHaveLength(6);
		for (const task of calls) {
			expect(task.mode).toBe('one_per_domain');
			const [field, operator, domains] = task.filters as [string, string, string[]];
			expect([field, operator]).toEqual(['domain_from', 'in']);
			expect(task.limit).toBe(domains.length);
		}
		const asked = calls.filter((task) => task.target === 'moz.com');
		expect(asked.flatMap((task) => (task.filters as unknown[])[2] as string[])).toEqual(
			rows.map((row) => row.referring_domain),
		);
		const linkingCost = posts(BACKLINKS).reduce((sum, entry) => sum + entry.cost, 0);
		expect(hint(result)).toContain(
			`Linking Pages: 6 requests, $${linkingCost.toFixed(2)} (in the total above).`,
		);
		expect(hint(result)).toMatch(/^250 of [\d,]+ referring domains, 7 requests, /);
	});

	it('puts its columns at the end of Key Metrics, off by default', async () => {
		const plain = Object.keys(json(await run({ limit: 3 }))[0]);
		expect(plain.some((column) => column.includes('linking_page'))).toBe(false);
		expect(posts(BACKLINKS)).toHaveLength(0);
		const withPages = Object.keys(
			json(await run({ limit: 3, options: { linkingPages: true } }))[0],
		);
		expect(withPages.slice(0, plain.length)).toEqual(plain);
		expect(withPages.slice(plain.length)).toEqual(
			['linking_page', 'links_to', 'anchor', 'dofollow', 'link_first_seen', 'link_note'].flatMap(
				(field) => [`competitor1_${field}`, `competitor2_${field}`],
			),
		);
	});

	it('says why a page is missing: a link lost since, or a competitor not linked (At Least)', async () => {
		const first = json(await run({ limit: 5 }));
		const lostDomain = String(first[0].referring_domain);
		sim.loseLink(lostDomain, 'ahrefs.com');
		const rows = json(await run({ limit: 5, options: { linkingPages: true } }));
		const lost = rows.find((row) => row.referring_domain === lostDomain) as IDataObject;
		expect(lost.competitor2_linking_page).toBeNull();
		expect(lost.competitor2_anchor).toBeNull();
		expect(lost.competitor2_link_note).toBe(LINK_NOTES.lost);
		expect(lost.competitor1_linking_page).not.toBeNull();

		sim.reset();
		const three = [...COMPETITORS, 'semrush.com'];
		const atLeast = json(
			await run({
				targets: three.join(', '),
				limit: 120,
				options: {
					matchMode: 'atLeast',
					minMatches: 1,
					linkingPages: true,
					orderByJson: '["intersections_count,asc"]',
				},
			}),
		);
		expect(atLeast.some((row) => row.intersections_count === 1)).toBe(true);
		expectMatchesGraph(atLeast, three);
		// A competitor's calls ask only about the prospects that link to it.
		for (const task of posts(BACKLINKS).map(taskOf)) {
			const domains = (task.filters as unknown[])[2] as string[];
			for (const domain of domains)
				expect(sim.graph.linksTo(domain, String(task.target))).toBe(true);
		}
	});

	it('fetches pages only for the new rows with Only New, after the memory has chosen them', async () => {
		const store = new ProcessedDataStore();
		const options = { onlyNew: true, linkingPages: true };
		const extra = { mode: 'trigger' as const, processedData: store };
		const first = json(await run({ limit: 10, options }, extra));
		sim.reset();
		const second = json(await run({ limit: 10, options }, extra));
		expect(second).toHaveLength(10);
		expectMatchesGraph(second);
		const seen = new Set(first.map((row) => row.referring_domain));
		expect(second.some((row) => seen.has(row.referring_domain))).toBe(false);
		const asked = posts(BACKLINKS).flatMap((entry) => (taskOf(entry).filters as unknown[])[2]);
		expect(asked.sort()).toEqual(
			[
				...second.map((row) => row.referring_domain),
				...second.map((row) => row.referring_domain),
			].sort(),
		);
	});

	it('counts against Max Cost, priced before the first call: all of them or none', async () => {
		// One page of 20 rows costs $0.0206; 2 calls of 20 prospects at most $0.0412 more.
		const fits = json(await run({ limit: 20, options: { maxCost: 0.07, linkingPages: true } }));
		expect(posts(BACKLINKS)).toHaveLength(2);
		expectMatchesGraph(fits);
		sim.reset();
		const result = await run({ limit: 20, options: { maxCost: 0.05, linkingPages: true } });
		const rows = json(result);
		expect(rows).toHaveLength(20);
		expect(posts(BACKLINKS)).toHaveLength(0);
		for (const row of rows) {
			expect(row.competitor1_linking_page).toBeNull();
			expect(row.competitor1_link_note).toBe(LINK_NOTES.maxCost);
		}
		expect(hint(result)).toContain(
			'Linking Pages were not fetched: their 2 requests would cost about $0.04, past Options > Max Cost (USD)',
		);
	});

	it('fails as a NodeApiError naming the item; Continue On Fail keeps the other items', async () => {
		const parameters = {
			targets: '={{ $json.competitors }}',
			limit: 5,
			options: { linkingPages: true },
		};
		const input = [{ competitors: 'moz.com, ahrefs.com' }, { competitors: 'moz.com, semrush.com' }];
		sim.failNextBacklinks({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const failed = await run(parameters, { input });
		expect(failed.status).toBe('error');
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toContain("Invalid Field: 'filters'.");
		expect(failed.error?.context?.itemIndex).toBeDefined();

		// The first run's other calls were aborted; let the last of them reach the simulator first.
		while (sim.stats().inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await new Promise((resolve) => setTimeout(resolve, 50));
		sim.reset();
		sim.failNextBacklinks({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const keptRun = await run(parameters, { input, onError: 'continueRegularOutput' });
		const kept = json(keptRun);
		const errors = kept.filter((row) => 'error' in row);
		expect(errors).toHaveLength(1);
		expect(kept.filter((row) => !('error' in row))).toHaveLength(5);
		expectMatchesGraph(
			kept.filter((row) => !('error' in row) && row.competitor2_backlinks !== undefined),
			errors[0] === kept[0] ? ['moz.com', 'semrush.com'] : COMPETITORS,
		);
	});

	it('sends nothing after Stop: held pages calls are aborted and no batch follows', async () => {
		sim.hold({ inFlight: 99, backlinks: true });
		let release: () => void = () => undefined;
		const stop = new Promise<void>((resolve) => (release = resolve));
		const running = run({ limit: 250, options: { linkingPages: true } }, { cancelWhen: stop });
		const deadline = Date.now() + 10_000;
		// Concurrency 5: five of the six calls are out, the sixth waits its turn in the node.
		while (sim.stats().held < 5 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 5));
		expect(sim.stats().held).toBe(5);
		release();
		const result = await running;
		expect(result.status).toBe('canceled');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(posts(BACKLINKS)).toHaveLength(5);
		expect(posts(BACKLINKS).every((entry) => entry.aborted)).toBe(true);
		sim.release();
	});
});

describe('Linking Pages with Only New', () => {
	const options = { onlyNew: true, linkingPages: true };
	const settle = async () => {
		while (sim.stats().inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await new Promise((resolve) => setTimeout(resolve, 50));
	};

	it('records nothing when its calls fail or are stopped, so the same prospects come again', async () => {
		const store = new ProcessedDataStore();
		const extra = { mode: 'trigger' as const, processedData: store };
		sim.failNextBacklinks({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const failed = await run({ limit: 10, options }, extra);
		expect(failed.status).toBe('error');
		expect(failed.error?.name).toBe('NodeApiError');
		await settle();
		sim.reset();

		sim.hold({ inFlight: 99, backlinks: true });
		let stop: () => void = () => undefined;
		const stopped = run(
			{ limit: 10, options },
			{ ...extra, cancelWhen: new Promise<void>((resolve) => (stop = resolve)) },
		);
		while (sim.stats().held < 2) await new Promise((resolve) => setTimeout(resolve, 5));
		stop();
		expect((await stopped).status).toBe('canceled');
		sim.release();
		await settle();
		sim.reset();

		const plain = json(await run({ limit: 10 }));
		const rows = json(await run({ limit: 10, options }, extra));
		expect(rows.map((row) => row.referring_domain)).toEqual(
			plain.map((row) => row.referring_domain),
		);
		expectMatchesGraph(rows);
	});

	it('with Continue On Fail: the failing item records nothing, the others are recorded', async () => {
		const store = new ProcessedDataStore();
		const extra = {
			mode: 'trigger' as const,
			processedData: store,
			onError: 'continueRegularOutput' as const,
			input: [{ competitors: 'moz.com, ahrefs.com' }, { competitors: 'moz.com, semrush.com' }],
		};
		const parameters = { targets: '={{ $json.competitors }}', limit: 5, options };
		sim.failNextBacklinks({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const firstRun = await run(parameters, extra);
		const first = json(firstRun);
		expect(first.filter((row) => 'error' in row)).toHaveLength(1);
		expect(first.filter((row) => !('error' in row))).toHaveLength(5);
		await settle();
		sim.reset();
		const second = json(await run(parameters, extra));
		// The failed item's five come again; the other item moves on to five new ones.
		const failedIndex = 'error' in first[0] ? 0 : 1;
		const domains = (rows: IDataObject[]) => rows.map((row) => row.referring_domain);
		const plain = json(await run({ targets: extra.input[failedIndex].competitors, limit: 5 }));
		const again = second.slice(failedIndex * 5, failedIndex * 5 + 5);
		expect(domains(again)).toEqual(domains(plain));
		expectMatchesGraph(again, extra.input[failedIndex].competitors.split(', '));
		const moved = second.slice((1 - failedIndex) * 5, (1 - failedIndex) * 5 + 5);
		const kept = domains(first.filter((row) => !('error' in row)));
		expect(moved.some((row) => kept.includes(row.referring_domain))).toBe(false);
		expect(second).toHaveLength(10);
	});
});

describe('Linking Pages in the compact answer', () => {
	it('adds each competitor’s linking page to the line, within 4,000 characters for Limit 20', async () => {
		const [item] = json(
			await run({
				limit: 20,
				outputFormat: 'compact',
				options: { prospectScore: true, linkingPages: true },
			}),
		);
		const answer = String(item.answer);
		expect(JSON.stringify([{ answer }]).length).toBeLessThanOrEqual(4000);
		expect(answer).toContain(
			'Lines: domain | prospect score | competitors linked | rank/backlinks/first seen/linking page for each competitor in order',
		);
		const lines = answer.split('\n').slice(1);
		expect(lines).toHaveLength(20);
		for (const line of lines) {
			const [domain, score, , ...perCompetitor] = line.split(' | ');
			expect(Number(score)).toBeGreaterThanOrEqual(0);
			perCompetitor.forEach((cell) => {
				const page = cell.split('/').slice(3).join('/');
				expect(page.startsWith(`${domain}/`)).toBe(true);
			});
		}
		expect(posts(BACKLINKS)).toHaveLength(2);
	});
});

describe('Linking Pages cost, as the README gives it', () => {
	it.each([
		[20, ['moz.com', 'ahrefs.com'], 2],
		[100, ['moz.com', 'ahrefs.com', 'semrush.com'], 3],
	])('%i prospects × %j: one call per competitor', async (limit, competitors, calls) => {
		const result = await run({
			targets: competitors.join(', '),
			limit,
			options: { linkingPages: true },
		});
		expect(json(result)).toHaveLength(limit);
		const pages = posts(BACKLINKS);
		expect(pages).toHaveLength(calls);
		const cost = pages.reduce((sum, entry) => sum + entry.cost, 0);
		expect(cost).toBeLessThanOrEqual(calls * (0.02 + 0.00003 * limit) + 1e-9);
		expect(hint(result)).toContain(`Linking Pages: ${calls} requests, $${cost.toFixed(2)}`);
	});
});

describe('Linking Pages in other formats', () => {
	it.each(['summary', 'raw'])(
		'%s: nothing fetched, and the hint says why',
		async (outputFormat) => {
			const result = await run({ limit: 5, outputFormat, options: { linkingPages: true } });
			expect(json(result).length).toBeGreaterThan(0);
			expect(posts(BACKLINKS)).toHaveLength(0);
			expect(hint(result)).toContain(
				'Linking Pages fill columns of Output Format Flat and the compact answer only, so nothing was fetched for them.',
			);
		},
	);
});
