import example from '../../fixtures/example_response.json';
import {
	MAP_FIELDS,
	SCALAR_FIELDS,
	flattenItem,
	rawItem,
	referringDomainOf,
} from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';

const items = example.tasks[0].result[0].items as unknown as ApiItem[];
const targets = ['moz.com', 'ahrefs.com'];

describe('flattenItem on the docs example', () => {
	const rows = items.map((item) => flattenItem(item, targets));

	it('gives one row per referring domain with the documented columns', () => {
		expect(rows.map((row) => row.referring_domain)).toEqual([
			'www.xroxy.com',
			'sharkzmarketing.com',
			'scholarshipsearcher.com',
			'edynamique.com',
			'www.20script.ir',
		]);
		const expected = ['referring_domain', 'intersections_count'];
		for (const n of [1, 2]) {
			expected.push(`target${n}`);
			for (const field of [...SCALAR_FIELDS, ...MAP_FIELDS]) expected.push(`target${n}_${field}`);
		}
		for (const row of rows) expect(Object.keys(row)).toEqual(expected);
	});

	it('copies every per-target value from the API item', () => {
		items.forEach((item, index) => {
			const row = rows[index];
			expect(row.intersections_count).toBe(item.summary?.intersections_count);
			for (const n of ['1', '2']) {
				const data = item.domain_intersection[n] as Record<string, unknown>;
				expect(row[`target${n}`]).toBe(targets[Number(n) - 1]);
				for (const field of SCALAR_FIELDS)
					expect(row[`target${n}_${field}`]).toBe(data[field] ?? null);
				for (const field of MAP_FIELDS) {
					const value = data[field];
					expect(row[`target${n}_${field}`]).toBe(value === null ? null : JSON.stringify(value));
				}
			}
		});
	});

	it('spot-checks values against the docs', () => {
		expect(rows[0]).toMatchObject({
			target1: 'moz.com',
			target1_rank: 113,
			target1_backlinks: 547189,
			target1_first_seen: '2022-06-17 19:02:31 +00:00',
			target1_lost_date: null,
			target1_referring_links_attributes: null,
			target1_referring_links_semantic_locations: '{"":488023}',
			target1_referring_pages_nofollow: 231967,
			target2: 'ahrefs.com',
			target2_backlinks: 87,
			target2_referring_links_tld: '{"com":87}',
			target2_referring_links_countries: null,
		});
		expect(rows[2].target1_referring_links_semantic_locations).toBe(
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

describe('flattenItem with missing data', () => {
	it('fills a missing target with nulls and keeps the same columns', () => {
		const item = {
			domain_intersection: { '1': items[0].domain_intersection['1'], '2': null },
		} as unknown as ApiItem;
		const row = flattenItem(item, [...targets, 'semrush.com']);
		const full = flattenItem(items[0], [...targets, 'semrush.com']);
		expect(Object.keys(row)).toEqual(Object.keys(full));
		expect(row.intersections_count).toBe(1);
		expect(row.target2).toBe('ahrefs.com');
		expect(row.target2_backlinks).toBeNull();
		expect(row.target3).toBe('semrush.com');
		expect(row.target3_referring_links_tld).toBeNull();
	});

	it('finds the referring domain from any target', () => {
		const item = {
			domain_intersection: { '1': null, '2': { target: 'x.org' } },
		} as unknown as ApiItem;
		expect(referringDomainOf(item)).toBe('x.org');
		expect(referringDomainOf({ domain_intersection: {} } as ApiItem)).toBeNull();
	});
});

describe('rawItem', () => {
	it('is the API item unchanged plus the targets', () => {
		const raw = rawItem(items[1], targets);
		expect(raw.domain_intersection).toEqual(items[1].domain_intersection);
		expect(raw.summary).toEqual(items[1].summary);
		expect(raw.targets).toEqual({ '1': 'moz.com', '2': 'ahrefs.com' });
	});
});
