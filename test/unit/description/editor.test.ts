import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { getNodeParameters } from 'n8n-workflow';

import { DataForSeoDomainIntersection } from '../../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import { properties } from '../../../nodes/DataForSeoDomainIntersection/description';
import { MAX_RESULTS_DEFAULT } from '../../../nodes/DataForSeoDomainIntersection/fields/main';

const description = new DataForSeoDomainIntersection().description;
const top = (name: string) => properties.filter((property) => property.name === name);
const options = properties.find((property) => property.name === 'options')!
	.options as INodeProperties[];

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

	it('lists the link-gap options first and marks the technical ones', () => {
		const names = options.map((option) => option.displayName);
		expect(names.slice(0, 3)).toEqual([
			'Match Mode',
			'Minimum Matches',
			'Max Competitor Combinations',
		]);
		const technical = names.filter((name) => name.startsWith('Technical: '));
		expect(technical.sort()).toEqual([
			'Technical: Concurrency',
			'Technical: Max Retries',
			'Technical: Requests per Minute',
			'Technical: Retry Delay (Ms)',
			'Technical: Timeout (Ms)',
		]);
		// All of them at the end, after every link-gap choice.
		expect(names.slice(-technical.length).every((name) => name.startsWith('Technical: '))).toBe(
			true,
		);
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
	it('gives new nodes version 2; saved version-1 nodes stay loadable', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
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
