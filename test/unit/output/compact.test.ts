import example from '../../fixtures/example_response.json';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import {
	ANSWER_MAX_CHARS,
	ANSWER_MAX_ROWS,
	compactAnswer,
	compactRow,
	compactRowCap,
	type CompactFacts,
} from '../../../nodes/DataForSeoDomainIntersection/output/compact';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

const items = example.tasks[0].result[0].items as unknown as ApiItem[];

const request = (targets: string, more: Record<string, unknown> = {}) =>
	buildRequest(
		nodeParameters({
			targets,
			excludeTargets: 'semrush.com',
			limit: 20,
			outputFormat: 'compact',
			...more,
		}),
	);

const facts = (overrides: Partial<CompactFacts> = {}): CompactFacts => ({
	request: request('moz.com, ahrefs.com'),
	rows: items.map((item) => compactRow(item, 2)),
	total: 40921,
	requests: 1,
	cost: 0.0215,
	fetched: items.length,
	warnings: [],
	orderBy: ['1.backlinks,desc'],
	...overrides,
});

/** An API item for `domain` with the same numbers for each of `targets` competitors. */
function item(domain: string, targets: number, data: Record<string, unknown>): ApiItem {
	const perTarget = Object.fromEntries(
		Array.from({ length: targets }, (_, i) => [String(i + 1), { target: domain, ...data }]),
	);
	return { domain_intersection: perTarget, summary: { intersections_count: targets } };
}

describe('compact answer', () => {
	it('gives one line per domain: domain, competitors linked, rank/backlinks/first seen each', () => {
		const [header, ...lines] = compactAnswer(facts()).split('\n');
		expect(lines).toHaveLength(items.length);
		const first = items[0].domain_intersection as Record<string, Record<string, unknown>>;
		const cell = (n: string) =>
			`${first[n].rank}/${first[n].backlinks}/${String(first[n].first_seen).slice(0, 10)}`;
		expect(lines[0]).toBe(`www.xroxy.com | 2 | ${cell('1')} | ${cell('2')}`);
		expect(header).toBe(
			'Link gap: 40,921 domains link to all of moz.com, ahrefs.com and not to semrush.com. ' +
				'Showing 5, by moz.com backlinks, highest first. Cost $0.0215 (1 request). ' +
				'Lines: domain | competitors linked | rank/backlinks/first seen for each competitor in order; - means no data.',
		);
	});

	it('writes no JSON and no nulls', () => {
		const text = compactAnswer(facts());
		expect(text).not.toMatch(/[{}[\]"]|null/);
	});

	it('leaves out a metric no row has, and shows a missing value as -', () => {
		const rows = [
			compactRow(item('a.com', 2, { rank: 10, backlinks: 5 }), 2),
			compactRow(item('b.com', 2, { rank: null, backlinks: 7 }), 2),
		];
		const [header, ...lines] = compactAnswer(facts({ rows })).split('\n');
		expect(header).toContain('| rank/backlinks for each competitor');
		expect(lines).toEqual(['a.com | 2 | 10/5 | 10/5', 'b.com | 2 | -/7 | -/7']);
	});

	it('says when nothing matches, and what to try', () => {
		const text = compactAnswer(facts({ rows: [], total: 0 }));
		expect(text).toBe(
			'Link gap: 0 domains link to all of moz.com, ahrefs.com and not to semrush.com. Showing 0, by moz.com backlinks, highest first. Try fewer competitors, or check how they are spelled. Cost $0.0215 (1 request).',
		);
	});

	it('says when nothing was fetched at all (Max Cost refused the first page)', () => {
		const warning = 'Max Cost stopped moz.com, ahrefs.com before its first request.';
		const text = compactAnswer(
			facts({ rows: [], total: null, requests: 0, cost: 0, warnings: [warning] }),
		);
		expect(text).toMatch(/^Link gap: nothing was fetched for the domains that link to all of/);
		expect(text).toContain(warning);
	});

	it('says when the Limit was lowered, what the run hint warns of, or that only new are shown', () => {
		const onlyNew = request('moz.com, ahrefs.com', { options: { onlyNew: true } });
		const warnings = ['Max Cost stopped moz.com, ahrefs.com after the first 5 of 40,921 rows.'];
		const text = compactAnswer(facts({ request: onlyNew, askedLimit: 5000, warnings, fetched: 9 }));
		expect(text).toContain(warnings[0]);
		expect(text).toContain('Only new since the last run: 5 of 9.');
		expect(text).toContain(
			'Asked for 5,000 domains, lowered to 20: the most one answer holds for 2 competitors.',
		);
	});

	it('writes notes on how input was read as a sentence', () => {
		const pasted = request('https://moz.com, https://www.ahrefs.com/');
		const text = compactAnswer(facts({ request: pasted, warnings: pasted.notes }));
		expect(text).toContain(
			'. "https://moz.com" was read as the domain moz.com; "https://www.ahrefs.com/" was read as the domain ahrefs.com. Cost $',
		);
	});

	it('cuts trailing lines to stay under the cap and says how many it left out', () => {
		const twenty = Array.from({ length: 20 }, (_, i) => `competitor-${i + 1}.com`).join(', ');
		const long = (i: number) => `${'very-long-subdomain-name-'.repeat(8)}${i}.example.com`;
		const rows = Array.from({ length: ANSWER_MAX_ROWS }, (_, i) =>
			compactRow(
				item(long(i), 20, { rank: 999, backlinks: 12345678, first_seen: '2024-01-01' }),
				20,
			),
		);
		const text = compactAnswer(facts({ request: request(twenty), rows }));
		const shown = text.split('\n').length - 1;
		expect(JSON.stringify([{ answer: text }]).length).toBeLessThanOrEqual(ANSWER_MAX_CHARS);
		expect(shown).toBeLessThan(ANSWER_MAX_ROWS);
		expect(text).toContain(
			`${ANSWER_MAX_ROWS - shown} more domains were fetched but left out to keep this answer under 12,000 characters.`,
		);
	});
});

describe('compactRowCap', () => {
	it('allows the full row cap for a few competitors', () => {
		expect(compactRowCap(request('moz.com, ahrefs.com'))).toBe(ANSWER_MAX_ROWS);
	});

	it('lowers it for 20 competitors so typical rows still fit without a cut', () => {
		const names = Array.from({ length: 20 }, (_, i) => `competitor-${i + 1}.com`);
		const twenty = request(names.join(', '));
		const cap = compactRowCap(twenty);
		expect(cap).toBeLessThan(ANSWER_MAX_ROWS);
		expect(cap).toBeGreaterThanOrEqual(20);
		const typical = { rank: 512, backlinks: 1234, first_seen: '2021-05-04 10:00:00 +00:00' };
		const rows = Array.from({ length: cap }, (_, i) =>
			compactRow(item(`prospect-${i}.com`, 20, typical), 20),
		);
		const text = compactAnswer(facts({ request: twenty, rows }));
		expect(text).not.toContain('left out');
	});
});
