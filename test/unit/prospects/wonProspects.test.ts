import type { INodeExecutionData } from 'n8n-workflow';

import { prospectSentences } from '../../../nodes/DataForSeoDomainIntersection/output/prospectHint';
import {
	markNew,
	wonItem,
	WON_NOTES,
} from '../../../nodes/DataForSeoDomainIntersection/output/wonRows';
import { checkInputFieldNames } from '../../../nodes/DataForSeoDomainIntersection/output/inputFields';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import {
	WON_WINDOW,
	wonSearchCost,
	wonTargets,
	wonTask,
} from '../../../nodes/DataForSeoDomainIntersection/run/wonProspects';
import { nodeParameters } from '../nodeParameters';

const request = (excludeTargets = 'mysite.com', options = {}) =>
	buildRequest(
		nodeParameters({ excludeTargets, options: { onlyNew: true, reportWon: true, ...options } }),
	);

describe('Report Won Prospects', () => {
	it('is on only with Only New: without its memory nothing is "earlier"', () => {
		expect(request().prospects.reportWon).toBe(true);
		const off = buildRequest(nodeParameters({ options: { reportWon: true } }));
		expect(off.prospects.reportWon).toBe(false);
	});

	it('searches with your domain added as a target, no excludes, newest link to you first', () => {
		const won = request('mysite.com, other.org', {
			intersectionMode: 'partial',
			orderByJson: '["1.rank,desc"]',
			backlinksStatusType: 'all',
		});
		const task = wonTask(won, 'other.org');
		expect(task.targets).toEqual({ '1': 'moz.com', '2': 'ahrefs.com', '3': 'other.org' });
		expect(task).not.toHaveProperty('exclude_targets');
		expect(task).not.toHaveProperty('intersection_mode');
		expect(task.order_by).toEqual(['3.first_seen,desc']);
		expect([task.offset, task.limit]).toEqual([0, WON_WINDOW]);
		expect(task.backlinks_status_type).toBe('all');
		// The request itself is left as it was.
		expect(won.task.exclude_targets).toEqual(['mysite.com', 'other.org']);
	});

	it('skips URL patterns in Your Domains and prices a full page per search', () => {
		const won = request('mysite.com, https://blog.example.com/*');
		expect(wonTargets(won)).toEqual(['mysite.com']);
		expect(wonSearchCost(won)).toBeCloseTo(0.05, 10);
	});

	it('puts status first on new rows and writes a won row with its page or why there is none', () => {
		const items: INodeExecutionData[] = [
			{ json: { referring_domain: 'a.com', competitor1_rank: 5 } },
		];
		markNew(items);
		expect(Object.keys(items[0].json)).toEqual(['status', 'referring_domain', 'competitor1_rank']);
		expect(items[0].json.status).toBe('new');
		const found = {
			domain_from: 'b.com',
			url_from: 'https://b.com/p/',
			url_to: 'https://mysite.com/',
			anchor: 'x',
			dofollow: true,
			first_seen: '2026-01-01 00:00:00 +00:00',
		};
		const row = wonItem(1, 'b.com', 'mysite.com', found).json;
		expect(row).toMatchObject({
			status: 'won',
			referring_domain: 'b.com',
			won_domain: 'mysite.com',
			won_linking_page: 'https://b.com/p/',
			won_note: null,
		});
		expect(wonItem(0, 'c.com', 'mysite.com', undefined).json.won_note).toBe(WON_NOTES.lost);
		expect(wonItem(0, 'c.com', 'mysite.com', undefined, WON_NOTES.maxCost).json).toMatchObject({
			won_linking_page: null,
			won_note: WON_NOTES.maxCost,
		});
	});

	it('refuses an input field named status or won_*, which would hide whether a row is new or won', () => {
		const withInput = (reportWon: boolean, field: string) =>
			buildRequest(
				nodeParameters({
					excludeTargets: 'mysite.com',
					input: { [field]: 'x' },
					options: { onlyNew: true, reportWon, includeInputFields: field },
				}),
			);
		expect(() => checkInputFieldNames(withInput(true, 'status'))).toThrow(
			/"status" is also a column of the node's output/,
		);
		expect(() => checkInputFieldNames(withInput(true, 'won_linking_page'))).toThrow(
			/won_linking_page/,
		);
		expect(() => checkInputFieldNames(withInput(false, 'status'))).not.toThrow();
	});

	it('has its own figure in the hint', () => {
		const stats = {
			skipped: 0,
			linking: { requests: 0, cost: 0, rows: 0 },
			won: { requests: 2, cost: 0.0701, rows: 2 },
		};
		expect(prospectSentences([request()], stats)).toEqual([
			'Won prospects: 2 rows reported, 2 requests, $0.07 (in the total above).',
		]);
	});
});
