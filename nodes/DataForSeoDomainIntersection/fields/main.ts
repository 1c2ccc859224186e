import { z } from 'zod';

import { MAX_EXCLUDE_TARGETS, MAX_TARGETS, PAGE_SIZE } from '../api/limits';
import { OUTPUT_FORMATS } from '../request/task';
import { defineFields, int } from './define';

/** The node's top-level fields, in the order the UI shows them. */
export const mainFields = defineFields('top', {
	targets: {
		api: 'targets',
		ui: {
			displayName: 'Competitors',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			required: true,
			placeholder: 'competitor-one.com, competitor-two.com',
			description: `Up to ${MAX_TARGETS} domains, subdomains or pages, separated by commas or new lines, e.g. "moz.com, ahrefs.com". Write domains without https:// (a leading www. is removed); write pages as full URLs, e.g. "https://moz.com/blog/". An expression may also return a list, e.g. {{ $JSON.competitors }}. Results are the sites linking to ALL of them.`,
		},
	},
	excludeTargets: {
		api: 'exclude_targets',
		ui: {
			displayName: 'Your Domains (Exclude)',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'your-site.com',
			description: `Up to ${MAX_EXCLUDE_TARGETS} domains or pages to leave out: sites that link to any of these are dropped, e.g. "your-site.com". Pages may use * as a wildcard, e.g. "https://your-site.com/blog/*".`,
		},
	},
});

export const pagingFields = defineFields('top', {
	returnAll: {
		ui: {
			displayName: 'Return All',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
	},
	limit: {
		rule: int(1),
		ui: {
			displayName: 'Limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint: `Above ${PAGE_SIZE.toLocaleString('en-US')} the node fetches pages of ${PAGE_SIZE.toLocaleString('en-US')} for you, about $0.05 per 1,000 rows`,
			displayOptions: { show: { returnAll: [false] } },
		},
	},
	maxResults: {
		rule: int(0),
		ui: {
			displayName: 'Max Results',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10000,
			description:
				'Safety cap for Return All, e.g. 10000. Each 1,000 rows cost about $0.05. 0 means no cap. When the cap cuts the results, the node says so.',
			displayOptions: { show: { returnAll: [true] } },
		},
	},
});

export const outputFields = defineFields('top', {
	outputFormat: {
		rule: z.enum(OUTPUT_FORMATS),
		ui: {
			displayName: 'Output Format',
			type: 'options',
			default: 'flat',
			options: [
				{
					name: 'Flat (One Column per Metric)',
					value: 'flat',
					description:
						'One item per referring domain with columns like target1_backlinks, ready for Google Sheets',
				},
				{
					name: 'Raw (As DataForSEO Sends It)',
					value: 'raw',
					description: 'The API item unchanged, nested per target, plus the targets',
				},
				{
					name: 'Summary (One Item per Input)',
					value: 'summary',
					description:
						'One line per input item: targets, total count, rows, top 10 domains, requests and cost — for Slack or a report row',
				},
				{
					name: 'Compact (For AI Agents)',
					value: 'compact',
					description:
						'One short text per input item: a header line with totals and cost, then one line per domain with rank, backlinks and first seen per competitor. The default when the node is an AI Agent tool.',
				},
			],
			description: 'How each referring domain is written out',
		},
	},
});
