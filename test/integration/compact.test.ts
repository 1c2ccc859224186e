import type { INodeParameters } from 'n8n-workflow';

import { ANSWER_MAX_ROWS } from '../../nodes/DataForSeoDomainIntersection/output/compact';
import { startSimulator, type Simulator } from '../simulator';
import { json, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
const BASE = { targets: 'moz.com, ahrefs.com', excludeTargets: 'semrush.com', limit: 20 };

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const posts = () => sim.log.filter((entry) => entry.path === LIVE);
const sentLimits = () => posts().map((entry) => (entry.body as Array<{ limit: number }>)[0].limit);

async function answerOf(parameters: INodeParameters): Promise<string[]> {
	const result = await runNode({ baseUrl: sim.url, parameters });
	expect(result.error).toBeUndefined();
	const items = json(result);
	expect(items).toHaveLength(1);
	return String(items[0].answer).split('\n');
}

describe('Output Format "Compact" through the workflow engine', () => {
	it('lists the same domains and numbers as the flat rows, with totals and cost on top', async () => {
		const flat = json(await runNode({ baseUrl: sim.url, parameters: { ...BASE, columns: 'all' } }));
		sim.reset();
		const [header, ...lines] = await answerOf({ ...BASE, outputFormat: 'compact' });

		const cell = (row: Record<string, unknown>, n: number) =>
			[
				row[`competitor${n}_rank`] ?? '-',
				row[`competitor${n}_backlinks`] ?? '-',
				row[`competitor${n}_first_seen`] === null
					? '-'
					: String(row[`competitor${n}_first_seen`]).slice(0, 10),
			].join('/');
		expect(lines).toEqual(
			flat.map((row) =>
				[row.referring_domain, row.intersections_count, cell(row, 1), cell(row, 2)].join(' | '),
			),
		);
		const [post] = posts();
		const cost = post.cost.toFixed(4);
		expect(header).toMatch(/^Link gap: [\d,]+ domains link to all of moz\.com, ahrefs\.com/);
		expect(header).toContain(
			`Showing 20, by moz.com rank, highest first. Cost $${cost} (1 request).`,
		);
	});

	it('asks DataForSEO for no more rows than the answer can hold', async () => {
		const lines = await answerOf({ ...BASE, limit: 5000, outputFormat: 'compact' });
		expect(sentLimits()).toEqual([ANSWER_MAX_ROWS]);
		expect(lines).toHaveLength(1 + ANSWER_MAX_ROWS);
		expect(lines[0]).toContain(`Asked for 5,000 domains, lowered to ${ANSWER_MAX_ROWS}`);
	});

	it('caps Return All the same way, in one request', async () => {
		const lines = await answerOf({
			...BASE,
			returnAll: true,
			maxResults: 0,
			outputFormat: 'compact',
		});
		expect(sentLimits()).toEqual([ANSWER_MAX_ROWS]);
		expect(lines[0]).toContain(`Asked for all domains, lowered to ${ANSWER_MAX_ROWS}`);
	});
});
