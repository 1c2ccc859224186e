import { MAX_RESULTS_DEFAULT } from '../../../nodes/DataForSeoDomainIntersection/fields/main';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import { nodeParameters } from '../nodeParameters';

const build = (overrides: Partial<NodeParameters>) => buildRequest(nodeParameters(overrides));

function refusal(overrides: Partial<NodeParameters>): InputError {
	try {
		build(overrides);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError');
}

// What `={{ $json.max }}` gives when the column is missing, empty or holds a space.
const BLANKS: unknown[] = [null, undefined, '', ' ', '\t\n'];

describe('a blank number from an expression means the field’s default', () => {
	it.each(BLANKS)('Max Results %j is the default cap, not "no cap"', (blank) => {
		const request = build({ returnAll: true, maxResults: blank });
		expect(request).toMatchObject({ wanted: MAX_RESULTS_DEFAULT, cap: 'maxResults' });
		expect(request.notes).toEqual([
			`Max Results was empty, so its default (${MAX_RESULTS_DEFAULT.toLocaleString('en-US')}) was used`,
		]);
	});

	it('keeps the cap a node of version 1 was saved with', () => {
		expect(build({ returnAll: true, maxResults: ' ', version: 1 }).wanted).toBe(10000);
	});

	it.each(BLANKS)('Limit %j is the default Limit', (blank) => {
		expect(build({ limit: blank }).wanted).toBe(50);
	});

	it.each(BLANKS)('Max Cost %j is no cap, and the hint says so', (blank) => {
		const request = build({ options: { maxCost: blank as never } });
		expect(request.settings.maxCost).toBeUndefined();
		if (blank !== undefined)
			expect(request.notes).toEqual([
				'Options > Max Cost (USD) was empty, so its default (0, no cap) was used',
			]);
	});

	it.each([
		['timeout', 120000],
		['concurrency', 5],
		['requestsPerMinute', 2000],
		['maxRetries', 3],
		['retryDelay', 1000],
	] as const)('Options > %s " " is its default, %j', (name, value) => {
		expect(build({ options: { [name]: ' ' } }).settings[name]).toBe(value);
	});

	it('sends a blank Offset or Internal List Limit not at all', () => {
		const request = build({ options: { offset: ' ', internalListLimit: '' } });
		expect(request.offset).toBeUndefined();
		expect(request.task).not.toHaveProperty('internal_list_limit');
	});

	it('reads a blank Max Competitor Combinations as its default 30', () => {
		const seven = 'a.com, b.com, c.com, d.com, e.com, f.com, g.com';
		expect(
			refusal({ targets: seven, options: { matchMode: 'atLeast', minMatches: 3, maxSubsets: ' ' } })
				.message,
		).toMatch(/limit is 30/);
	});

	it('takes numeric text as the number', () => {
		const request = build({
			returnAll: true,
			maxResults: ' 2000 ',
			options: { maxCost: '1.5', offset: '10' },
		});
		expect(request).toMatchObject({ wanted: 2000, offset: 10 });
		expect(request.settings.maxCost).toBe(1.5);
		expect(request.notes).toEqual([]);
	});
});

describe('text that is not a number is refused, naming the field', () => {
	it.each([
		[{ options: { maxCost: 'abc' } }, 'Options > Max Cost (USD): must be a number; got "abc".'],
		[{ options: { maxCost: '1,5' } }, 'Options > Max Cost (USD): must be a number; got "1,5".'],
		[{ returnAll: true, maxResults: 'all' }, 'Max Results: must be a number; got "all".'],
		[{ limit: '10 rows' }, 'Limit: must be a number; got "10 rows".'],
		[{ limit: true }, 'Limit: must be a number; got true.'],
		[{ returnAll: true, maxResults: [] }, 'Max Results: must be a number; got [].'],
		[{ returnAll: true, maxResults: [500] }, 'Max Results: must be a number; got [500].'],
		[{ limit: Number.NaN }, 'Limit: must be a number; got NaN.'],
		[
			{ options: { maxCost: 'Infinity' } },
			'Options > Max Cost (USD): must be a number; got "Infinity".',
		],
		[{ options: { offset: '0x10' } }, 'Advanced > Offset: must be a number; got "0x10".'],
		[
			{ options: { concurrency: 'five' } },
			'Advanced > Concurrency: must be a number; got "five".',
		],
		[{ options: { timeout: {} } }, 'Advanced > Timeout (Ms): must be a number; got {}.'],
		[
			{ options: { matchMode: 'atLeast', minMatches: 'two' } },
			'Options > Minimum Matches: must be a number; got "two".',
		],
		[
			{ options: { requestsPerMinute: 'max' } },
			'Advanced > Requests per Minute: must be a number; got "max".',
		],
		[
			{ options: { maxRetries: 'x' } },
			'Advanced > Max Retries: must be a number; got "x".',
		],
		[
			{ options: { retryDelay: '1s' } },
			'Advanced > Retry Delay (Ms): must be a number; got "1s".',
		],
		[
			{ options: { maxSubsets: 'lots' } },
			'Options > Max Competitor Combinations: must be a number; got "lots".',
		],
		[
			{ options: { internalListLimit: 'ten' } },
			'Advanced > Internal List Limit: must be a number; got "ten".',
		],
	])('%j', (overrides, message) => {
		expect(refusal(overrides as Partial<NodeParameters>).message).toBe(message);
	});
});
