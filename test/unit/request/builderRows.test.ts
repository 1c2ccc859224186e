import { BUNDLED_CATALOGUE } from '../../../nodes/DataForSeoDomainIntersection/filterFields/catalogue';
import {
	buildFilters,
	buildOrderBy,
} from '../../../nodes/DataForSeoDomainIntersection/request/builderRows';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';

const ctx = {
	label: 'Filters',
	table: BUNDLED_CATALOGUE.domain_intersection,
	targetCount: 2,
};
const backlinksCtx = { label: 'Backlinks', table: BUNDLED_CATALOGUE.backlinks };
const rows = (...conditions: object[]) => ({ conditions });

function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as Error).message;
	}
	throw new Error('expected a refusal');
}

describe('buildFilters', () => {
	it('gives nothing without rows, and one condition as it is', () => {
		expect(buildFilters({}, 'and', ctx)).toBeUndefined();
		expect(buildFilters(undefined, undefined, ctx)).toBeUndefined();
		expect(
			buildFilters(
				rows({ target: 1, field: 'backlinks', operator: 'gt', value: '10' }),
				'and',
				ctx,
			),
		).toEqual(['1.backlinks', '>', 10]);
	});

	it('joins several conditions with the chosen "and" or "or"', () => {
		const builder = rows(
			{ target: 1, field: 'backlinks', operator: '>', value: '10' },
			{ target: 2, field: 'rank', operator: '>=', value: '100' },
		);
		expect(buildFilters(builder, 'and', ctx)).toEqual([
			['1.backlinks', '>', 10],
			'and',
			['2.rank', '>=', 100],
		]);
		expect(buildFilters(builder, 'or', ctx)).toEqual([
			['1.backlinks', '>', 10],
			'or',
			['2.rank', '>=', 100],
		]);
		expect(refusal(() => buildFilters(builder, 'xor', ctx))).toMatch(/"and" or "or"/);
	});

	it('types values by the field: numbers, dates, text, yes/no', () => {
		const one = (
			field: string,
			operator: string,
			value: unknown,
			c: typeof ctx | typeof backlinksCtx = ctx,
		) => buildFilters(rows({ target: 2, field, operator, value }), 'and', c);
		expect(one('backlinks', '<=', ' 2.5 ')).toEqual(['2.backlinks', '<=', 2.5]);
		expect(one('backlinks', '=', 7)).toEqual(['2.backlinks', '=', 7]);
		expect(one('first_seen', '>', '2024-01-31')).toEqual(['2.first_seen', '>', '2024-01-31']);
		expect(one('target', 'like', '%blog%')).toEqual(['2.target', 'like', '%blog%']);
		expect(one('dofollow', '=', 'TRUE', backlinksCtx)).toEqual(['dofollow', '=', true]);
		expect(one('lost_date', '=', 'null')).toEqual(['2.lost_date', '=', null]);
	});

	it('names the field and the row when a value does not fit its type', () => {
		const bad = (
			field: string,
			operator: string,
			value: string,
			c: typeof ctx | typeof backlinksCtx = ctx,
		) => refusal(() => buildFilters(rows({ target: 1, field, operator, value }), 'and', c));
		expect(bad('backlinks', '>', 'ten')).toBe(
			'Filters: condition 1: "1.backlinks" is a number field, and "ten" is not one; write e.g. 10.',
		);
		expect(bad('first_seen', '>', 'last week')).toMatch(
			/"1.first_seen" is a date field.*2024-01-31/,
		);
		expect(bad('dofollow', '=', 'yes', backlinksCtx)).toMatch(
			/"dofollow" is a yes\/no field.*true or false/,
		);
		expect(bad('backlinks', '>', '  ')).toMatch(/condition 1 has no value for "1.backlinks"/);
	});

	it('turns a comma-separated list into a typed list for in and not_in', () => {
		expect(
			buildFilters(
				rows({ target: 1, field: 'rank', operator: 'in', value: '1, 2,3,' }),
				'and',
				ctx,
			),
		).toEqual(['1.rank', 'in', [1, 2, 3]]);
		expect(
			buildFilters(
				rows({ target: 2, field: 'target', operator: 'not_in', value: 'a.com, b.com' }),
				'and',
				ctx,
			),
		).toEqual(['2.target', 'not_in', ['a.com', 'b.com']]);
		expect(
			buildFilters(rows({ field: 'rank', operator: 'in', value: [5, '6'] }), 'and', ctx),
		).toEqual(['1.rank', 'in', [5, 6]]);
		expect(
			refusal(() =>
				buildFilters(rows({ field: 'rank', operator: 'in', value: ' , ' }), 'and', ctx),
			),
		).toMatch(/comma-separated list/);
	});

	it('refuses an operator that does not fit the field type', () => {
		expect(
			refusal(() =>
				buildFilters(
					rows({ target: 1, field: 'backlinks', operator: 'like', value: '1%' }),
					'and',
					ctx,
				),
			),
		).toBe(
			'Filters: condition 1: "like" does not work on "1.backlinks", which is a number field. Use one of < <= > >= = <> in not_in.',
		);
		expect(
			refusal(() =>
				buildFilters(
					rows({ field: 'dofollow', operator: '>', value: 'true' }),
					'and',
					backlinksCtx,
				),
			),
		).toMatch(/Use one of = <>/);
		expect(
			refusal(() =>
				buildFilters(rows({ field: 'rank', operator: 'between', value: '1' }), 'and', ctx),
			),
		).toMatch(/no valid operator; got "between"/);
	});

	it('puts no competitor prefix on row-level and backlinks fields', () => {
		expect(
			buildFilters(
				rows({ target: 2, field: 'intersections_count', operator: '>=', value: '2' }),
				'and',
				ctx,
			),
		).toEqual(['intersections_count', '>=', 2]);
		expect(
			buildFilters(
				rows({ field: 'anchor', operator: 'ilike', value: '%seo%' }),
				'and',
				backlinksCtx,
			),
		).toEqual(['anchor', 'ilike', '%seo%']);
	});

	it('refuses a competitor that is not in the list, and a row without a field', () => {
		expect(
			refusal(() =>
				buildFilters(rows({ target: 3, field: 'rank', operator: '>', value: '1' }), 'and', ctx),
			),
		).toBe(
			'Filters: condition 1 points at competitor 3, but there are 2 competitors. Pick one from 1 to 2.',
		);
		expect(
			refusal(() => buildFilters(rows({ target: 1, operator: '>', value: '1' }), 'and', ctx)),
		).toMatch(/condition 1 has no field/);
	});

	it('reads unknown fields (newer than the bundled list) by how the value looks', () => {
		const one = (value: string) =>
			buildFilters(rows({ target: 1, field: 'new_metric', operator: '=', value }), 'and', ctx);
		expect(one('5')).toEqual(['1.new_metric', '=', 5]);
		expect(one('false')).toEqual(['1.new_metric', '=', false]);
		expect(one('abc')).toEqual(['1.new_metric', '=', 'abc']);
	});
});

