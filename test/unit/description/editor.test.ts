import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { getNodeParameters, NodeHelpers } from 'n8n-workflow';

import { DataForSeoDomainIntersection } from '../../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import { properties } from '../../../nodes/DataForSeoDomainIntersection/description';
import { MAX_RESULTS_DEFAULT } from '../../../nodes/DataForSeoDomainIntersection/fields/main';

const description = new DataForSeoDomainIntersection().description;
const top = (name: string) => properties.filter((property) => property.name === name);
const LATEST = 3;

/** The collection's entries a node of this version shows, in "Add Option" order. */
function collectionOf(version: number, name: string): INodeProperties[] {
	const node = { typeVersion: version };
	const shown = properties.filter(
		(property) =>
			property.name === name &&
			NodeHelpers.displayParameter({}, property, node as never, description),
	);
	expect(shown.length).toBeLessThanOrEqual(1);
	return (shown[0]?.options as INodeProperties[] | undefined) ?? [];
}
const optionNames = (version: number, name: string) =>
	collectionOf(version, name).map((option) => option.displayName);

/** The parameters n8n fills in for a node of this version that stores only `stored`. */
function parametersOf(version: number, stored: INodeParameters): INodeParameters {
	return getNodeParameters(properties, stored, true, false, { typeVersion: version }, description)!;
}

describe('what a person reads in the editor', () => {
	it('shows an expression that works when copied: $json, not $JSON', () => {
		const text = top('targets')[0].description ?? '';
		expect(text).toContain('{{ $json.competitors }}');
		expect(text).not.toContain('$JSON');
	});

	it('lists the link-gap choices in Options, and API and transport settings under Advanced', () => {
		expect(optionNames(LATEST, 'options')).toEqual([
			'Match Mode',
			'Minimum Matches',
			'Max Competitor Combinations',
			'Only New Since Last Run',
			'Forget Seen Domains',
			'Prospect Score',
			'Sort by Prospect Score',
			'Skip Platforms',
			'Platforms to Skip',
			'Linking Pages',
			'Report Won Prospects',
			'Max Cost (USD)',
			'Backlinks Status',
			'Include Subdomains',
			'Include Indirect Links',
			'Exclude Internal Backlinks',
			'Sites Linking To',
			'Backlinks Filters',
			'Backlinks Filters Must Match',
			'Include Input Fields',
		]);
		expect(optionNames(LATEST, 'advanced')).toEqual([
			'Offset',
			'Internal List Limit',
			'Rank Scale',
			'Tag',
			'Filters (JSON)',
			'Sort (JSON)',
			'Backlinks Filters (JSON)',
			'Max Retries',
			'Retry Delay (Ms)',
			'Timeout (Ms)',
			'Concurrency',
			'Requests per Minute',
		]);
	});

	it('keeps every option in Options for nodes saved as versions 1 and 2', () => {
		for (const version of [1, 2]) {
			expect(optionNames(version, 'advanced')).toEqual([]);
			expect(optionNames(version, 'options').sort()).toEqual(
				[...optionNames(LATEST, 'options'), ...optionNames(LATEST, 'advanced')].sort(),
			);
			// The saved paths stay readable: n8n keeps options.offset for these versions …
			const stored = { targets: 'moz.com', options: { offset: 5, timeout: 9000, tag: 'x' } };
			expect(parametersOf(version, stored).options).toEqual(stored.options);
		}
		// … and version 3 reads them from Advanced.
		const stored = { targets: 'moz.com', advanced: { offset: 5, timeout: 9000, tag: 'x' } };
		expect(parametersOf(LATEST, stored).advanced).toEqual(stored.advanced);
	});

	it('offers an option only where it acts', () => {
		const shownWith = (values: INodeParameters, version = LATEST) =>
			collectionOf(version, 'options')
				.filter((entry) =>
					NodeHelpers.displayParameter(
						values,
						entry,
						{ typeVersion: version } as never,
						description,
					),
				)
				.map((entry) => entry.displayName);
		for (const version of [2, LATEST]) {
			const all = shownWith({ matchMode: 'all' }, version);
			expect(all).not.toContain('Minimum Matches');
			expect(all).not.toContain('Max Competitor Combinations');
			expect(shownWith({}, version)).not.toContain('Minimum Matches');
			const atLeast = shownWith({ matchMode: 'atLeast' }, version);
			expect(atLeast).toEqual(
				expect.arrayContaining(['Minimum Matches', 'Max Competitor Combinations']),
			);
			expect(shownWith({}, version)).not.toContain('Forget Seen Domains');
			expect(shownWith({ onlyNew: true }, version)).toContain('Forget Seen Domains');
		}
	});

	it('starts the JSON options valid: an empty list, not empty text n8n marks as an error', () => {
		const json = collectionOf(LATEST, 'advanced').filter((option) => option.type === 'json');
		expect(json.map((option) => [option.name, JSON.parse(option.default as string)])).toEqual([
			['filtersJson', []],
			['orderByJson', []],
			['backlinksFiltersJson', []],
		]);
	});

	it('does not mix up the two modes: only one option is called "… Mode"', () => {
		const names = [...optionNames(LATEST, 'options'), ...optionNames(LATEST, 'advanced')];
		expect(names.filter((name) => / Mode$/.test(name))).toEqual(['Match Mode']);
	});

	it('gives Max Results the same cost hint as Limit', () => {
		const [limit] = top('limit');
		expect(limit.hint).toMatch(/about \$0\.05 per 1,000 rows/);
		for (const maxResults of top('maxResults'))
			expect(maxResults.hint).toMatch(
				/^About \$0\.05 per 1,000 rows on the live API, e\.g\. \$0\.50 for 10,000$/,
			);
	});

	it('uses one word, "competitor", in the UI text', () => {
		const texts = JSON.stringify(properties)
			// Parameter names and the API's own field names are a contract, not words.
			.replace(/"(name|value|loadOptionsDependsOn)":("[^"]*"|\[[^\]]*\])/g, '')
			.replace(/\b\d\.target\b/g, '');
		expect(texts.match(/.{30}\btargets?\b.{30}/gi)).toBeNull();
	});
});

describe('node versions', () => {
	it('gives new nodes version 3; saved version-1 and -2 nodes stay loadable', () => {
		expect(description.version).toEqual([1, 2, 3]);
		expect(description.defaultVersion).toBe(LATEST);
	});

	it('keeps version 1 at 0.1.0’s Max Results, so saved workflows read as many rows as before', () => {
		const stored = { targets: 'moz.com, ahrefs.com', returnAll: true };
		expect(parametersOf(1, stored).maxResults).toBe(10000);
		expect(parametersOf(2, stored).maxResults).toBe(MAX_RESULTS_DEFAULT);
	});

	it('offers the column choice to version 2 only, with Key Metrics as the default', () => {
		const stored = { targets: 'moz.com, ahrefs.com' };
		expect(parametersOf(2, stored).columns).toBe('key');
		expect(parametersOf(1, stored)).not.toHaveProperty('columns');
	});
});
