import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { json, NODE_NAME, runNode } from './nodeRunner';
import { FIELDS } from '../../nodes/DataForSeoDomainIntersection/fields';
import { ProcessedDataStore } from './harness';

// Issue 18, points 5 to 8: "at least K of N" gives the first rows of its own Return All.
const THREE = 'moz.com, ahrefs.com, semrush.com';
const FOUR = 'moz.com, ahrefs.com, semrush.com, majestic.com';
const LIVE = '/v3/backlinks/domain_intersection/live';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ graphSize: 6000 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

type Run = Awaited<ReturnType<typeof runNode>>;
const domains = (rows: IDataObject[]) => rows.map((row) => row.referring_domain as string);
const hints = (result: Run) => result.hints(NODE_NAME).map((h) => h.message);
const calls = () => sim.log.filter((entry) => entry.path === LIVE);
/** Rows DataForSEO billed: its price is $0.02 a request plus $0.00003 a row. */
const paidRows = () =>
	calls().reduce((sum, entry) => sum + Math.round((entry.cost - 0.02) / 0.00003), 0);

const atLeast = (k: number, extra: INodeParameters = {}): INodeParameters => ({
	matchMode: 'atLeast',
	minMatches: k,
	...extra,
});

async function run(parameters: INodeParameters, more: Partial<Parameters<typeof runNode>[0]> = {}) {
	sim.reset();
	const result = await runNode({ baseUrl: sim.url, parameters, ...more });
	return { result, rows: json(result), requests: calls().length, paid: paidRows() };
}

const everything = (targets: string, options: INodeParameters) =>
	run({ targets, returnAll: true, maxResults: 0, options });

/** The README's order, checked from the output alone: a sort rule as [metric, competitor, sign]. */
function inOrder(rows: IDataObject[], rule?: [string, number, 1 | -1]): boolean {
	const key = (row: IDataObject): number | string | null => {
		if (rule) return row[`competitor${rule[1]}_${rule[0]}`] as number | null;
		// No sort: the rank toward the first listed competitor the domain links to.
		for (let i = 1; ; i++)
			if (row[`competitor${i}_backlinks`] !== null) return row[`competitor${i}_rank`] as number;
	};
	const sign = rule ? rule[2] : -1;
	return rows.every((row, i) => {
		if (i === 0) return true;
		const a = rows[i - 1];
		const [ca, cb] = [a.intersections_count as number, row.intersections_count as number];
		if (ca !== cb) return ca > cb;
		const [x, y] = [key(a), key(row)];
		if (x !== y) return y === null || (x !== null && (x < y ? -1 : 1) * sign < 0);
		return (a.referring_domain as string) < (row.referring_domain as string);
	});
}

describe('At Least with a Limit or Max Results: the first rows of Return All (point 5)', () => {
	it('2 of 3, no sort, Limit 10', async () => {
		const all = await everything(THREE, atLeast(2));
		expect(all.rows.length).toBeGreaterThan(100);
		expect(inOrder(all.rows)).toBe(true);
		const limited = await run({ targets: THREE, limit: 10, options: atLeast(2) });
		expect(domains(limited.rows)).toEqual(domains(all.rows).slice(0, 10));
	});

	it.each([
		['3.backlinks,desc', ['backlinks', 3, -1]],
		['3.rank,asc', ['rank', 3, 1]],
	] as const)(
		'2 of 3, sort %s: a Limit 15 rows into the domains without that competitor',
		async (sort, rule) => {
			const options = atLeast(2, { orderByJson: JSON.stringify([sort]) });
			const all = await everything(THREE, options);
			expect(inOrder(all.rows, rule as [string, number, 1 | -1])).toBe(true);
			// The rows that do not link to competitor 3 come last: their order is the tiebreak's.
			const limit = all.rows.findIndex((row) => row.competitor3_backlinks === null) + 15;
			expect(limit).toBeGreaterThan(100);
			expect(all.rows.length).toBeGreaterThan(limit + 100);
			const limited = await run({ targets: THREE, limit, options });
			expect(domains(limited.rows)).toEqual(domains(all.rows).slice(0, limit));
		},
	);

	it('1 of 3 with Max Results 1,500 and an Offset: the same rows as Return All, from there', async () => {
		const all = await everything(THREE, atLeast(1, { orderByJson: '["1.backlinks,desc"]' }));
		const capped = await run({
			targets: THREE,
			returnAll: true,
			maxResults: 1500,
			options: atLeast(1, { orderByJson: '["1.backlinks,desc"]', offset: 40 }),
		});
		expect(domains(capped.rows)).toEqual(domains(all.rows).slice(40, 1540));
		expect(hints(capped.result).join('\n')).toMatch(
			/Max Results stopped at least 1 of moz.com, ahrefs.com, semrush.com at the first 1,540 of/,
		);
	});

	it('refuses three sort rules without the referring domain, which leave no room for the tiebreak', async () => {
		const { result, requests } = await run({
			targets: THREE,
			limit: 10,
			options: atLeast(2, { orderByJson: '["1.rank,desc","2.rank,desc","3.backlinks,desc"]' }),
		});
		expect(result.error?.message).toMatch(
			/Sort \(JSON\).*no room for the referring domain.*At Least/,
		);
		expect(requests).toBe(0);
	});

	it('says in the Compact answer the order its rows are in', async () => {
		const { rows } = await run({
			targets: THREE,
			limit: 5,
			outputFormat: 'compact',
			options: atLeast(2),
		});
		const [header, ...lines] = String(rows[0].answer).split('\n');
		expect(header).toContain(
			'Showing 5, most competitors linked first, then by rank toward the first listed competitor each links to, highest first, then by domain A to Z.',
		);
		const all = await everything(THREE, atLeast(2));
		expect(lines.map((line) => line.split(' | ')[0])).toEqual(domains(all.rows).slice(0, 5));
	});
});

