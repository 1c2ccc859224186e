import example from '../../fixtures/example_response.json';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import {
	editedText,
	fieldsAsText,
	skippedFields,
} from '../../../nodes/DataForSeoDomainIntersection/api/itemText';
import { MAP_FIELDS } from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import { ItemWriter } from '../../../nodes/DataForSeoDomainIntersection/output/itemWriter';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

const items = example.tasks[0].result[0].items as unknown as ApiItem[];

const writerFor = (overrides: Partial<NodeParameters>) =>
	new ItemWriter(buildRequest(nodeParameters(overrides)), 0);

describe('ItemWriter.reader: how the parser may hand over the breakdowns', () => {
	it.each<[string, Partial<NodeParameters>]>([
		['Key Metrics (the default)', {}],
		['Key Metrics with Prospect Score', { options: { prospectScore: true } }],
		['the compact answer, even beside All Metrics', { outputFormat: 'compact', columns: 'all' }],
		['the summary', { outputFormat: 'summary' }],
	])('skips the breakdowns for %s', (_, overrides) => {
		expect(writerFor(overrides).reader().edit).toBe(skippedFields(MAP_FIELDS));
	});

	it.each<[string, Partial<NodeParameters>]>([
		['All Metrics', { columns: 'all' }],
		["version 1's columns", { version: 1 }],
	])('takes them as text for %s, which shows them as text', (_, overrides) => {
		expect(writerFor(overrides).reader().edit).toBe(fieldsAsText(MAP_FIELDS));
	});

	it('keeps them as objects for Raw, which outputs the item as it came', () => {
		expect(writerFor({ outputFormat: 'raw' }).reader().edit).toBeUndefined();
	});

	it.each<[string, Partial<NodeParameters>]>([
		['Key Metrics', {}],
		['Key Metrics with Prospect Score', { options: { prospectScore: true } }],
		['the compact answer', { outputFormat: 'compact' }],
		['All Metrics', { columns: 'all' }],
		["version 1's columns", { version: 1 }],
	])('builds the same row from the edited items: %s', (_, overrides) => {
		const writer = writerFor(overrides);
		const read = writer.reader();
		const cut = JSON.parse(editedText(JSON.stringify(items), read.edit)) as ApiItem[];
		expect(JSON.stringify(cut)).not.toBe(JSON.stringify(items));
		expect(cut.map((item) => read(item))).toEqual(items.map((item) => writer.prepareOne(item)));
	});
});
