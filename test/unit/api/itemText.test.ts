import example from '../../fixtures/example_response.json';
import {
	editedText,
	fieldsAsText,
	skippedFields,
} from '../../../nodes/DataForSeoDomainIntersection/api/itemText';
import { MAP_FIELDS } from '../../../nodes/DataForSeoDomainIntersection/output/flatten';

const BREAKDOWNS = skippedFields(MAP_FIELDS);

type Json = Record<string, unknown>;

/** What the cut must give: JSON.parse's value, without the skipped fields of each entry. */
function withoutFields(items: Json[], names: readonly string[]): Json[] {
	return items.map((item) => {
		const perTarget = item.domain_intersection as Record<string, Json | null>;
		const entries = Object.entries(perTarget).map(([key, entry]) => {
			if (!entry) return [key, entry];
			const kept = Object.entries(entry).filter(([field]) => !names.includes(field));
			return [key, Object.fromEntries(kept)];
		});
		return { ...item, domain_intersection: Object.fromEntries(entries) };
	});
}

const exampleItems = example.tasks[0].result[0].items as unknown as Json[];

describe('skippedFields: the breakdowns are cut from the text before it is parsed', () => {
	it.each([
		['compact', 0],
		['pretty-printed', 2],
	])('gives the docs example without them, %s', (_, space) => {
		const text = JSON.stringify(exampleItems, null, space);
		const parsed = JSON.parse(editedText(text, BREAKDOWNS)) as Json[];
		expect(parsed).toEqual(withoutFields(exampleItems, MAP_FIELDS));
		expect(editedText(text, BREAKDOWNS).length).toBeLessThan(text.length);
	});

	it('cuts consecutive fields in one go and leaves every other field as it was', () => {
		const text =
			'{"a":1,"referring_links_tld":{"com":2},"referring_links_types":null,' +
			'"referring_links_countries":{"US":3},"b":"x"}';
		expect(editedText(text, BREAKDOWNS)).toBe('{"a":1,"b":"x"}');
		expect(BREAKDOWNS.pattern.flags).toContain('g');
	});

	it('reads strings inside a breakdown whole: braces and escaped quotes in its keys', () => {
		const text = '{"a":1,"referring_links_tld":{"}{":1,"q\\"}":2,"\\\\":3},"b":2}';
		expect(JSON.parse(editedText(text, BREAKDOWNS))).toEqual({ a: 1, b: 2 });
	});

	it('keeps what it cannot cut without parsing: a first key, a nested or other value', () => {
		const kept = [
			'{"referring_links_tld":{"com":1},"a":1}',
			'{"a":1,"referring_links_tld":{"com":{"deep":1}}}',
			'{"a":1,"referring_links_tld":[1,2]}',
			'{"a":1,"referring_links_tld":"text"}',
			'{"a":1,"referring_links_tldx":{"com":1}}',
		];
		for (const text of kept) expect(editedText(text, BREAKDOWNS)).toBe(text);
	});

	it('leaves a string value alone that looks like a skipped field', () => {
		const value = 'x","referring_links_tld":{"com":1},"y';
		const text = JSON.stringify({ a: 1, note: value, b: 2 });
		expect(JSON.parse(editedText(text, BREAKDOWNS))).toEqual({ a: 1, note: value, b: 2 });
	});

	it('keeps everything when nothing is skipped, and compiles each list of names once', () => {
		const text = JSON.stringify(exampleItems);
		expect(editedText(text, undefined)).toBe(text);
		expect(skippedFields([...MAP_FIELDS])).toBe(BREAKDOWNS);
		// Names are matched as they are written, not as patterns.
		expect(editedText('{"c":1,"a.b":null}', skippedFields(['a.b']))).toBe('{"c":1}');
		expect(editedText('{"c":1,"axb":null}', skippedFields(['a.b']))).toBe('{"c":1,"axb":null}');
	});
});

const AS_TEXT = fieldsAsText(MAP_FIELDS);

/** JSON.parse's items with each breakdown object replaced by JSON.stringify's text of it. */
function withText(items: Json[]): Json[] {
	return JSON.parse(
		JSON.stringify(items, (key, value: unknown) =>
			(MAP_FIELDS as readonly string[]).includes(key) && value !== null
				? JSON.stringify(value)
				: value,
		),
	) as Json[];
}

describe('fieldsAsText: breakdowns for rows that show them arrive as their JSON text', () => {
	it('gives every breakdown of the docs example as the text JSON.stringify writes', () => {
		const parsed = JSON.parse(editedText(JSON.stringify(exampleItems), AS_TEXT)) as Json[];
		expect(parsed).toEqual(withText(exampleItems));
		expect(JSON.stringify(parsed)).toContain('"referring_links_tld":"{\\"com\\":');
	});

	it('leaves an object as an object where its text would not come back the same', () => {
		const objects = [
			'{ "com": 1 }',
			'{"com":1.5}',
			'{"com":1e3}',
			'{"com":01}',
			'{"com":-0}',
			'{"com":12345678901234567}',
			'{"1":2,"com":1}',
			'{"c\\u006fm":1}',
			'{"com":"1"}',
			'{"com":{"x":1}}',
		];
		for (const object of objects) {
			const text = `{"a":1,"referring_links_tld":${object}}`;
			expect(editedText(text, AS_TEXT)).toBe(text);
		}
	});

	it('turns empty keys, negative and null counts, and an empty object into text', () => {
		const object = '{"":1,"org":-2,"net":null}';
		const text = `{"a":1,"referring_links_semantic_locations":${object},"referring_links_tld":{}}`;
		expect(JSON.parse(editedText(text, AS_TEXT))).toEqual({
			a: 1,
			referring_links_semantic_locations: JSON.stringify(JSON.parse(object)),
			referring_links_tld: '{}',
		});
	});

	it('is compiled once, apart from the skipping of the same names', () => {
		expect(fieldsAsText([...MAP_FIELDS])).toBe(AS_TEXT);
		expect(AS_TEXT).not.toBe(BREAKDOWNS);
	});
});
