import type { INodeParameters } from 'n8n-workflow';

import { clearCatalogueCache } from '../../nodes/DataForSeoDomainIntersection/filterFields/fetchCatalogue';
import { availableFiltersResult, startSimulator, type Simulator } from '../simulator';
import { loadNodeOptions } from './loadOptionsRunner';
import { json, runNode } from './nodeRunner';

const LIVE = '/v3/backlinks/domain_intersection/live';
const AVAILABLE_FILTERS = '/v3/backlinks/available_filters';
const COMPETITORS = { targets: 'moz.com, ahrefs.com', excludeTargets: 'semrush.com', limit: 5 };

let sim: Simulator;
const tasks = () =>
	sim.log.filter((entry) => entry.path === LIVE).map((entry) => (entry.body as unknown[])[0]);

beforeAll(async () => {
	sim = await startSimulator({ graphSize: 3000 });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	clearCatalogueCache();
});

/** Runs the node twice, once per parameter form, and returns both sent tasks and outputs. */
async function sendBoth(fromJson: INodeParameters, fromBuilders: INodeParameters) {
	const jsonRun = await runNode({ baseUrl: sim.url, parameters: { ...COMPETITORS, ...fromJson } });
	const builderRun = await runNode({
		baseUrl: sim.url,
		parameters: { ...COMPETITORS, ...fromBuilders },
	});
	expect(jsonRun.error).toBeUndefined();
	expect(builderRun.error).toBeUndefined();
	const [jsonTask, builderTask] = tasks();
	return { jsonTask, builderTask, jsonRows: json(jsonRun), builderRows: json(builderRun) };
}

describe('the builders through n8n-core', () => {
	it('send the docs example exactly as the JSON options do', async () => {
		const sent = await sendBoth(
			{ options: { filtersJson: '["1.backlinks", ">", 10]', orderByJson: '["1.backlinks,desc"]' } },
			{
				filterBuilder: {
					conditions: [{ target: 1, field: 'backlinks', operator: 'gt', value: '10' }],
				},
				sortBuilder: { rules: [{ target: 1, field: 'backlinks', direction: 'desc' }] },
			},
		);
		expect(sent.builderTask).toEqual(sent.jsonTask);
		expect(sent.builderTask).toEqual({
			targets: { '1': 'moz.com', '2': 'ahrefs.com' },
			exclude_targets: ['semrush.com'],
			filters: ['1.backlinks', '>', 10],
			order_by: ['1.backlinks,desc', '1.target,asc'],
			limit: 5,
		});
		expect(sent.builderRows).toEqual(sent.jsonRows);
		expect(sent.builderRows.length).toBeGreaterThan(0);
	});

	it('send OR groups, lists and backlinks filters as the JSON options do', async () => {
		const sent = await sendBoth(
			{
				options: {
					filtersJson:
						'[["2.rank", ">=", 100], "or", ["1.target", "in", ["moz.com", "ahrefs.com"]]]',
					backlinksFiltersJson: '[["dofollow", "=", true], "and", ["anchor", "ilike", "%seo%"]]',
				},
			},
			{
				filterBuilder: {
					conditions: [
						{ target: 2, field: 'rank', operator: 'gte', value: '100' },
						{ target: 1, field: 'target', operator: 'in', value: 'moz.com, ahrefs.com' },
					],
				},
				filterCombine: 'or',
				options: {
					backlinksFilterBuilder: {
						conditions: [
							{ field: 'dofollow', operator: 'eq', value: 'true' },
							{ field: 'anchor', operator: 'ilike', value: '%seo%' },
						],
					},
				},
			},
		);
		expect(sent.builderTask).toEqual(sent.jsonTask);
		expect(sent.builderRows).toEqual(sent.jsonRows);
	});

	it('stop before sending when a builder value does not fit its field', async () => {
		const result = await runNode({
			baseUrl: sim.url,
			parameters: {
				...COMPETITORS,
				filterBuilder: {
					conditions: [{ target: 1, field: 'backlinks', operator: 'gt', value: 'many' }],
				},
			},
		});
		expect(result.error?.message).toMatch(/^Filters: condition 1: "1.backlinks" is a number field/);
		expect(sim.log).toHaveLength(0);
	});
});

describe('the dropdowns (loadOptions) through n8n-core', () => {
	const row = 'parameters.filterBuilder.conditions[0]';

	it('list the simulator’s fields, asking available_filters once', async () => {
		const fields = await loadNodeOptions('getFilterFields', {
			baseUrl: sim.url,
			parameters: COMPETITORS,
			path: `${row}.field`,
		});
		const expected = Object.keys(availableFiltersResult().domain_intersection).map((key) =>
			key.replace(/^1\./, ''),
		);
		expect(fields.map((field) => field.value).sort()).toEqual(expected.sort());
		await loadNodeOptions('getBacklinkFields', {
			baseUrl: sim.url,
			parameters: COMPETITORS,
			path: 'x',
		});
		expect(sim.log.map((entry) => `${entry.method} ${entry.path} ${entry.authorized}`)).toEqual([
			`GET ${AVAILABLE_FILTERS} true`,
		]);
	});

	it('fit the operators to the field chosen in the same row', async () => {
		const parameters = {
			...COMPETITORS,
			filterBuilder: {
				conditions: [
					{ target: 1, field: 'first_seen' },
					{ target: 2, field: 'target' },
				],
			},
		};
		const date = await loadNodeOptions('getFilterOperators', {
			baseUrl: sim.url,
			parameters,
			path: `${row}.operator`,
		});
		expect(date.map((option) => option.value)).toEqual(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
		const text = await loadNodeOptions('getFilterOperators', {
			baseUrl: sim.url,
			parameters,
			path: 'parameters.filterBuilder.conditions[1].operator',
		});
		expect(text.map((option) => option.value)).toContain('ilike');
	});

	it('name the competitors from the Competitors field', async () => {
		const options = await loadNodeOptions('getCompetitors', {
			parameters: COMPETITORS,
			path: `${row}.target`,
		});
		expect(options).toEqual([
			{ name: '1: moz.com', value: 1 },
			{ name: '2: ahrefs.com', value: 2 },
		]);
	});

	it('fall back to the bundled list without a credential or an answer', async () => {
		const none = await loadNodeOptions('getFilterFields', {
			parameters: COMPETITORS,
			path: `${row}.field`,
		});
		expect(none.map((field) => field.value)).toContain('backlinks');
		sim.failNext({ http: 500 });
		const failed = await loadNodeOptions('getFilterFields', {
			baseUrl: sim.url,
			parameters: COMPETITORS,
			path: `${row}.field`,
		});
		expect(failed).toEqual(none);
	});
});
