import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { clearCatalogueCache } from '../../../nodes/DataForSeoDomainIntersection/filterFields/fetchCatalogue';
import { loadOptions } from '../../../nodes/DataForSeoDomainIntersection/filterFields/loadOptions';

/** Just enough of ILoadOptionsFunctions: current parameters, and no credential selected. */
function context(parameters: Record<string, unknown>): ILoadOptionsFunctions {
	return {
		getCurrentNodeParameter: (path: string) => parameters[path],
		getCredentials: async () => {
			throw new Error('Node does not have any credentials set');
		},
		logger: { debug: () => {} },
	} as unknown as ILoadOptionsFunctions;
}

beforeEach(() => clearCatalogueCache());

describe('getCompetitors', () => {
	it('names each position after the competitor typed there', async () => {
		const options = await loadOptions.getCompetitors.call(
			context({ targets: 'moz.com,\nahrefs.com' }),
		);
		expect(options).toEqual([
			{ name: '1: moz.com', value: 1 },
			{ name: '2: ahrefs.com', value: 2 },
		]);
	});

	it('offers positions 1 to 20 when the list is an expression or empty', async () => {
		for (const targets of ['={{ $json.competitors }}', '', undefined]) {
			const options = await loadOptions.getCompetitors.call(context({ targets }));
			expect(options).toHaveLength(20);
			expect(options[1]).toEqual({ name: 'Competitor 2', value: 2 });
		}
	});
});

describe('field and operator lists without a credential', () => {
	it('come from the bundled list, sorted by name', async () => {
		const fields = await loadOptions.getFilterFields.call(context({}));
		const names = fields.map((field) => field.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(fields).toContainEqual({
			name: 'Backlinks',
			value: 'backlinks',
			description: 'Number per competitor, e.g. > 10.',
		});
		// A row's "target" is the referring domain: named so, with the JSON name for filter writers.
		expect(fields).toContainEqual({
			name: 'Referring Domain',
			value: 'target',
			description: 'Text per competitor, e.g. like %blog%. Sent as 1.target.',
		});
		expect(names).toContain('Referring IPs');
		expect(names).not.toContain('Referring Ips');
		expect(fields.find((field) => field.value === 'intersections_count')?.description).toMatch(
			/whole row/,
		);
		const backlinkFields = await loadOptions.getBacklinkFields.call(context({}));
		expect(backlinkFields.find((field) => field.value === 'dofollow')?.description).toBe(
			'Yes/no, e.g. = true.',
		);
		expect(backlinkFields.map((field) => field.name)).toEqual(
			expect.arrayContaining(['URL From', 'TLD From', 'URL To HTTPS', 'Domain From IP']),
		);
	});

	it('fit the operators to the type of the field in the same row', async () => {
		const operators = async (field: unknown, backlinks = false) =>
			(
				await (backlinks ? loadOptions.getBacklinkOperators : loadOptions.getFilterOperators).call(
					context({ '&field': field }),
				)
			).map((option) => option.value);
		expect(await operators('backlinks')).toEqual([
			'lt',
			'lte',
			'gt',
			'gte',
			'eq',
			'ne',
			'in',
			'not_in',
		]);
		expect(await operators('target')).toContain('like');
		expect(await operators('dofollow', true)).toEqual(['eq', 'ne']);
		expect(await operators('={{ "rank" }}')).toHaveLength(16);
	});

	it('never store a value that starts with "=", which n8n would read as an expression', async () => {
		const all = await loadOptions.getFilterOperators.call(context({ '&field': '' }));
		expect(all.every((option) => !String(option.value).startsWith('='))).toBe(true);
		expect(all.find((option) => option.value === 'gte')?.name).toBe('Greater Than or Equal (>=)');
	});
});
