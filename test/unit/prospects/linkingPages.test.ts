import type { IDataObject } from 'n8n-workflow';

import {
	LINK_NOTES,
	fillLinkingPage,
} from '../../../nodes/DataForSeoDomainIntersection/output/linkingRows';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import {
	backlinksTask,
	LINKING_BATCH,
	linkingCalls,
	linkingCost,
} from '../../../nodes/DataForSeoDomainIntersection/run/linkingPages';
import { nodeParameters } from '../nodeParameters';

const row = (domain: string, linked: boolean[]) => ({ domain, links: (i: number) => linked[i] });

describe('Linking Pages calls', () => {
	it('makes one call per competitor per batch of 100 prospects, never one per prospect', () => {
		const rows = Array.from({ length: 250 }, (_, i) => row(`site${i}.com`, [true, true]));
		const calls = linkingCalls(rows, 2);
		expect(calls.map((call) => [call.index, call.domains.length])).toEqual([
			[0, 100],
			[0, 100],
			[0, 50],
			[1, 100],
			[1, 100],
			[1, 50],
		]);
		expect(LINKING_BATCH).toBe(100);
	});

	it('asks a competitor only about the prospects that link to it', () => {
		const calls = linkingCalls([row('a.com', [true, false]), row('b.com', [true, true])], 2);
		expect(calls).toEqual([
			{ index: 0, domains: ['a.com', 'b.com'] },
			{ index: 1, domains: ['b.com'] },
		]);
	});

	it('prices every call at its most rows: 20 prospects × 2 competitors is $0.0412', () => {
		const rows = Array.from({ length: 20 }, (_, i) => row(`s${i}.com`, [true, true]));
		expect(linkingCost(linkingCalls(rows, 2))).toBeCloseTo(2 * (0.02 + 20 * 0.00003), 10);
		const hundred = Array.from({ length: 100 }, (_, i) => row(`s${i}.com`, [true, true, true]));
		expect(linkingCost(linkingCalls(hundred, 3))).toBeCloseTo(3 * (0.02 + 100 * 0.00003), 10);
	});

	it('sends one_per_domain with the prospects in an "in" list, and the run’s link settings', () => {
		const request = buildRequest(
			nodeParameters({
				options: {
					linkingPages: true,
					backlinksStatusType: 'all',
					includeSubdomains: false,
					backlinksFiltersJson: '["dofollow", "=", true]',
				},
			}),
		);
		expect(backlinksTask(request, { index: 1, domains: ['a.com', 'b.com'] })).toEqual({
			target: 'ahrefs.com',
			mode: 'one_per_domain',
			filters: [['domain_from', 'in', ['a.com', 'b.com']], 'and', ['dofollow', '=', true]],
			limit: 2,
			backlinks_status_type: 'all',
			include_subdomains: false,
		});
	});
});

describe('Linking Pages columns', () => {
	it('fills the best backlink, or empty values with the reason', () => {
		const found: IDataObject = {};
		fillLinkingPage(found, 0, {
			domain_from: 'a.com',
			url_from: 'https://a.com/post/',
			url_to: 'https://moz.com/blog/',
			anchor: 'moz',
			dofollow: true,
			first_seen: '2021-01-01 00:00:00 +00:00',
		});
		expect(found).toEqual({
			competitor1_linking_page: 'https://a.com/post/',
			competitor1_links_to: 'https://moz.com/blog/',
			competitor1_anchor: 'moz',
			competitor1_dofollow: true,
			competitor1_link_first_seen: '2021-01-01 00:00:00 +00:00',
			competitor1_link_note: null,
		});
		const lost: IDataObject = {};
		fillLinkingPage(lost, 1, undefined);
		expect(Object.keys(lost)).toHaveLength(6);
		expect(lost.competitor2_linking_page).toBeNull();
		expect(lost.competitor2_link_note).toBe(LINK_NOTES.lost);
	});
});
