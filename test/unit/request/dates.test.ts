import { toApiDate } from '../../../nodes/DataForSeoDomainIntersection/request/dates';
import { validateFilters } from '../../../nodes/DataForSeoDomainIntersection/request/filterGrammar';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

describe('dates are real calendar dates (issue 19, point 6)', () => {
	it.each([
		'2024-13-45',
		'2024-02-30',
		'2023-02-29',
		'2024-02-30 25:61:99 +99:99',
		'2024-01-31 24:00:00 +00:00',
		'2024-01-31 10:60',
		'2024-01-31 10:30:00 +15:00',
		'2024-01-31 10:30:00 +05:60',
		'2024-01-31T10:30:00+99',
		'2024-1-31',
	])('refuses %s', (typed) => {
		expect(toApiDate(typed)).toBeUndefined();
	});

	it.each([
		['2024-02-29', '2024-02-29'],
		['2024-01-31 00:00:00 +00:00', '2024-01-31 00:00:00 +00:00'],
		// Offsets are converted: DataForSEO documents its dates in UTC.
		['2024-01-31 00:00:00 +02:00', '2024-01-30 22:00:00 +00:00'],
		['2024-01-31 23:30:00 -01:00', '2024-02-01 00:30:00 +00:00'],
		['2024-01-31 10:30', '2024-01-31 10:30:00 +00:00'],
		// ISO text with an hour-only or compact offset, as Luxon and other tools write it.
		['2024-01-31T10:30:00+05', '2024-01-31 05:30:00 +00:00'],
		['2024-01-31T10:30:00+0530', '2024-01-31 05:00:00 +00:00'],
		['2024-01-31T10:30:00.123Z', '2024-01-31 10:30:00 +00:00'],
	])('sends %s as %s', (typed, sent) => {
		expect(toApiDate(typed)).toBe(sent);
	});
});

describe('dates in Filters (JSON)', () => {
	const rules = { field: 'Advanced > Filters (JSON)', targetCount: 2 };

	it('converts a date to DataForSEO form, as the builder does', () => {
		expect(validateFilters(['1.first_seen', '>', '2024-01-31 00:00:00 +02:00'], rules)).toEqual([
			'1.first_seen',
			'>',
			'2024-01-30 22:00:00 +00:00',
		]);
	});

	it('refuses a date that does not exist, naming the field, before anything is sent', () => {
		const parameters = nodeParameters({
			targets: 'moz.com, ahrefs.com',
			options: { filtersJson: '["1.first_seen", ">", "2024-13-45"]' },
		});
		expect(() => buildRequest(parameters)).toThrow(
			/^Advanced > Filters \(JSON\): the filter: "2024-13-45" is not a real date and time/,
		);
	});

	it('leaves text that is not shaped like a date alone', () => {
		expect(validateFilters(['1.target', 'like', '%2024%'], rules)).toEqual([
			'1.target',
			'like',
			'%2024%',
		]);
	});
});
