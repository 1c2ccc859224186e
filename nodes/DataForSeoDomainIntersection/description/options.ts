import type { INodeProperties } from 'n8n-workflow';

import { backlinksFilterBuilderOption, backlinksFilterCombineOption } from './builders';

// n8n's convention: optional settings live in one collection, and only the ones added are sent.
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		backlinksFilterBuilderOption,
		{
			displayName: 'Backlinks Filters (JSON)',
			name: 'backlinksFiltersJson',
			type: 'json',
			default: '[["dofollow", "=", true]]',
			description:
				'Which backlinks count towards the metrics, in DataForSEO’s filter format, e.g. [["dofollow", "=", true]] for followed links only. At most 8 conditions.',
		},
		backlinksFilterCombineOption,
		{
			displayName: 'Backlinks Status',
			name: 'backlinksStatusType',
			type: 'options',
			default: 'live',
			options: [
				{ name: 'All', value: 'all', description: 'Live and lost backlinks' },
				{ name: 'Live', value: 'live', description: 'Backlinks found at the last check' },
				{ name: 'Lost', value: 'lost', description: 'Backlinks that have disappeared' },
			],
			description: 'Which backlinks are counted and returned. DataForSEO’s default is Live.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 30 },
			default: 5,
			description:
				'How many requests may run at the same time across all items and pages, e.g. 5. DataForSEO allows at most 30.',
		},
		{
			displayName: 'Exclude Internal Backlinks',
			name: 'excludeInternalBacklinks',
			type: 'boolean',
			default: true,
			description:
				'Whether to leave out backlinks from the targets’ own subdomains. DataForSEO’s default is yes.',
		},
		{
			displayName: 'Filters (JSON)',
			name: 'filtersJson',
			type: 'json',
			default: '["1.backlinks", ">", 10]',
			description:
				'Keep only some referring domains, in DataForSEO’s filter format. The number before the dot is the competitor’s position, e.g. [["1.backlinks", ">", 10], "and", ["2.rank", ">=", 100]]. Operators: = &lt;&gt; &lt; &lt;= &gt; &gt;= in not_in like not_like ilike not_ilike match not_match regex not_regex. At most 8 conditions.',
		},
		{
			displayName: 'Forget Seen Domains',
			name: 'resetSeen',
			type: 'boolean',
			default: false,
			description:
				'Whether to forget which domains earlier runs emitted for these competitors, so this run counts every domain as new. Turn it on for one production run, then off again.',
		},
		{
			displayName: 'Include Indirect Links',
			name: 'includeIndirectLinks',
			type: 'boolean',
			default: true,
			description:
				'Whether to count links that reach a target through a redirect or a canonical page. DataForSEO’s default is yes.',
		},
		{
			displayName: 'Include Subdomains',
			name: 'includeSubdomains',
			type: 'boolean',
			default: true,
			description:
				'Whether links to the targets’ subdomains count too, e.g. blog.moz.com for moz.com. DataForSEO’s default is yes.',
		},
		{
			displayName: 'Internal List Limit',
			name: 'internalListLimit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 10,
			description:
				'Most entries in each breakdown column (top-level domains, link types, …), from 1 to 1000. DataForSEO’s default is 10.',
		},
		{
			displayName: 'Intersection Mode',
			name: 'intersectionMode',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'All Backlinks', value: 'all', description: 'Metrics from all backlinks' },
				{
					name: 'Intersecting Backlinks Only',
					value: 'partial',
					description: 'Metrics from the intersecting backlinks only',
				},
			],
			description: 'Which backlinks the per-target metrics are based on',
		},
		{
			displayName: 'Match Mode',
			name: 'matchMode',
			type: 'options',
			default: 'all',
			options: [
				{
					name: 'All Competitors',
					value: 'all',
					description: 'Sites that link to every competitor (one request series)',
				},
				{
					name: 'At Least Some Competitors',
					value: 'atLeast',
					description:
						'Sites that link to at least "Minimum Matches" competitors: one request series per combination of competitors',
				},
			],
			description:
				'Which sites count as a match, e.g. At Least with Minimum Matches 2 of 4 competitors. At Least costs one request series per combination of competitors.',
		},
		{
			displayName: 'Max Competitor Combinations',
			name: 'maxSubsets',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 20,
			description:
				'Safety cap for Match Mode "At Least": the run is refused before anything is sent if it needs more combinations than this, e.g. 20. 5 competitors with Minimum Matches 2 need 10.',
		},
		{
			displayName: 'Max Cost (USD)',
			name: 'maxCost',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 1,
			description:
				'Stop before this execution would spend more than this many US dollars, e.g. 1. A request costs about $0.02 plus $0.00003 per row.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How often to retry a request after a temporary failure (rate limit, timeout, DataForSEO server error), e.g. 3',
		},
		{
			displayName: 'Minimum Matches',
			name: 'minMatches',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 2,
			description:
				'For Match Mode "At Least": how many of the competitors a site must link to, e.g. 2 of 4',
		},
		{
			displayName: 'Offset',
			name: 'offset',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Skip this many results first, e.g. 1000 to start at the 1,001st',
		},
		{
			displayName: 'Only New Since Last Run',
			name: 'onlyNew',
			type: 'boolean',
			default: false,
			description:
				'Whether to emit only sites that earlier production runs (schedule, webhook, active workflow) of this node did not emit for the same competitors and excluded domains. Manual test runs don’t use up “newness”. Rows are still fetched and paid for.',
		},
		{
			displayName: 'Rank Scale',
			name: 'rankScale',
			type: 'options',
			default: 'one_thousand',
			options: [
				{ name: '0 to 100', value: 'one_hundred' },
				{ name: '0 to 1000', value: 'one_thousand' },
			],
			description: 'Scale of the rank columns. DataForSEO’s default is 0 to 1000.',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2000 },
			default: 2000,
			description:
				'Pace for this execution, e.g. 600. DataForSEO allows 2,000 a minute; the node slows down by itself if it is told to.',
		},
		{
			displayName: 'Retry Delay (Ms)',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description:
				'First pause before a retry, in milliseconds, e.g. 1000. It doubles on each further retry.',
		},
		{
			displayName: 'Sort (JSON)',
			name: 'orderByJson',
			type: 'json',
			default: '["1.backlinks,desc"]',
			description:
				'Up to 3 sort rules as "field,asc" or "field,desc", e.g. ["1.backlinks,desc", "2.rank,desc"]',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			description:
				'Your own label for the request, up to 255 characters, e.g. "weekly-report". DataForSEO echoes it back.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 120000,
			description: 'How long to wait for one answer, in milliseconds, e.g. 120000',
		},
	],
};
