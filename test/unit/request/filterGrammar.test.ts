import {
	FILTER_OPERATORS,
	forEachCondition,
	validateFilters,
	validateOrderBy,
} from '../../../nodes/DataForSeoDomainIntersection/request/filterGrammar';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

const rules = { field: 'Filters', targetCount: 2 };

function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as Error).message;
	}
	throw new Error('expected a refusal');
}

describe('validateFilters', () => {
	it('accepts the docs examples', () => {
		const examples = [
			['1.internal_links_count', '>', '1'],
			[['2.referring_pages', '>', '2'], 'and', ['1.backlinks', '>', '10']],
			[
				['1.first_seen', '>', '2017-10-23 11:31:45 +00:00'],
				'and',
				[['2.target', 'like', '%dataforseo.com%'], 'or', ['1.referring_domains', '>', '10']],
			],
		];
		for (const example of examples) expect(validateFilters(example, rules)).toEqual(example);
	});

	it.each(FILTER_OPERATORS.filter((op) => op !== 'in' && op !== 'not_in'))(
		'accepts operator %s with one value',
		(op) => {
			expect(validateFilters(['1.target', op, 'x'], rules)).toEqual(['1.target', op, 'x']);
		},
	);

	it.each(['in', 'not_in'])('%s takes a list and refuses a single value', (op) => {
		expect(validateFilters(['1.target', op, ['a.com', 'b.com']], rules)).toBeTruthy();
		expect(refusal(() => validateFilters(['1.target', op, 'a.com'], rules))).toMatch(
			/needs a list/,
		);
	});

	it('refuses a list for single-value operators', () => {
		expect(refusal(() => validateFilters(['1.rank', '>', [1, 2]], rules))).toMatch(/single value/);
	});

	it('refuses unknown operators, naming the allowed ones', () => {
		expect(refusal(() => validateFilters(['1.rank', '!=', 1], rules))).toMatch(
			/Filters: .*operator must be one of regex not_regex = <> in/,
		);
	});

	it('refuses more than 8 conditions, counting nested ones', () => {
		const c = ['1.rank', '>', 1];
		const nine = [
			c,
			'and',
			[c, 'or', c, 'or', c],
			'and',
			[c, 'and', [c, 'or', c]],
			'and',
			c,
			'and',
			c,
		];
		expect(refusal(() => validateFilters(nine, rules))).toMatch(/9 conditions given.*at most 8/);
		const eight = [c, 'and', [c, 'or', c, 'or', c], 'and', [c, 'and', [c, 'or', c]], 'and', c];
		expect(() => validateFilters(eight, rules)).not.toThrow();
	});

	it('refuses a target prefix beyond the targets', () => {
		expect(refusal(() => validateFilters(['3.backlinks', '>', 1], rules))).toMatch(
			/"3.backlinks", but there are only 2 competitors/,
		);
		expect(refusal(() => validateFilters([['0.rank', '>', 1]], rules))).toMatch(/0.rank/);
	});

	it.each([
		[{ a: 1 }, /must be a JSON array/],
		[[], /empty group/],
		[[['1.rank', '>', 1], 'xor', ['1.rank', '<', 5]], /must be "and" or "or"/],
		[[['1.rank', '>', 1], 'and'], /must end with a condition/],
		[[['1.rank', '>', 1], 'and', 'oops'], /must be a condition/],
		[['', '>', 1], /field name is empty/],
		[['1.rank', '>'], /not a valid condition/],
	])('refuses malformed filter %j', (filter, pattern) => {
		expect(refusal(() => validateFilters(filter, rules))).toMatch(pattern);
	});

	it('visits every condition in order', () => {
		const fields: string[] = [];
		forEachCondition(
			[['1.a', '=', 1], 'or', [['2.b', '=', 1], 'and', ['1.c', '=', 1]]],
			([field]) => fields.push(field),
		);
		expect(fields).toEqual(['1.a', '2.b', '1.c']);
	});

	it('reports invalid JSON text with the parameter name', () => {
		const message = refusal(() =>
			buildRequest(
				nodeParameters({
					targets: 'a.com',
					limit: 5,
					options: { filtersJson: "['1.rank', '>', 1]" },
				}),
			),
		);
		expect(message).toMatch(/^Advanced > Filters \(JSON\): this is not valid JSON/);
	});
});

describe('validateOrderBy', () => {
	it('accepts up to three rules and normalises the direction', () => {
		expect(
			validateOrderBy(['1.backlinks,DESC', '2.rank,asc', 'intersections_count,desc'], rules),
		).toEqual(['1.backlinks,desc', '2.rank,asc', 'intersections_count,desc']);
	});

	it.each([
		[
			['1.rank,desc', '1.backlinks,desc', '2.rank,asc', '2.backlinks,asc'],
			/4 sort rules.*at most 3/,
		],
		[['1.rank desc'], /rule 1 "1.rank desc" is not valid/],
		[['1.rank,up'], /not valid/],
		[['5.rank,asc'], /only 2 competitors/],
		['1.rank,desc', /must be a JSON array/],
	])('refuses %j', (orderBy, pattern) => {
		expect(refusal(() => validateOrderBy(orderBy, rules))).toMatch(pattern);
	});
});
