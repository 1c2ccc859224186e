import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { flatColumns } from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import {
	byScore,
	prospectScore,
} from '../../../nodes/DataForSeoDomainIntersection/output/prospectScore';

type Metrics = Record<string, number | null>;

const item = (...perTarget: Array<Metrics | null>): ApiItem => ({
	domain_intersection: Object.fromEntries(
		perTarget.map((metrics, index) => [
			String(index + 1),
			metrics && { target: 'site.com', ...metrics },
		]),
	),
});

const clean: Metrics = {
	rank: 500,
	referring_pages: 10,
	referring_pages_nofollow: 0,
	broken_backlinks: 0,
	backlinks_spam_score: 0,
};

describe('prospect_score', () => {
	it('follows the README formula term by term', () => {
		// 40 × 2/2 + 35 × 500/1000 + 15 × 1 + 10 × 0 = 72.5, no spam: 73.
		expect(prospectScore(item(clean, clean), 2)).toBe(73);
		// One of two competitors: 20 + 17.5 + 15 = 52.5 -> 53.
		expect(prospectScore(item(clean, null), 2)).toBe(53);
		// Half the pages nofollow: 40 + 17.5 + 7.5 = 65.
		expect(prospectScore(item({ ...clean, referring_pages_nofollow: 5 }), 1)).toBe(65);
		// A broken link adds 10.
		expect(prospectScore(item({ ...clean, broken_backlinks: 3 }), 1)).toBe(83);
	});

	it('uses the best rank, on the rank scale the run asked for', () => {
		const high = { ...clean, rank: 1000 };
		expect(prospectScore(item(clean, high), 2)).toBe(90);
		expect(prospectScore(item({ ...clean, rank: 50 }), 1, 100)).toBe(73);
	});

	it('takes the average spam score off as a share', () => {
		const spammy = { ...clean, backlinks_spam_score: 50 };
		expect(prospectScore(item(spammy, spammy), 2)).toBe(36);
		expect(prospectScore(item({ ...clean, backlinks_spam_score: 100 }), 1)).toBe(0);
	});

	it('stays within 0 and 100, and counts unknown values as neutral', () => {
		const best = { rank: 5000, referring_pages: 1, broken_backlinks: 9, backlinks_spam_score: 0 };
		expect(prospectScore(item(best, best), 2)).toBe(100);
		// No page counts: the dofollow share is taken as 1/2; no broken count adds nothing.
		expect(prospectScore(item({ rank: 0 }), 1)).toBe(48);
		expect(prospectScore(item(null, null), 2)).toBe(0);
	});

	it('sorts highest first and keeps the API order between equal scores', () => {
		const rows = [3, 9, 3, 7].map((score, at) => ({ json: { prospect_score: score, at } }));
		expect(byScore(rows).map((row) => row.json.at)).toEqual([1, 3, 0, 2]);
	});
});

describe('the prospect columns in the column plan', () => {
	const shape = { countVaries: false, competitorsVary: false };

	it('puts prospect_score first after the referring domain, and changes nothing else', () => {
		const plain = flatColumns(2, 'key', shape);
		const scored = flatColumns(2, 'key', { ...shape, score: true });
		expect(scored.slice(0, 2)).toEqual(['referring_domain', 'prospect_score']);
		expect(scored.filter((column) => column !== 'prospect_score')).toEqual(plain);
		expect(flatColumns(2, 'all', { ...shape, score: true }).slice(0, 3)).toEqual([
			'referring_domain',
			'prospect_score',
			'competitor1_backlinks',
		]);
	});

	it('ends Key Metrics with the linking page columns, side by side, and keeps All Metrics after', () => {
		const key = flatColumns(2, 'key', { ...shape, linkingPages: true });
		const plain = flatColumns(2, 'key', shape);
		expect(key.slice(0, plain.length)).toEqual(plain);
		expect(key.slice(plain.length, plain.length + 4)).toEqual([
			'competitor1_linking_page',
			'competitor2_linking_page',
			'competitor1_links_to',
			'competitor2_links_to',
		]);
		expect(key).toContain('competitor2_link_note');
		const all = flatColumns(2, 'all', { ...shape, linkingPages: true });
		expect(all.slice(0, key.length)).toEqual(key);
	});
});
