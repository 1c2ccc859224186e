// Report Won Prospects through n8n-core's engine against the simulator: earlier prospects whose
// graph gains a link to your domain are reported once, with the page that links to you, and
// n8n's memory stays right through Limit, At Least, Max Cost, Stop, failures and Continue On Fail.
import type { IDataObject } from 'n8n-workflow';

import { WON_NOTES } from '../../nodes/DataForSeoDomainIntersection/output/wonRows';
import { startSimulator, type Simulator } from '../simulator';
import { ProcessedDataStore } from './harness';
import { hintText, json, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
const BACKLINKS = '/v3/backlinks/backlinks/live';
const COMPETITORS = ['moz.com', 'ahrefs.com'];
const YOURS = 'mysite.com';

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
const wonCalls = () => posts(LIVE).filter((entry) => taskOf(entry).exclude_targets === undefined);
type Run = Parameters<typeof runNode>[0];
const options = { onlyNew: true, reportWon: true };
const production = () => ({ mode: 'trigger' as const, processedData: new ProcessedDataStore() });
const run = (parameters: IDataObject, extra: Partial<Run> = {}) =>
	runNode({
		baseUrl: sim.url,
		parameters: {
			targets: COMPETITORS.join(', '),
			excludeTargets: YOURS,
			limit: 10,
			options,
			...parameters,
		},
		...extra,
	});
const hint = (result: Awaited<ReturnType<typeof runNode>>) => hintText(result);
const byStatus = (rows: IDataObject[], status: string) =>
	rows.filter((row) => row.status === status);
const domains = (rows: IDataObject[]) => rows.map((row) => String(row.referring_domain));
const settle = async () => {
	while (sim.stats().inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
	await new Promise((resolve) => setTimeout(resolve, 50));
};

/** A won row against the graph: it links to your domain from a page on the prospect. */
function expectWon(row: IDataObject, domain: string, yours = YOURS) {
	expect(row.referring_domain).toBe(domain);
	expect(row.won_domain).toBe(yours);
	expect(sim.graph.linksTo(domain, yours)).toBe(true);
	expect(String(row.won_linking_page)).toMatch(
		new RegExp(`^https://${domain.replace(/\./g, '\\.')}/`),
	);
	expect(String(row.won_links_to)).toContain(yours);
	expect(typeof row.won_anchor).toBe('string');
	expect(row.won_note).toBeNull();
}

describe('Report Won Prospects', () => {
	it('reports two earlier prospects that now link to you, once, with their pages; two runs', async () => {
		const extra = production();
		const first = json(await run({}, extra));
		expect(first).toHaveLength(10);
		expect(first.every((row) => row.status === 'new')).toBe(true);
		expect(Object.keys(first[0])[0]).toBe('status');
		// One search for the won: competitors plus your domain, no excludes, newest link first.
		const [search] = wonCalls().map(taskOf);
		expect(search.targets).toEqual({ '1': 'moz.com', '2': 'ahrefs.com', '3': YOURS });
		expect(search.order_by).toEqual(['3.first_seen,desc']);
		expect(posts(BACKLINKS)).toHaveLength(0);
		// Candidates no run had emitted were taken out again: the memory holds the ten only.
		expect(extra.processedData.size()).toBe(10);

		const [a, b] = [first[0], first[3]].map((row) => String(row.referring_domain));
		// Between the runs the graph gains their links to your domain (reset clears the log).
		sim.reset();
		for (const domain of [a, b]) sim.gainLink(domain, YOURS);
		const result = await run({}, extra);
		const second = json(result);
		const won = byStatus(second, 'won');
		expect(domains(won).sort()).toEqual([a, b].sort());
		for (const row of won) expectWon(row, String(row.referring_domain));
		// The Limit counts new prospects; none repeats one of the first run.
		const fresh = byStatus(second, 'new');
		expect(fresh).toHaveLength(10);
		expect(domains(fresh).some((domain) => domains(first).includes(domain))).toBe(false);
		// One backlinks/live call for both, never one per prospect.
		const pages = posts(BACKLINKS).map(taskOf);
		expect(pages).toHaveLength(1);
		expect(pages[0].target).toBe(YOURS);
		expect((pages[0].filters as unknown[])[2]).toEqual(expect.arrayContaining([a, b]));
		expect(hint(result)).toMatch(
			/Won prospects: 2 rows reported, 2 requests, \$0\.\d\d \(in the total above\)\./,
		);

		sim.reset();
		for (const domain of [a, b]) sim.gainLink(domain, YOURS);
		const third = json(await run({}, extra));
		expect(byStatus(third, 'won')).toHaveLength(0);
		expect(domains(third).some((d) => [...domains(first), ...domains(second)].includes(d))).toBe(
			false,
		);
		// Still remembered as prospects: losing the link to you again does not make them new.
		sim.reset();
		const fourth = json(await run({ limit: 40 }, extra));
		expect(domains(fourth)).not.toContain(a);
	});

	it('in a manual run checks nothing and writes nothing, but the rows have their status', async () => {
		const store = new ProcessedDataStore();
		const result = await run({}, { processedData: store });
		expect(json(result).every((row) => row.status === 'new')).toBe(true);
		expect(wonCalls()).toHaveLength(0);
		expect(store.size()).toBe(0);
		expect(hint(result)).toContain(
			'Report Won Prospects checks for won prospects in production runs only',
		);
	});

	it('finds them with At Least too, among prospects linking to every competitor', async () => {
		const extra = production();
		const three = [...COMPETITORS, 'semrush.com'];
		const parameters = {
			targets: three.join(', '),
			limit: 30,
			options: { ...options, matchMode: 'atLeast', minMatches: 2 },
		};
		const first = json(await run(parameters, extra));
		const all = first.find((row) => row.intersections_count === 3) as IDataObject;
		const domain = String(all.referring_domain);
		sim.reset();
		sim.gainLink(domain, YOURS);
		const second = json(await run(parameters, extra));
		expect(domains(byStatus(second, 'won'))).toEqual([domain]);
		expectWon(byStatus(second, 'won')[0], domain);
		expect(domains(byStatus(second, 'new'))).not.toContain(domain);
		// The search asks for every competitor: the hint says a 2-of-3 prospect is not found.
		expect(hint(await run(parameters, extra))).toContain(
			'with At Least or Partial a won prospect that links to fewer of them is not reported',
		);
	});

	it('says so when more sites link to you than its one page checks', async () => {
		const extra = production();
		json(await run({}, extra));
		sim.reset();
		const linking = sim.graph
			.referringDomains()
			.filter((domain) => COMPETITORS.every((target) => sim.graph.linksTo(domain, target)));
		expect(linking.length).toBeGreaterThan(1001);
		const before = linking.filter((domain) => sim.graph.linksTo(domain, YOURS)).length;
		expect(before).toBeLessThan(1000);
		for (const domain of linking.slice(0, 1001)) sim.gainLink(domain, YOURS);
		const all = linking.filter((domain) => sim.graph.linksTo(domain, YOURS)).length;
		expect(all).toBeGreaterThan(1000);
		const text = hint(await run({}, extra));
		expect(text).toContain(
			`of the ${all.toLocaleString('en-US')} sites that link to every competitor and to ${YOURS}, the 1,000 whose link to it is newest were checked`,
		);
		sim.reset();
		expect(hint(await run({}, extra))).not.toContain('whose link to it is newest');
	});

	it('counts against Max Cost: the search is priced before it is sent, the pages before theirs', async () => {
		const extra = production();
		const first = json(await run({}, extra));
		const domain = String(first[0].referring_domain);
		sim.reset();
		sim.gainLink(domain, YOURS);
		// A page of 10 ($0.0203) fits, the search ($0.05) does not: nothing checked, nothing written.
		const cut = await run({ options: { ...options, maxCost: 0.06 } }, extra);
		expect(wonCalls()).toHaveLength(0);
		expect(byStatus(json(cut), 'won')).toHaveLength(0);
		expect(hint(cut)).toContain(
			'Won prospects were not checked: their 1 request would cost about $0.05, past Options > Max Cost (USD)',
		);
		expect(extra.processedData.has(`won ${domain}`)).toBe(false);
		// The search fits, its pages call ($0.02) does not: the row comes, its page is not fetched.
		// Two pages of about 10 rows ($0.04) and the search ($0.05) fit in $0.10; the pages do not.
		const again = production();
		const earlier = json(await run({}, again));
		const won = String(earlier[0].referring_domain);
		sim.reset();
		sim.gainLink(won, YOURS);
		const rows = json(await run({ options: { ...options, maxCost: 0.1 } }, again));
		const [row] = byStatus(rows, 'won');
		expect(row.referring_domain).toBe(won);
		expect(row.won_linking_page).toBeNull();
		expect(row.won_note).toBe(WON_NOTES.maxCost);
		expect(posts(BACKLINKS)).toHaveLength(0);
	});
});

describe('Report Won Prospects when a run fails or is stopped', () => {
	it('records nothing on a failure or Stop, so the next run reports the same won prospects', async () => {
		const extra = production();
		const first = json(await run({}, extra));
		const won = [first[1], first[2]].map((row) => String(row.referring_domain));
		const gain = () => won.forEach((domain) => sim.gainLink(domain, YOURS));
		const size = extra.processedData.size();

		sim.reset();
		gain();
		sim.failNextBacklinks({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const failed = await run({}, extra);
		expect(failed.status).toBe('error');
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.context?.itemIndex).toBe(0);
		expect(extra.processedData.size()).toBe(size);
		await settle();

		sim.reset();
		gain();
		sim.hold({ inFlight: 99, backlinks: true });
		let stop: () => void = () => undefined;
		const stopped = run(
			{},
			{ ...extra, cancelWhen: new Promise<void>((resolve) => (stop = resolve)) },
		);
		while (sim.stats().held < 1) await new Promise((resolve) => setTimeout(resolve, 5));
		stop();
		expect((await stopped).status).toBe('canceled');
		sim.release();
		await settle();
		expect(extra.processedData.size()).toBe(size);

		sim.reset();
		gain();
		const rows = json(await run({}, extra));
		expect(domains(byStatus(rows, 'won')).sort()).toEqual([...won].sort());
		for (const row of byStatus(rows, 'won')) expectWon(row, String(row.referring_domain));
	});

	it('with Continue On Fail: the failing item records nothing, the other reports its won', async () => {
		const extra = {
			...production(),
			onError: 'continueRegularOutput' as const,
			input: [{ competitors: 'moz.com, ahrefs.com' }, { competitors: 'moz.com, semrush.com' }],
		};
		const parameters = { targets: '={{ $json.competitors }}', limit: 5 };
		const first = json(await run(parameters, extra));
		expect(first).toHaveLength(10);
		// One prospect of each item's competitor set that the other set did not emit.
		const [one, other] = [domains(first.slice(0, 5)), domains(first.slice(5))];
		const picks = [
			one.find((domain) => !other.includes(domain)),
			other.find((domain) => !one.includes(domain)),
		] as string[];
		const gain = () => picks.forEach((domain) => sim.gainLink(domain, YOURS));
		sim.reset();
		gain();
		sim.failNextBacklinks({ taskCode: 40501, message: "Invalid Field: 'filters'." });
		const second = json(await run(parameters, extra));
		const errors = second.filter((row) => 'error' in row);
		expect(errors).toHaveLength(1);
		const won = byStatus(second, 'won');
		expect(won).toHaveLength(1);
		expectWon(won[0], String(won[0].referring_domain));
		await settle();

		// The failed item's won prospect comes now, and only it; its new rows come again too.
		sim.reset();
		gain();
		const third = json(await run(parameters, extra));
		const again = byStatus(third, 'won');
		expect(domains(again)).toEqual(picks.filter((domain) => domain !== won[0].referring_domain));
		expectWon(again[0], String(again[0].referring_domain));
	});
	it('with an invalid input item and Continue On Fail: that item is an error, the other reports its won', async () => {
		const extra = {
			...production(),
			onError: 'continueRegularOutput' as const,
			input: [{ competitors: 'moz.com, not a domain!' }, { competitors: 'moz.com, ahrefs.com' }],
		};
		const parameters = { targets: '={{ $json.competitors }}', limit: 5 };
		const first = json(await run(parameters, extra));
		expect(first.filter((row) => 'error' in row)).toHaveLength(1);
		const domain = String(first.find((row) => row.status === 'new')?.referring_domain);
		sim.reset();
		sim.gainLink(domain, YOURS);
		const second = json(await run(parameters, extra));
		expect(second.filter((row) => 'error' in row)).toHaveLength(1);
		expect(domains(byStatus(second, 'won'))).toEqual([domain]);
		expect(byStatus(second, 'new')).toHaveLength(5);
		// Nothing was sent for the invalid item: only the valid one's page and search.
		expect(wonCalls()).toHaveLength(1);
	});
	it('with Continue On Fail: an item whose further page failed stays its error item, with no search', async () => {
		const store = production();
		const parameters = { targets: '={{ $json.competitors }}', limit: 5 };
		const known = { competitors: 'moz.com, ahrefs.com' };
		await run(parameters, { ...store, input: [known] });
		sim.reset();
		// The known set's first page holds only seen rows, so it buys another in the memory's
		// settle; the fresh set's first page is all new. Both first pages are held, so the failure
		// queued now is taken by the page bought next.
		sim.hold({ inFlight: 99, minOffset: 0 });
		const running = run(parameters, {
			...store,
			onError: 'continueRegularOutput',
			input: [known, { competitors: 'moz.com, majestic.com' }],
		});
		while (sim.stats().held < 2) await new Promise((resolve) => setTimeout(resolve, 5));
		sim.failNext({ taskCode: 40501, message: "Invalid Field: 'offset'." });
		sim.release();
		const rows = json(await running);
		expect(rows[0]).toEqual({ error: expect.stringContaining("Invalid Field: 'offset'.") });
		expect(rows.slice(1)).toHaveLength(5);
		expect(rows.slice(1).every((row) => row.status === 'new')).toBe(true);
		expect(wonCalls().map((entry) => taskOf(entry).targets)).toEqual([
			{ '1': 'moz.com', '2': 'majestic.com', '3': YOURS },
		]);
	});
});
