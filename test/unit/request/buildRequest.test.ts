import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

const base = nodeParameters;

function inputError(params: NodeParameters): InputError {
	try {
		buildRequest(params);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError');
}

describe('buildRequest: the docs example', () => {
	it('sends exactly the documented task fields and nothing unset', () => {
		const request = buildRequest(
			base({
				targets: 'moz.com\nahrefs.com',
				excludeTargets: 'semrush.com',
				limit: 5,
				options: {
					orderByJson: '["1.backlinks,desc"]',
					includeSubdomains: false,
					excludeInternalBacklinks: true,
				},
			}),
		);
		expect(request.task).toEqual({
			targets: { '1': 'moz.com', '2': 'ahrefs.com' },
			exclude_targets: ['semrush.com'],
			order_by: ['1.backlinks,desc'],
			include_subdomains: false,
			exclude_internal_backlinks: true,
		});
		expect(request.wanted).toBe(5);
		expect(request.paged).toBe(false);
		expect(request.offset).toBeUndefined();
	});
});

describe('buildRequest: field mapping', () => {
	it('maps every option to its snake_case field', () => {
		const request = buildRequest(
			base({
				options: {
					offset: 10,
					filtersJson: '["1.backlinks", ">", 10]',
					orderByJson: '["2.rank,asc"]',
					backlinksFiltersJson: '[["dofollow", "=", true]]',
					internalListLimit: 20,
					backlinksStatusType: 'lost',
					includeSubdomains: true,
					includeIndirectLinks: false,
					excludeInternalBacklinks: false,
					intersectionMode: 'partial',
					rankScale: 'one_hundred',
					tag: 'weekly',
				},
			}),
		);
		expect(request.task).toEqual({
			targets: { '1': 'moz.com', '2': 'ahrefs.com' },
			filters: ['1.backlinks', '>', 10],
			order_by: ['2.rank,asc'],
			backlinks_filters: [['dofollow', '=', true]],
			internal_list_limit: 20,
			backlinks_status_type: 'lost',
			include_subdomains: true,
			include_indirect_links: false,
			exclude_internal_backlinks: false,
			intersection_mode: 'partial',
			rank_scale: 'one_hundred',
			tag: 'weekly',
		});
		expect(request.offset).toBe(10);
	});

	it('accepts arrays from expressions and JSON already parsed', () => {
		const request = buildRequest(
			base({
				targets: ['moz.com', ['ahrefs.com']],
				excludeTargets: ['mine.com'],
				options: { filtersJson: [['1.rank', '>', 1], 'or', ['2.rank', '>', 1]] as never },
			}),
		);
		expect(request.targets).toEqual(['moz.com', 'ahrefs.com']);
		expect(request.task.exclude_targets).toEqual(['mine.com']);
		expect(request.task.filters).toEqual([['1.rank', '>', 1], 'or', ['2.rank', '>', 1]]);
	});

	it('treats cleared options as not set and never sends null', () => {
		const request = buildRequest(
			base({ options: { tag: '', offset: null as never, filtersJson: '' } }),
		);
		expect(request.task).toEqual({ targets: { '1': 'moz.com', '2': 'ahrefs.com' } });
		expect(JSON.stringify(request.task)).not.toContain('null');
	});

	it('sends nothing for a JSON option just added: its empty list, also as text with spaces', () => {
		for (const empty of ['[]', ' [ ] ', '  ', []]) {
			const options = { filtersJson: empty, orderByJson: empty, backlinksFiltersJson: empty };
			const request = buildRequest(base({ options: options as never }));
			expect(request.task).toEqual({ targets: { '1': 'moz.com', '2': 'ahrefs.com' } });
		}
	});

	it('plans paging for Return All and for limits above 1000', () => {
		expect(buildRequest(base({ returnAll: true, maxResults: 10000 }))).toMatchObject({
			wanted: 10000,
			cap: 'maxResults',
			paged: true,
		});
		expect(buildRequest(base({ returnAll: true, maxResults: 0 }))).toMatchObject({
			wanted: Infinity,
			cap: 'none',
		});
		expect(buildRequest(base({ limit: 2500 }))).toMatchObject({ wanted: 2500, paged: true });
		expect(buildRequest(base({ limit: 1000 }))).toMatchObject({ paged: false });
	});

	it('has run settings with documented defaults', () => {
		expect(buildRequest(base()).settings).toEqual({
			maxRetries: 3,
			retryDelay: 1000,
			timeout: 120000,
			concurrency: 5,
			requestsPerMinute: 2000,
			maxCost: undefined,
		});
	});
});

describe('buildRequest: targets', () => {
	it('trims, lowercases, strips www. and trailing slashes, drops empty entries', () => {
		const request = buildRequest(base({ targets: ' WWW.Moz.com/ ,, \n\nahrefs.com,\n' }));
		expect(request.targets).toEqual(['moz.com', 'ahrefs.com']);
	});

	it('keeps page URLs exactly as typed', () => {
		const request = buildRequest(
			base({ targets: 'https://www.moz.com/blog/, http://a.org/x?y=1' }),
		);
		expect(request.targets).toEqual(['https://www.moz.com/blog/', 'http://a.org/x?y=1']);
	});

	it('drops repeated targets, keeping the first', () => {
		expect(buildRequest(base({ targets: 'moz.com, www.moz.com, ahrefs.com' })).targets).toEqual([
			'moz.com',
			'ahrefs.com',
		]);
	});

	it('refuses repeats when filters refer to target numbers', () => {
		const error = inputError(
			base({
				targets: 'moz.com, moz.com, ahrefs.com',
				options: { orderByJson: '["2.rank,desc"]' },
			}),
		);
		expect(error.message).toMatch(/Competitors.*repeats/);
	});

	it.each([
		['', /at least 1/],
		['moz.com/blog', /looks like a page.*https:\/\//],
		['ftp://moz.com', /must start with http/],
		['https://', /not a page URL with a valid domain/],
		['localhost', /not a domain/],
		['moz..com', /not a domain/],
		['-bad-.com', /not a domain/],
		['moz.com/*', /only allowed in "Your Domains/],
	])('refuses target %j', (targets, pattern) => {
		const error = inputError(base({ targets }));
		expect(error.field).toBe('Competitors');
		expect(error.message).toMatch(pattern);
	});

	it('refuses non-text entries from expressions', () => {
		expect(inputError(base({ targets: ['moz.com', { a: 1 }] })).message).toMatch(
			/entry 2 is \{"a":1\}/,
		);
	});

	it('allows 20 targets and refuses 21', () => {
		const list = (n: number) => Array.from({ length: n }, (_, i) => `site${i}.com`);
		expect(buildRequest(base({ targets: list(20) })).targets).toHaveLength(20);
		expect(inputError(base({ targets: list(21) })).message).toMatch(/21 entries given.*at most 20/);
	});

	it('allows 10 exclude targets with wildcards and refuses 11', () => {
		const list = (n: number) => Array.from({ length: n }, (_, i) => `https://mine${i}.com/blog/*`);
		expect(buildRequest(base({ excludeTargets: list(10) })).excludeTargets).toHaveLength(10);
		const error = inputError(base({ excludeTargets: list(11) }));
		expect(error.field).toBe('Your Domains (Exclude)');
		expect(error.message).toMatch(/at most 10/);
	});

	it('refuses a domain that is both competitor and excluded', () => {
		expect(inputError(base({ excludeTargets: 'www.moz.com' })).message).toMatch(
			/"moz.com" is also a competitor/,
		);
	});
});

describe('buildRequest: numbers and text', () => {
	it.each([
		[{ limit: 0 }, /Limit: must be at least 1; got 0/],
		[{ limit: 2.5 }, /Limit: must be a whole number/],
		[{ limit: 'ten' }, /Limit: must be a number/],
		[{ returnAll: true, maxResults: -1 }, /Max Results: must be at least 0/],
		[{ outputFormat: 'csv' }, /Output Format/],
		[{ options: { offset: -1 } }, /Offset: must be at least 0; got -1/],
		[{ options: { internalListLimit: 0 } }, /Internal List Limit.*at least 1/],
		[{ options: { internalListLimit: 1001 } }, /Internal List Limit.*at most 1000/],
		[{ options: { tag: 'x'.repeat(256) } }, /Tag: must be 255 characters or fewer/],
		[{ options: { backlinksStatusType: 'dead' } }, /Backlinks Status/],
		[{ options: { intersectionMode: 'some' } }, /Sites Linking To/],
		[{ options: { rankScale: 'ten' } }, /Rank Scale/],
		[{ options: { concurrency: 31 } }, /Advanced > Concurrency: must be at most 30/],
		[{ options: { requestsPerMinute: 2001 } }, /Requests per Minute.*at most 2000/],
		[{ options: { maxCost: -1 } }, /Max Cost.*0 \(no cap\) or more/],
		[{ options: { maxRetries: 11 } }, /Max Retries.*at most 10/],
	])('refuses %j', (overrides, pattern) => {
		expect(inputError(base(overrides as Partial<NodeParameters>)).message).toMatch(pattern);
	});

	it('accepts the edges', () => {
		const request = buildRequest(
			base({ limit: 1, options: { offset: 0, internalListLimit: 1000, tag: 'x'.repeat(255) } }),
		);
		expect(request.task).toMatchObject({ internal_list_limit: 1000 });
		expect(request.offset).toBe(0);
	});
});

describe('buildRequest: match mode', () => {
	const four = 'a.com, b.com, c.com, d.com';

	it('plans one series per combination for "at least K of N"', () => {
		const request = buildRequest(
			base({ targets: four, options: { matchMode: 'atLeast', minMatches: 2 } }),
		);
		// 6 pairs, 4 triples and all four: each call finds the domains linking to exactly those.
		expect(request.atLeast?.subsets).toHaveLength(11);
		expect(buildRequest(base({ targets: four })).atLeast).toBeUndefined();
	});

	it('refuses K outside 1..N', () => {
		expect(
			inputError(base({ targets: four, options: { matchMode: 'atLeast', minMatches: 5 } })).message,
		).toMatch(/Minimum Matches: must be between 1 and the number of competitors \(4\); got 5/);
		expect(inputError(base({ targets: four, options: { matchMode: 'atLeast' } })).message).toMatch(
			/got nothing/,
		);
	});

	it('refuses too many combinations, giving the count', () => {
		const seven = 'a.com, b.com, c.com, d.com, e.com, f.com, g.com';
		expect(
			inputError(base({ targets: seven, options: { matchMode: 'atLeast', minMatches: 3 } }))
				.message,
		).toMatch(/needs 99 combinations.*at least 99 requests.*limit is 30/);
		expect(
			buildRequest(
				base({ targets: seven, options: { matchMode: 'atLeast', minMatches: 3, maxSubsets: 99 } }),
			).atLeast?.subsets,
		).toHaveLength(99);
	});

	it('refuses a plan that would exclude more than DataForSEO allows', () => {
		const nine = Array.from({ length: 9 }, (_, i) => `t${i}.com`).join(', ');
		// At least 1 of 9 leaves 8 competitors out of a call; with 3 of your own that is 11.
		expect(
			inputError(
				base({
					targets: nine,
					options: { matchMode: 'atLeast', minMatches: 1, maxSubsets: 1000 },
					excludeTargets: 'me.com, you.com, us.com',
				}),
			).message,
		).toMatch(/more than the 10 exclusions/);
	});

	it('reads only-new and summary settings', () => {
		const request = buildRequest(
			base({ outputFormat: 'summary', options: { onlyNew: true, resetSeen: true } }),
		);
		expect(request).toMatchObject({ outputFormat: 'summary', onlyNew: true, resetSeen: true });
		expect(request.task).toEqual({ targets: { '1': 'moz.com', '2': 'ahrefs.com' } });
	});
});
