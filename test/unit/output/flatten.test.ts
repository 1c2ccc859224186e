import example from '../../fixtures/example_response.json';
import {
	flatColumns,
	flattenItem,
	KEY_FIELDS,
	MAP_FIELDS,
	rawItem,
	referringDomainOf,
	SCALAR_FIELDS,
} from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';

const items = example.tasks[0].result[0].items as unknown as ApiItem[];
const targets = ['moz.com', 'ahrefs.com'];
const VARYING = { countVaries: true, competitorsVary: true };

describe('the Key Metrics columns (the default)', () => {
	const rows = items.map((item) => flattenItem(item, targets, 'key'));

	it('starts with the numbers people rank by, each side by side for every competitor', () => {
		expect(Object.keys(rows[0])).toEqual([
			'referring_domain',
			'competitor1_backlinks',
			'competitor2_backlinks',
			'competitor1_rank',
			'competitor2_rank',
			'competitor1_backlinks_spam_score',
			'competitor2_backlinks_spam_score',
			'competitor1_referring_pages',
			'competitor2_referring_pages',
			'competitor1_first_seen',
			'competitor2_first_seen',
			'competitor1_lost_date',
			'competitor2_lost_date',
		]);
		for (const row of rows) expect(Object.keys(row)).toEqual(Object.keys(rows[0]));
	});

	it('leaves out what is the same on every row: the count in Match Mode All, typed competitors', () => {
		// Every row of the docs' example links to both competitors, and names both.
		const all = items.map((item) => flattenItem(item, targets, 'all'));
		expect(new Set(all.map((row) => row.intersections_count))).toEqual(new Set([2]));
		expect(new Set(all.map((row) => `${row.competitor1} ${row.competitor2}`)).size).toBe(1);
		for (const column of ['intersections_count', 'competitor1', 'competitor2'])
			expect(rows[0]).not.toHaveProperty(column);
	});

	it('keeps the count with At Least, and the names when Competitors is an expression', () => {
		expect(
			flatColumns(2, 'key', { countVaries: true, competitorsVary: false }).slice(0, 3),
		).toEqual(['referring_domain', 'intersections_count', 'competitor1_backlinks']);
		expect(
			flatColumns(2, 'key', { countVaries: false, competitorsVary: true }).slice(0, 4),
		).toEqual(['referring_domain', 'competitor1', 'competitor2', 'competitor1_backlinks']);
		const row = flattenItem(items[0], targets, 'key', VARYING);
		expect(row).toMatchObject({
			referring_domain: 'www.xroxy.com',
			intersections_count: 2,
			competitor1: 'moz.com',
			competitor2: 'ahrefs.com',
			competitor1_backlinks: 547189,
		});
	});

	it('spot-checks values against the docs', () => {
		expect(rows[0]).toEqual({
			referring_domain: 'www.xroxy.com',
			competitor1_backlinks: 547189,
			competitor2_backlinks: 87,
			competitor1_rank: 113,
			competitor2_rank: 0,
			competitor1_backlinks_spam_score: 0,
			competitor2_backlinks_spam_score: 0,
			competitor1_referring_pages: 488023,
			competitor2_referring_pages: 87,
			competitor1_first_seen: '2022-06-17 19:02:31 +00:00',
			competitor2_first_seen: '2023-01-10 08:03:13 +00:00',
			competitor1_lost_date: null,
			competitor2_lost_date: null,
		});
	});

	it('is the first part of All Metrics, so a Sheet keeps its first columns when switching', () => {
		for (const shape of [undefined, VARYING, { countVaries: true, competitorsVary: false }]) {
			const key = flatColumns(20, 'key', shape);
			const all = flatColumns(20, 'all', shape);
			expect(all.slice(0, key.length)).toEqual(key);
			expect(all).toHaveLength(2 + 20 + 20 * (SCALAR_FIELDS.length + MAP_FIELDS.length));
			expect(new Set(all).size).toBe(all.length);
		}
		expect(flatColumns(20, 'key')).toHaveLength(1 + 20 * KEY_FIELDS.length);
		expect(flatColumns(20, 'key', VARYING)).toHaveLength(2 + 20 + 20 * KEY_FIELDS.length);
	});
});

