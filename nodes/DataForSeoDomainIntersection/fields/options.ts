import { z } from 'zod';

import { MAX_INTERNAL_LIST_LIMIT, MAX_TAG_LENGTH } from '../api/limits';
import { defineFields, int } from './define';

/** Options sent to DataForSEO as they are, one task field each. Unset ones are not sent. */
export const apiOptionFields = defineFields('options', {
	offset: {
		advanced: true,
		api: 'offset',
		rule: int(0),
		ui: {
			displayName: 'Offset',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Skip this many results first, e.g. 1000 to start at the 1,001st',
		},
	},
	internalListLimit: {
		advanced: true,
		api: 'internal_list_limit',
		rule: int(1, MAX_INTERNAL_LIST_LIMIT),
		ui: {
			displayName: 'Internal List Limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_INTERNAL_LIST_LIMIT },
			default: 10,
			description: `Most entries in each breakdown column (top-level domains, link types, …), from 1 to ${MAX_INTERNAL_LIST_LIMIT}. DataForSEO’s default is 10.`,
		},
	},
	backlinksStatusType: {
		api: 'backlinks_status_type',
		rule: z.enum(['all', 'live', 'lost']),
		ui: {
			displayName: 'Backlinks Status',
			type: 'options',
			default: 'live',
			options: [
				{ name: 'All', value: 'all', description: 'Live and lost backlinks' },
				{ name: 'Live', value: 'live', description: 'Backlinks found at the last check' },
				{ name: 'Lost', value: 'lost', description: 'Backlinks that have disappeared' },
			],
			description: 'Which backlinks are counted and returned. DataForSEO’s default is Live.',
		},
	},
	includeSubdomains: {
		api: 'include_subdomains',
		rule: z.boolean(),
		ui: {
			displayName: 'Include Subdomains',
			type: 'boolean',
			default: true,
			description:
				'Whether links to the competitors’ subdomains count too, e.g. blog.moz.com for moz.com. DataForSEO’s default is yes.',
		},
	},
	includeIndirectLinks: {
		api: 'include_indirect_links',
		rule: z.boolean(),
		ui: {
			displayName: 'Include Indirect Links',
			type: 'boolean',
			default: true,
			description:
				'Whether to count links that reach a competitor through a redirect or a canonical page. DataForSEO’s default is yes.',
		},
	},
	excludeInternalBacklinks: {
		api: 'exclude_internal_backlinks',
		rule: z.boolean(),
		ui: {
			displayName: 'Exclude Internal Backlinks',
			type: 'boolean',
			default: true,
			description:
				'Whether to leave out backlinks from the competitors’ own subdomains. DataForSEO’s default is yes.',
		},
	},
	intersectionMode: {
		api: 'intersection_mode',
		rule: z.enum(['all', 'partial']),
		ui: {
			displayName: 'Sites Linking To',
			type: 'options',
			default: 'all',
			options: [
				{
					name: 'All Competitors',
					value: 'all',
					description: 'Only sites that link to every competitor. DataForSEO’s default.',
				},
				{
					name: 'Any Competitor (Partial)',
					value: 'partial',
					description:
						'Sites that link to at least one competitor; the columns of a competitor a site does not link to are empty, and Intersections Count says how many it links to',
				},
			],
			// DataForSEO: "intersect or merge results"; all intersects, partial merges.
			description:
				'Whether a site must link to all competitors or to any of them. Not with Match Mode "At Least Some Competitors", which already finds sites linking to only some.',
		},
	},
	rankScale: {
		advanced: true,
		api: 'rank_scale',
		rule: z.enum(['one_hundred', 'one_thousand']),
		ui: {
			displayName: 'Rank Scale',
			type: 'options',
			default: 'one_thousand',
			options: [
				{ name: '0 to 100', value: 'one_hundred' },
				{ name: '0 to 1000', value: 'one_thousand' },
			],
			description: 'Scale of the rank columns. DataForSEO’s default is 0 to 1000.',
		},
	},
	tag: {
		advanced: true,
		api: 'tag',
		rule: z.string().max(MAX_TAG_LENGTH, `must be ${MAX_TAG_LENGTH} characters or fewer`),
		ui: {
			displayName: 'Tag',
			type: 'string',
			default: '',
			description: `A label of your own, up to ${MAX_TAG_LENGTH} characters, e.g. "weekly-report", to tell this node’s requests apart in your DataForSEO account’s statistics. It changes no results.`,
		},
	},
});
