import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import {
	onPlatform,
	platformCondition,
} from '../../../nodes/DataForSeoDomainIntersection/request/prospects';
import { DEFAULT_PLATFORMS } from '../../../nodes/DataForSeoDomainIntersection/fields/prospects';
import { nodeParameters } from '../nodeParameters';

const skip = (options: Record<string, unknown> = {}) =>
	buildRequest(nodeParameters({ options: { skipPlatforms: true, ...options } }));

describe('Skip Platforms', () => {
	it('sends one not_regex condition on the referring domain, with the default list', () => {
		const request = skip();
		expect(request.prospects.skipPlatforms).toEqual(DEFAULT_PLATFORMS);
		expect(request.task.filters).toEqual(platformCondition(DEFAULT_PLATFORMS));
		const [field, operator, pattern] = request.task.filters as [string, string, string];
		expect([field, operator]).toEqual(['1.target', 'not_regex']);
		const regex = new RegExp(pattern);
		expect(regex.test('someone.blogspot.com')).toBe(true);
		expect(regex.test('blogspot.com')).toBe(true);
		expect(regex.test('notblogspot.com')).toBe(false);
		expect(regex.test('medium.company.org')).toBe(false);
	});

	it('reads an edited list as people write it', () => {
		const request = skip({ platforms: '*.Blogspot.com, https://www.medium.com/\n.github.io' });
		expect(request.prospects.skipPlatforms).toEqual(['blogspot.com', 'medium.com', 'github.io']);
	});

	it('adds its condition to the filters, within the 8 DataForSEO allows', () => {
		const request = skip({ filtersJson: '["1.backlinks", ">", 10]' });
		expect(request.task.filters).toEqual([
			['1.backlinks', '>', 10],
			'and',
			platformCondition(DEFAULT_PLATFORMS),
		]);
		const eight = JSON.stringify(
			Array.from({ length: 8 }, (_, i) => ['1.backlinks', '>', i]).flatMap((c, i) =>
				i === 0 ? [c] : ['and', c],
			),
		);
		expect(() => skip({ filtersJson: eight })).toThrow(
			/^Options > Skip Platforms: needs one of DataForSEO's 8 filter conditions, and your filters already use 8/,
		);
	});

	it('refuses a list entry that is not a domain, and an empty list, naming the field', () => {
		expect(() => skip({ platforms: 'blogspot.com, not a domain!' })).toThrow(
			/^Options > Platforms to Skip: entry 2 \("not"\) is not a domain|^Options > Platforms to Skip: entry/,
		);
		expect(() => skip({ platforms: '[]' })).toThrow(/^Options > Platforms to Skip: is empty/);
	});

	it('stays local in Partial mode, where a row need not have competitor 1', () => {
		const request = skip({ intersectionMode: 'partial' });
		expect(request.task.filters).toBeUndefined();
		expect(request.prospects.skipFilter).toBeUndefined();
		expect(request.prospects.skipPlatforms.length).toBeGreaterThan(0);
	});

	it('leaves At Least filters as typed: the condition is added per combination call', () => {
		const request = skip({ matchMode: 'atLeast', minMatches: 1 });
		expect(request.task.filters).toBeUndefined();
		expect(request.prospects.skipFilter).toEqual(platformCondition(DEFAULT_PLATFORMS));
	});

	it('sends nothing when off, even with the list added', () => {
		const request = buildRequest(nodeParameters({ options: { platforms: 'blogspot.com' } }));
		expect(request.task.filters).toBeUndefined();
		expect(request.prospects.skipPlatforms).toEqual([]);
	});

	it('matches a platform and its subdomains only', () => {
		expect(onPlatform('a.b.github.io', ['github.io'])).toBe(true);
		expect(onPlatform('github.io', ['github.io'])).toBe(true);
		expect(onPlatform('mygithub.io', ['github.io'])).toBe(false);
		expect(onPlatform(null, ['github.io'])).toBe(false);
	});
});

describe('Prospect Score options', () => {
	it('turns the score on with the sort, and refuses what is not a yes or no', () => {
		const sorted = buildRequest(nodeParameters({ options: { sortByScore: true } }));
		expect(sorted.prospects).toMatchObject({ score: true, sortByScore: true });
		expect(() => buildRequest(nodeParameters({ options: { prospectScore: 'maybe' } }))).toThrow(
			/^Options > Prospect Score: must be true or false; got "maybe"\./,
		);
	});
});