describe('values from expressions', () => {
	it('take numbers and lists as they are, and refuse null outside = and <>', () => {
		const one = (operator: string, value: unknown) =>
			buildFilters(rows({ target: 1, field: 'rank', operator, value }), 'and', ctx);
		expect(one('gt', 5)).toEqual(['1.rank', '>', 5]);
		expect(one('eq', null)).toEqual(['1.rank', '=', null]);
		expect(refusal(() => one('gt', null))).toMatch(/condition 1 has no value for "1.rank"/);
		expect(refusal(() => one('gt', { a: 1 }))).toMatch(/\{"a":1\} is not a value for "1.rank"/);
	});
});

describe('operators', () => {
	it('read the stored words and the API’s own symbols alike', () => {
		const op = (operator: string) =>
			buildFilters(rows({ target: 1, field: 'rank', operator, value: '5' }), 'and', ctx);
		for (const [word, symbol] of [
			['lt', '<'],
			['lte', '<='],
			['gt', '>'],
			['gte', '>='],
			['eq', '='],
			['ne', '<>'],
		]) {
			expect(op(word)).toEqual(['1.rank', symbol, 5]);
			expect(op(symbol)).toEqual(['1.rank', symbol, 5]);
		}
	});
});

describe('buildOrderBy', () => {
	it('turns rows into "field,direction" rules in order', () => {
		const builder = {
			rules: [
				{ target: 1, field: 'backlinks', direction: 'desc' },
				{ target: 2, field: 'rank', direction: 'asc' },
				{ field: 'intersections_count' },
			],
		};
		expect(buildOrderBy(builder, ctx)).toEqual([
			'1.backlinks,desc',
			'2.rank,asc',
			'intersections_count,desc',
		]);
		expect(buildOrderBy({ rules: [] }, ctx)).toBeUndefined();
	});

	it('refuses a direction other than asc or desc', () => {
		expect(
			refusal(() => buildOrderBy({ rules: [{ field: 'rank', direction: 'up' }] }, ctx)),
		).toMatch(/rule 1: the direction must be asc or desc; got "up"/);
	});
});

describe('buildFilters: dates as n8n users type them', () => {
	const ctx = {
		label: 'Filters',
		table: BUNDLED_CATALOGUE.domain_intersection,
		targetCount: 2,
	};
	const firstSeen = (value: unknown) =>
		buildFilters(
			{ conditions: [{ target: 1, field: 'first_seen', operator: 'gt', value }] },
			'and',
			ctx,
		);

	it.each([
		['2024-01-31T00:00:00.000Z', '2024-01-31 00:00:00 +00:00'],
		['2024-01-31T10:30:00+02:00', '2024-01-31 08:30:00 +00:00'],
		['2024-01-31T10:30', '2024-01-31 10:30:00 +00:00'],
		['2024-01-31', '2024-01-31'],
		['2024-01-31 00:00:00 +00:00', '2024-01-31 00:00:00 +00:00'],
	])('sends %s as %s', (typed, sent) => {
		expect(firstSeen(typed)).toEqual(['1.first_seen', '>', sent]);
	});

	it('sends an n8n DateTime value (Luxon) and a Date in UTC', () => {
		const moment = new Date('2024-03-05T23:15:07.000Z');
		const luxonLike = {
			isValid: true,
			toJSDate: () => moment,
			toISO: () => '2024-03-06T00:15:07+01:00',
		};
		expect(firstSeen(luxonLike)).toEqual(['1.first_seen', '>', '2024-03-05 23:15:07 +00:00']);
		expect(firstSeen(moment)).toEqual(['1.first_seen', '>', '2024-03-05 23:15:07 +00:00']);
	});

	it('still refuses text that is no date, naming the forms it takes', () => {
		expect(() => firstSeen('last week')).toThrow(/date field.*2024-01-31T00:00:00Z/);
	});
});
