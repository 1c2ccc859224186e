import { splitList } from '../../../nodes/DataForSeoDomainIntersection/request/lists';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import {
	normalizeList,
	normalizeTarget,
} from '../../../nodes/DataForSeoDomainIntersection/request/targets';
import { nodeParameters } from '../nodeParameters';

const request = (targets: unknown, excludeTargets: unknown = ''): ReturnType<typeof buildRequest> =>
	buildRequest(nodeParameters({ targets, excludeTargets, limit: 10 } as Partial<NodeParameters>));

describe('targets as people paste them', () => {
	it.each([
		['https://www.moz.com/', 'moz.com'],
		['https://www.moz.com', 'moz.com'],
		['HTTPS://WWW.MOZ.COM/', 'moz.com'],
		['http://blog.moz.com/', 'blog.moz.com'],
		['https://bücher.de/', 'xn--bcher-kva.de'],
	])('reads the homepage URL %s as the domain %s, and says so', (entry, domain) => {
		const target = normalizeTarget(entry, 'Competitors', 1);
		expect(target.value).toBe(domain);
		expect(target.note).toBe(`"${entry}" was read as the domain ${domain}`);
	});

	it.each([
		'https://moz.com/blog/',
		'https://moz.com/?ref=1',
		'https://moz.com/#top',
		'https://moz.com/Blog',
	])('keeps %s a page, as typed', (entry) => {
		expect(normalizeTarget(entry, 'Competitors', 1)).toEqual({ value: entry });
	});

	it('keeps a wildcard page in the exclude list a page', () => {
		expect(normalizeTarget('https://you.com/*', 'x', 1, true)).toEqual({
			value: 'https://you.com/*',
		});
	});

	it.each([
		['bücher.de', 'xn--bcher-kva.de'],
		['WWW.Bücher.DE', 'xn--bcher-kva.de'],
		['moz.com.', 'moz.com'],
		['www.moz.com.', 'moz.com'],
		['Moz.com/', 'moz.com'],
	])('normalises the domain %s to %s', (entry, domain) => {
		expect(normalizeTarget(entry, 'x', 1).value).toBe(domain);
	});

	it('converts international domains in the exclude list too', () => {
		expect(request('moz.com', 'bücher.de').excludeTargets).toEqual(['xn--bcher-kva.de']);
	});

	it('sends the pasted homepage URLs as domains and notes it for the hint', () => {
		const built = request('https://www.moz.com, https://www.ahrefs.com/');
		expect(built.task.targets).toEqual({ '1': 'moz.com', '2': 'ahrefs.com' });
		expect(built.notes).toEqual([
			'"https://www.moz.com" was read as the domain moz.com',
			'"https://www.ahrefs.com/" was read as the domain ahrefs.com',
		]);
	});

	it('catches a domain that is both a competitor and excluded, however it was written', () => {
		expect(() => request('moz.com, ahrefs.com', 'https://www.moz.com/')).toThrow(
			/"moz.com" is also a competitor/,
		);
		expect(() => request('bücher.de, ahrefs.com', 'xn--bcher-kva.de')).toThrow(
			/is also a competitor/,
		);
	});

	it('drops a repeat that only differs in its form', () => {
		expect(
			normalizeList('moz.com, https://www.moz.com/', 'x', {
				min: 1,
				max: 20,
				allowWildcard: false,
			}),
		).toMatchObject({
			values: ['moz.com'],
			droppedDuplicates: true,
		});
	});
});

describe('lists written the way people and AI models write them', () => {
	it.each([
		['moz.com, ahrefs.com'],
		['moz.com; ahrefs.com'],
		['moz.com and ahrefs.com'],
		['moz.com,  and ahrefs.com'],
		['  moz.com   ahrefs.com  '],
		['moz.com\nahrefs.com'],
		['["moz.com","ahrefs.com"]'],
		[' [ "moz.com", "ahrefs.com" ] '],
		[['moz.com', 'ahrefs.com']],
	])('reads %j as two entries', (value) => {
		expect(splitList(value, 'x')).toEqual(['moz.com', 'ahrefs.com']);
	});

	it.each(['none', 'None', 'n/a', 'N/A', '-', ' none '])(
		'reads %j in Your Domains (Exclude) as no exclusion',
		(word) => {
			expect(request('moz.com, ahrefs.com', word).task.exclude_targets).toBeUndefined();
		},
	);

	it('does not read "none" as an empty competitor list', () => {
		expect(() => request('none')).toThrow(InputError);
	});
});

const values = (targets: unknown) => request(targets).targets;

function refusal(targets: unknown, excludeTargets: unknown = ''): string {
	try {
		request(targets, excludeTargets);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as InputError).message;
	}
	throw new Error('expected an InputError');
}