describe('At Least with Max Cost: a prefix of the uncapped run, or nothing (point 6)', () => {
	const options = atLeast(2, { maxCost: 0.1 });

	it('2 of 4, Limit 1000, Max Cost $0.10: the first rows of the uncapped run, one sentence', async () => {
		const uncapped = await run({ targets: FOUR, limit: 1000, options: atLeast(2) });
		const capped = await run({ targets: FOUR, limit: 1000, options });
		expect(capped.rows.length).toBeGreaterThan(0);
		expect(capped.rows.length).toBeLessThan(1000);
		expect(domains(capped.rows)).toEqual(domains(uncapped.rows).slice(0, capped.rows.length));
		const sentences =
			hints(capped.result)
				.join('\n')
				.match(/Max Cost \(USD\) stopped/g) ?? [];
		expect(sentences).toHaveLength(1);
		expect(hints(capped.result).join('\n')).toMatch(
			new RegExp(
				`after the first ${capped.rows.length} rows, in order with no gap, .* would cost about \\$\\d`,
			),
		);
		expect(capped.paid).toBeLessThanOrEqual(uncapped.paid);
	});

	it('a Max Cost below the first requests sends nothing and says what they would cost', async () => {
		const capped = await run({
			targets: FOUR,
			limit: 1000,
			options: atLeast(2, { maxCost: 0.03 }),
		});
		expect(capped.rows).toEqual([]);
		expect(capped.requests).toBe(0);
		const text = hints(capped.result).join('\n');
		expect(text.match(/Max Cost \(USD\) stopped/g)).toHaveLength(1);
		expect(text).toMatch(
			/before its first request, which would cost about \$0\.05 \(the first page of all 11 combinations about \$0\.55\); nothing was fetched/,
		);
	});
});

describe('At Least reads only what it needs (point 7)', () => {
	it('1 of 3, Return All, Max Results 1,500 buys far fewer rows than 8,423', async () => {
		const capped = await run({
			targets: THREE,
			returnAll: true,
			maxResults: 1500,
			options: atLeast(1),
		});
		expect(capped.rows).toHaveLength(1500);
		expect(capped.paid).toBeLessThan(2 * 1500);
		expect(capped.requests).toBeLessThanOrEqual(7);
	});

	it('2 of 4, Limit 10: the combinations of fewer competitors are not requested when not needed', async () => {
		const limited = await run({ targets: FOUR, limit: 10, options: atLeast(2) });
		expect(limited.rows).toHaveLength(10);
		expect(limited.requests).toBeLessThan(11);
		expect(hints(limited.result).join('\n')).toMatch(
			/of the 11 combinations of competitors were not requested/,
		);
	});

	it('2 of 4, Only New, Limit 10, empty memory: the same requests and rows as the plain run', async () => {
		const plain = await run({ targets: FOUR, limit: 10, options: atLeast(2) });
		const processedData = new ProcessedDataStore();
		const parameters = { targets: FOUR, limit: 10, options: atLeast(2, { onlyNew: true }) };
		const fresh = await run(parameters, { mode: 'trigger', processedData });
		expect(domains(fresh.rows)).toEqual(domains(plain.rows));
		expect([fresh.requests, fresh.paid]).toEqual([plain.requests, plain.paid]);
		// The second run finds the next 10 of the same list, and pays far less than 3 plain runs.
		const again = await run(parameters, { mode: 'trigger', processedData });
		const twenty = await run({ targets: FOUR, limit: 20, options: atLeast(2) });
		expect(domains(again.rows)).toEqual(domains(twenty.rows).slice(10));
		expect(again.requests).toBeLessThan(3 * plain.requests);
	});
});

describe('At Least with Sites Linking To "partial" (point 8)', () => {
	it('is refused before anything is sent, naming both fields', async () => {
		const { result, requests } = await run({
			targets: THREE,
			limit: 10,
			options: atLeast(2, { intersectionMode: 'partial' }),
		});
		expect(result.error?.message).toMatch(/Sites Linking To/);
		expect(result.error?.message).toMatch(/Match Mode "At Least Some Competitors"/);
		expect(requests).toBe(0);
	});

	it('partial means "linking to any competitor", in the simulator as in the option text', async () => {
		const { rows } = await run({
			targets: THREE,
			limit: 1000,
			options: { intersectionMode: 'partial' },
		});
		const counts = new Set(rows.map((row) => row.intersections_count));
		expect(counts.has(1)).toBe(true);
		const one = rows.find((row) => row.intersections_count === 1) as IDataObject;
		expect([1, 2, 3].filter((i) => one[`competitor${i}_backlinks`] === null)).toHaveLength(2);
		const partial = FIELDS.intersectionMode.ui.options?.find(
			(o) => 'value' in o && o.value === 'partial',
		);
		expect(partial).toMatchObject({
			description: expect.stringMatching(/^Sites that link to at least one competitor/),
		});
	});
});
