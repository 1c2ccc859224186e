import { z } from 'zod';

import { MAX_EXCLUDE_TARGETS, MAX_TARGETS, PAGE_SIZE } from '../api/limits';
import { COLUMN_SETS, OUTPUT_FORMATS } from '../request/task';
import { estimateCost } from '../run/cost';
import { defineFields, int } from './define';

// Written into the text through a placeholder: n8n's lint upper-cases "json" in descriptions,
// and n8n's variable is $json.
const LIST_EXPRESSION = '{{ $json.competitors }}';

const usd = (value: number) => `$${value.toFixed(2)}`;
const PER_THOUSAND = usd(estimateCost(PAGE_SIZE));
/** What `rows` rows cost in pages of PAGE_SIZE, as the node requests them. */
const pagesCost = (rows: number) => Math.ceil(rows / PAGE_SIZE) * estimateCost(PAGE_SIZE);

/**
 * Return All's cap. A manual run's output goes back to n8n with the next "Execute step", and
 * n8n refuses a request over 16 MB (its N8N_PAYLOAD_SIZE_MAX default). Measured on the
 * simulator's rows, which are the size of the docs' example: a Key Metrics row is about 480
 * bytes for 2 competitors and 4,240 for 20 (All Metrics: 1,990 and 19,300). Half the limit,
 * 8 MiB, holds 1,975 rows of 20 competitors; 1,500 leaves room for the rest of the workflow's
 * data. test/unit/output/rowSize.test.ts measures again and keeps this true.
 */
export const MAX_RESULTS_DEFAULT = 1500;

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
			description: `Up to ${MAX_TARGETS} domains, subdomains or pages, separated by commas, spaces or new lines, e.g. "moz.com, ahrefs.com". Write domains without https:// (a leading www. is removed); write pages as full URLs, e.g. "https://moz.com/blog/". An expression may also return a list, e.g. ${LIST_EXPRESSION}. Results are the sites linking to ALL of them.`,
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
			hint: `Above ${PAGE_SIZE.toLocaleString('en-US')} the node fetches pages of ${PAGE_SIZE.toLocaleString('en-US')} for you, about ${PER_THOUSAND} per 1,000 rows`,
			displayOptions: { show: { returnAll: [false] } },
		},
	},
	maxResults: {
		rule: int(0),
		ui: {
			displayName: 'Max Results',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: MAX_RESULTS_DEFAULT,
			description: `Safety cap for Return All, e.g. ${MAX_RESULTS_DEFAULT}; 0 means no cap. When the cap cuts the results, the run hint says how many there were. Much more than ${MAX_RESULTS_DEFAULT.toLocaleString('en-US')} rows can be too large for the editor to run a single step after this one; the run hint warns.`,
			hint: `About ${PER_THOUSAND} per 1,000 rows on the live API, e.g. ${usd(pagesCost(10_000))} for 10,000`,
			displayOptions: { show: { returnAll: [true] } },
		},
		// 0.1.0's cap: saved workflows store no default, so they keep the cap they ran with.
		version1: { default: 10000 },
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
						'One item per referring domain with columns like competitor1_backlinks, ready for Google Sheets',
				},
				{
					name: 'Raw (As DataForSEO Sends It)',
					value: 'raw',
					description: 'The API item unchanged, nested per competitor, plus the competitors',
				},
				{
					name: 'Summary (One Item per Input)',
					value: 'summary',
					description:
						'One line per input item: competitors, total count, rows, top 10 domains, requests and cost — for Slack or a report row',
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
	columns: {
		rule: z.enum(COLUMN_SETS),
		ui: {
			displayName: 'Columns',
			type: 'options',
			default: 'key',
			options: [
				{
					name: 'Key Metrics',
					value: 'key',
					description:
						'Backlinks, rank, spam score, referring pages, first seen and lost date, each side by side for all competitors. Leaves out what is the same on every row: the competitor names (the run hint says which is competitor1, competitor2, …) and, except with At Least, intersections_count.',
				},
				{
					name: 'All Metrics',
					value: 'all',
					description:
						'Key Metrics first, then every other metric DataForSEO sends, including nofollow counts and the breakdowns (top-level domains, link types, countries, …) as JSON text',
				},
			],
			description:
				'Which columns each row has. The names stay the same from run to run, so a Sheet’s header row keeps fitting. competitor1_rank is the rank of this site’s links to competitor 1, not of the site: it differs per competitor and is often 0.',
			// Version 1 nodes write 0.1.0's columns; a new node is needed for this choice.
			displayOptions: { show: { outputFormat: ['flat'], '@version': [{ _cnd: { gte: 2 } }] } },
		},
	},
});
