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
