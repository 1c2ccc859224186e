// The node of examples/weekly-outreach-prospects-and-wins.json, with its parameters as shipped (the
// e2e suite's domains), over two weekly production runs through n8n-core's engine: the offline
// counterpart of the e2e scenario, which runs the whole workflow in n8n.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { ProcessedDataStore } from './harness';
import { json, NODE_TYPE, runNode } from './nodeRunner';

const DOMAINS: Record<string, string> = {
	'competitor-one.com': 'moz.com',
	'competitor-two.com': 'ahrefs.com',
	'your-site.com': 'semrush.com',
};
const BACKLINKS = '/v3/backlinks/backlinks/live';

interface Node {
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
}
const example = JSON.parse(
	readFileSync(join(__dirname, '../../examples/weekly-outreach-prospects-and-wins.json'), 'utf8'),
) as { nodes: Node[] };
const shipped = example.nodes.find((node) => node.type === NODE_TYPE) as Node;
let text = JSON.stringify(shipped.parameters);
for (const [from, to] of Object.entries(DOMAINS)) text = text.split(from).join(to);
const parameters = JSON.parse(text) as INodeParameters;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ graphSize: 3000 });
});
afterAll(async () => sim.close());

const domains = (rows: IDataObject[]) => rows.map((row) => String(row.referring_domain));
const withStatus = (rows: IDataObject[], status: string) =>
	rows.filter((row) => row.status === status);

it('two weekly runs: the second reports exactly the two won, with their pages, and 50 new without repeats', async () => {
	const store = new ProcessedDataStore();
	const weekly = () =>
		runNode({
			baseUrl: sim.url,
			parameters,
			typeVersion: shipped.typeVersion,
			mode: 'trigger',
			processedData: store,
		});
	const first = json(await weekly());
	expect(withStatus(first, 'new')).toHaveLength(50);
	const scores = first.map((row) => Number(row.prospect_score));
	expect(scores).toEqual([...scores].sort((a, b) => b - a));
	expect(first.every((row) => typeof row.competitor2_linking_page === 'string')).toBe(true);

	const won = [first[0], first[7]].map((row) => String(row.referring_domain));
	sim.reset();
	for (const domain of won) sim.gainLink(domain, 'semrush.com');
	const second = json(await weekly());
	const wonRows = withStatus(second, 'won');
	expect(domains(wonRows).sort()).toEqual([...won].sort());
	for (const row of wonRows) {
		expect(row.won_domain).toBe('semrush.com');
		expect(String(row.won_linking_page).startsWith(`https://${row.referring_domain}/`)).toBe(true);
		expect(sim.graph.linksTo(String(row.referring_domain), 'semrush.com')).toBe(true);
	}
	const fresh = withStatus(second, 'new');
	expect(fresh).toHaveLength(50);
	expect(domains(fresh).filter((domain) => domains(first).includes(domain))).toEqual([]);
	const wonPages = sim.log.filter(
		(entry) =>
			entry.path === BACKLINKS && (entry.body as IDataObject[])[0].target === 'semrush.com',
	);
	expect(wonPages).toHaveLength(1);
});