describe('the All Metrics columns', () => {
	const rows = items.map((item) => flattenItem(item, targets, 'all'));

	it('gives one row per referring domain with every metric for every competitor', () => {
		expect(rows.map((row) => row.referring_domain)).toEqual([
			'www.xroxy.com',
			'sharkzmarketing.com',
			'scholarshipsearcher.com',
			'edynamique.com',
			'www.20script.ir',
		]);
		const side = (fields: readonly string[]) =>
			fields.flatMap((f) => [`competitor1_${f}`, `competitor2_${f}`]);
		const expected = [
			'referring_domain',
			...side(KEY_FIELDS),
			'intersections_count',
			'competitor1',
			'competitor2',
			...side([...SCALAR_FIELDS.filter((f) => !KEY_FIELDS.includes(f as never)), ...MAP_FIELDS]),
		];
		for (const row of rows) expect(Object.keys(row)).toEqual(expected);
	});

	it('copies every per-competitor value from the API item', () => {
		items.forEach((item, index) => {
			const row = rows[index];
			expect(row.intersections_count).toBe(item.summary?.intersections_count);
			for (const n of ['1', '2']) {
				const data = item.domain_intersection[n] as Record<string, unknown>;
				expect(row[`competitor${n}`]).toBe(targets[Number(n) - 1]);
				for (const field of SCALAR_FIELDS)
					expect(row[`competitor${n}_${field}`]).toBe(data[field] ?? null);
				for (const field of MAP_FIELDS) {
					const value = data[field];
					expect(row[`competitor${n}_${field}`]).toBe(
						value === null ? null : JSON.stringify(value),
					);
				}
			}
		});
		expect(rows[2].competitor1_referring_links_semantic_locations).toBe(
			'{"":69236,"article":432,"figure":20}',
		);
	});

	it('keeps every value a string, number, boolean or null', () => {
		for (const row of rows) {
			for (const value of Object.values(row)) {
				expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
			}
		}
	});
});

describe('nodes of version 1 (0.1.0’s columns)', () => {
	it('keep target{n} names and one target’s metrics together', () => {
		const row = flattenItem(items[0], targets, 'legacy');
		const expected = ['referring_domain', 'intersections_count'];
		for (const n of [1, 2]) {
			expected.push(`target${n}`);
			for (const field of [...SCALAR_FIELDS, ...MAP_FIELDS]) expected.push(`target${n}_${field}`);
		}
		expect(Object.keys(row)).toEqual(expected);
		expect(row).toMatchObject({
			target1: 'moz.com',
			target1_backlinks: 547189,
			target1_referring_links_semantic_locations: '{"":488023}',
			target2: 'ahrefs.com',
			target2_referring_links_tld: '{"com":87}',
		});
	});
});

describe('flattenItem with missing data', () => {
	it('fills a missing competitor with nulls and keeps the same columns', () => {
		const item = {
			domain_intersection: { '1': items[0].domain_intersection['1'], '2': null },
		} as unknown as ApiItem;
		const three = [...targets, 'semrush.com'];
		for (const set of ['key', 'all'] as const) {
			const row = flattenItem(item, three, set, VARYING);
			expect(Object.keys(row)).toEqual(Object.keys(flattenItem(items[0], three, set, VARYING)));
			expect(row.intersections_count).toBe(1);
			expect(row.competitor2).toBe('ahrefs.com');
			expect(row.competitor2_backlinks).toBeNull();
			expect(row.competitor3).toBe('semrush.com');
			expect(row.competitor3_rank).toBeNull();
		}
		expect(flattenItem(item, three, 'all').competitor3_referring_links_tld).toBeNull();
	});

	it('finds the referring domain from any competitor', () => {
		const item = {
			domain_intersection: { '1': null, '2': { target: 'x.org' } },
		} as unknown as ApiItem;
		expect(referringDomainOf(item)).toBe('x.org');
		expect(referringDomainOf({ domain_intersection: {} } as ApiItem)).toBeNull();
	});
});

describe('rawItem', () => {
	it('is the API item unchanged plus the competitors', () => {
		const raw = rawItem(items[1], targets, 'key');
		expect(raw.domain_intersection).toEqual(items[1].domain_intersection);
		expect(raw.summary).toEqual(items[1].summary);
		expect(raw.competitors).toEqual({ '1': 'moz.com', '2': 'ahrefs.com' });
		expect(raw).not.toHaveProperty('targets');
		expect(rawItem(items[1], targets, 'legacy').targets).toEqual(raw.competitors);
	});
});
