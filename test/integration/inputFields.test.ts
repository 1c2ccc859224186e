import { startSimulator, type Simulator } from '../simulator';
import { json, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';

let sim: Simulator;
const posts = () => sim.log.filter((entry) => entry.path === LIVE);

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

// Two clients' competitor sets, as rows of a Sheet arrive: one item each.
const INPUT = [
	{ client: 'Acme', competitors: 'moz.com, ahrefs.com', owner: 'ann' },
	{ client: 'Beta', competitors: 'semrush.com, majestic.com', owner: 'bob' },
];
const PARAMETERS = { targets: '={{ $json.competitors }}', limit: 3 };

describe('Include Input Fields', () => {
	it('copies the chosen fields of each input item onto its rows, last', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: INPUT,
			parameters: { ...PARAMETERS, options: { includeInputFields: 'client' } },
			typeVersion: 3,
		});
		expect(result.error).toBeUndefined();
		const rows = json(result);
		expect(rows.map((row) => [row.competitor1, row.client])).toEqual([
			['moz.com', 'Acme'],
			['moz.com', 'Acme'],
			['moz.com', 'Acme'],
			['semrush.com', 'Beta'],
			['semrush.com', 'Beta'],
			['semrush.com', 'Beta'],
		]);
		expect(rows.every((row) => Object.keys(row).at(-1) === 'client')).toBe(true);
		expect(rows.some((row) => 'owner' in row || 'competitors' in row)).toBe(false);
	});

	it('adds nothing when left empty, and the same request is sent', async () => {
		const plain = await runNode({ baseUrl: sim.url, input: INPUT, parameters: PARAMETERS });
		const before = posts().map((entry) => entry.body);
		sim.reset();
		const empty = await runNode({
			baseUrl: sim.url,
			input: INPUT,
			parameters: { ...PARAMETERS, options: { includeInputFields: '' } },
		});
		expect(json(empty)).toEqual(json(plain));
		expect(posts().map((entry) => entry.body)).toEqual(before);
	});

	it.each([
		['summary', (row: Record<string, unknown>) => [row.competitors, row.client, row.owner]],
		['compact', (row: Record<string, unknown>) => [typeof row.answer, row.client, row.owner]],
	])('copies them onto the %s item too', async (outputFormat, pick) => {
		const result = await runNode({
			baseUrl: sim.url,
			input: INPUT,
			parameters: {
				...PARAMETERS,
				outputFormat,
				options: { includeInputFields: 'client,\nowner' },
			},
		});
		const rows = json(result);
		expect(rows.map(pick)).toEqual([
			[outputFormat === 'summary' ? 'moz.com, ahrefs.com' : 'string', 'Acme', 'ann'],
			[outputFormat === 'summary' ? 'semrush.com, majestic.com' : 'string', 'Beta', 'bob'],
		]);
	});

	it('refuses a field the input item lacks, before anything is sent', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: INPUT,
			parameters: { ...PARAMETERS, options: { includeInputFields: 'client, cleint' } },
		});
		expect(result.error?.message).toBe(
			'Options > Include Input Fields: the input item has no field "cleint" (its fields: client, competitors, owner). Write the names as the input shows them, e.g. client.',
		);
		expect(posts()).toEqual([]);
	});

	it('refuses a field named like an output column, before anything is sent', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: [{ ...INPUT[0], referring_domain: 'x' }],
			parameters: { ...PARAMETERS, options: { includeInputFields: 'referring_domain' } },
		});
		expect(result.error?.message).toMatch(
			/^Options > Include Input Fields: "referring_domain" is also a column of the node's output/,
		);
		expect(posts()).toEqual([]);
	});

	it('with Continue On Fail, fails only the item that lacks the field', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: [INPUT[0], { competitors: 'semrush.com, majestic.com' }],
			parameters: { ...PARAMETERS, options: { includeInputFields: 'client' } },
			onError: 'continueRegularOutput',
		});
		const rows = json(result);
		expect(rows.filter((row) => row.client === 'Acme')).toHaveLength(3);
		expect(rows.filter((row) => 'error' in row)).toEqual([
			{ error: expect.stringMatching(/has no field "client"/) },
		]);
		expect(posts()).toHaveLength(1);
	});
});
