import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_RESULTS_DEFAULT } from '../../nodes/DataForSeoDomainIntersection/fields/main';
import { startSimulator, type Simulator } from '../simulator';
import { hintText, json, NODE_NAME, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';

let sim: Simulator;
const tasks = () =>
	sim.log.filter((entry) => entry.path === LIVE).map((entry) => (entry.body as IDataObject[])[0]);
const hint = (result: Awaited<ReturnType<typeof runNode>>) => hintText(result, '\n');

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const refused = async (parameters: INodeParameters, input?: IDataObject[]) => {
	const result = await runNode({ baseUrl: sim.url, parameters, input });
	expect(sim.log).toHaveLength(0);
	return result.error?.message;
};

describe('numbers from expressions', () => {
	it('reads an empty Max Results as the default cap, not as "no cap", and says so', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			input: [{ max: null }, { max: '' }, { max: ' ' }],
			parameters: {
				targets: 'moz.com, ahrefs.com',
				returnAll: true,
				maxResults: '={{ $json.max }}',
			},
		});
		expect(result.error).toBeUndefined();
		const perItem = [0, 1, 2].map(
			(item) =>
				result
					.outputOf(NODE_NAME)
					.filter((row) => (row.pairedItem as { item: number }).item === item).length,
		);
		expect(perItem).toEqual([MAX_RESULTS_DEFAULT, MAX_RESULTS_DEFAULT, MAX_RESULTS_DEFAULT]);
		expect(hint(result)).toContain('Max Results was empty, so its default (1,500) was used');
	});

	it('refuses a Max Cost that is not a number before sending anything', async () => {
		expect(
			await refused({ targets: 'moz.com, ahrefs.com', options: { maxCost: '={{ "abc" }}' } }),
		).toBe('Options > Max Cost (USD): must be a number; got "abc".');
	});
});

describe('targets from expressions and pastes', () => {
	it('sends a page URL with a comma as one competitor', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: { targets: 'https://Moz.com/blog/a,b, ahrefs.com', limit: 5 },
		});
		expect(result.error).toBeUndefined();
		expect(tasks()[0].targets).toEqual({ '1': 'https://moz.com/blog/a,b', '2': 'ahrefs.com' });
		expect(json(result).length).toBeGreaterThanOrEqual(0);
	});

	it('refuses an object from an expression, quoting it', async () => {
		expect(
			await refused({ targets: '={{ $json.site }}' }, [{ site: { domain: 'moz.com' } }]),
		).toMatch(/^Competitors: the expression gave \{"domain":"moz.com"\}, not a list of domains/);
	});

	it('refuses "https://www." and a page excluded in another case', async () => {
		expect(await refused({ targets: 'https://www., ahrefs.com' })).toMatch(
			/^Competitors: entry 1 "https:\/\/www." is not a page URL with a valid domain/,
		);
		expect(
			await refused({
				targets: 'https://Moz.com/blog/, ahrefs.com',
				excludeTargets: 'https://moz.com/blog/',
			}),
		).toMatch(/is also a competitor/);
	});

	it('quotes a whole entry with spaces', async () => {
		expect(await refused({ targets: 'not a domain!!' })).toBe(
			'Competitors: entry 1 "not a domain!!" is not a domain. Write a domain like "moz.com", a subdomain like "blog.moz.com", or a page URL starting with https://.',
		);
	});
});