describe('page URLs are split only where a list separates them', () => {
	it.each([
		['https://moz.com/blog/a,b', ['https://moz.com/blog/a,b']],
		['https://moz.com/blog/a,b, ahrefs.com', ['https://moz.com/blog/a,b', 'ahrefs.com']],
		['https://moz.com/a,b\nahrefs.com', ['https://moz.com/a,b', 'ahrefs.com']],
		['https://moz.com/a;b=1', ['https://moz.com/a;b=1']],
		['https://moz.com/a,https://ahrefs.com/b', ['https://moz.com/a', 'https://ahrefs.com/b']],
		['https://moz.com/blog/,www.ahrefs.com', ['https://moz.com/blog/', 'ahrefs.com']],
		['https://moz.com/blog/,ahrefs.com', ['https://moz.com/blog/', 'ahrefs.com']],
		[
			'https://en.wikipedia.org/wiki/Washington,_D.C.',
			['https://en.wikipedia.org/wiki/Washington,_D.C.'],
		],
		['https://moz.com/blog/ ahrefs.com', ['https://moz.com/blog/', 'ahrefs.com']],
		['https://moz.com/blog/ and ahrefs.com', ['https://moz.com/blog/', 'ahrefs.com']],
		['https://moz.com/my page', ['https://moz.com/my%20page']],
		['https://moz.com/my page ahrefs.com', ['https://moz.com/my%20page', 'ahrefs.com']],
	])('reads %j as %j', (typed, expected) => {
		expect(values(typed)).toEqual(expected);
	});
});

describe('every entry’s host is checked', () => {
	it.each([
		'https://www.',
		'https://www./',
		'https://www./blog/',
		'https://-moz.com/blog/',
		'https://localhost/blog/',
		'https://127.0.0.1/',
		'http://moz..com/',
	])('refuses %j, quoting it', (entry) => {
		expect(refusal(entry)).toMatch(
			new RegExp(
				`^Competitors: entry 1 ${JSON.stringify(entry).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `,
			),
		);
		expect(refusal(entry)).toMatch(/domain/);
	});

	it('keeps the domain www.com, which is not a www. prefix', () => {
		expect(values('www.com, https://www.com/')).toEqual(['www.com']);
	});
});

describe('one form for every host', () => {
	it.each([
		['https://bücher.de/blog/', 'https://xn--bcher-kva.de/blog/'],
		['https://Moz.COM/Blog', 'https://moz.com/Blog'],
		['HTTPS://moz.com/blog/', 'https://moz.com/blog/'],
		['https://moz.com./blog/', 'https://moz.com/blog/'],
	])('sends %j as %j, the path as typed', (typed, sent) => {
		expect(values(typed)).toEqual([sent]);
	});

	it('compares page URLs of competitors and exclusions by their host in any case', () => {
		expect(refusal('https://Moz.com/blog/, ahrefs.com', 'https://moz.com/blog/')).toMatch(
			/"https:\/\/moz.com\/blog\/" is also a competitor/,
		);
		expect(
			refusal('https://bücher.de/blog/, ahrefs.com', 'https://xn--bcher-kva.de/blog/'),
		).toMatch(/is also a competitor/);
	});

	it('catches an exclusion whose wildcard covers a competitor’s page', () => {
		expect(refusal('https://moz.com/blog/, ahrefs.com', 'https://MOZ.com/*')).toMatch(
			/"https:\/\/moz.com\/\*" covers the competitor "https:\/\/moz.com\/blog\/"/,
		);
		expect(
			request('https://moz.com/blog/, ahrefs.com', 'https://moz.com/shop/*').excludeTargets,
		).toEqual(['https://moz.com/shop/*']);
	});
});

describe('errors quote what was typed', () => {
	it.each([
		['not a domain!!', 'entry 1 "not a domain!!" is not a domain'],
		['moz.com, not a domain!!', 'entry 2 "not a domain!!" is not a domain'],
		['moz.com ahrefs', 'entry 1 "moz.com ahrefs" is not a domain'],
	])('%j', (typed, problem) => {
		expect(refusal(typed)).toMatch(new RegExp(`^Competitors: ${problem}\\.`));
	});

	it('splits domains separated by spaces, as the help says', () => {
		expect(values('moz.com ahrefs.com')).toEqual(['moz.com', 'ahrefs.com']);
	});

	it.each([
		[{ domain: 'moz.com' }, '{"domain":"moz.com"}'],
		[new Map(), '{}'],
	])('says an object from an expression is not a list: %j', (value, shown) => {
		const message = refusal(value);
		expect(message).toContain(`Competitors: the expression gave ${shown}, not a list of domains.`);
		expect(message).not.toMatch(/\[object/);
	});

	it('says how to fit the limit without n8n’s words', () => {
		const list = Array.from({ length: 22 }, (_, i) => `site${i}.com`);
		expect(refusal(list)).toBe(
			'Competitors: 22 entries given, but DataForSEO accepts at most 20. Remove 2 of them.',
		);
		expect(refusal(list.slice(0, 2), list.slice(2, 13))).toBe(
			'Your Domains (Exclude): 11 entries given, but DataForSEO accepts at most 10. Remove 1 of them.',
		);
	});
});
