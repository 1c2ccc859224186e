import type { IDataObject } from 'n8n-workflow';

import { prospectSentences } from '../../../nodes/DataForSeoDomainIntersection/output/prospectHint';
import { scoreOf } from '../../../nodes/DataForSeoDomainIntersection/output/prospectScore';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

const request = (options: IDataObject) => buildRequest(nodeParameters({ options }));
const none = { skipped: 0, linking: { requests: 0, cost: 0, rows: 0 } };

describe('the prospect sentences of the run hint', () => {
	it('says nothing when no prospect option is on', () => {
		expect(prospectSentences([request({})], none)).toEqual([]);
	});

	it('says the sort covers only the rows fetched', () => {
		expect(prospectSentences([request({ sortByScore: true })], none)).toEqual([
			'Sorted by prospect_score, highest first: only the rows fetched in this run, not DataForSEO’s whole index.',
		]);
	});

	it('says who left platforms out, and counts the rows left out here', () => {
		const skip = { skipPlatforms: true, platforms: 'a.com, b.com, c.com, d.com' };
		expect(prospectSentences([request(skip)], none)).toEqual([
			'Skip Platforms: DataForSEO’s own filter left out the sites on 4 platforms (a.com, b.com, c.com, …) before counting, so they were neither returned nor paid for.',
		]);
		const partial = request({ ...skip, intersectionMode: 'partial' });
		expect(prospectSentences([partial], { ...none, skipped: 7 })).toEqual([
			'Skip Platforms left out 7 rows on 4 platforms (a.com, b.com, c.com, …) after they were fetched: with Options > Sites Linking To "Any Competitor (Partial)" DataForSEO’s filter cannot, so they were paid for.',
		]);
	});

	it('gives Linking Pages their own figure', () => {
		const linking = { requests: 2, cost: 0.0412, rows: 20 };
		expect(prospectSentences([request({ linkingPages: true })], { ...none, linking })).toEqual([
			'Linking Pages: 2 requests, $0.04 (in the total above).',
		]);
	});
});

describe('scoreOf', () => {
	it('reads the rank on the scale the request asked for', () => {
		const item = {
			domain_intersection: { '1': { rank: 50, referring_pages: 1, backlinks_spam_score: 0 } },
		};
		const one = { targets: ['moz.com'] };
		expect(scoreOf(item, { ...one, task: { targets: {}, rank_scale: 'one_hundred' } })).toBe(73);
		expect(scoreOf(item, { ...one, task: { targets: {} } })).toBe(57);
	});
});
