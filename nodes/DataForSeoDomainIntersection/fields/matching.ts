import { z } from 'zod';

import { MAX_TARGETS } from '../api/limits';
import { defineFields, int } from './define';

// Inside a collection, n8n reads a display condition's name from the same collection.
const AT_LEAST_ONLY = { show: { matchMode: ['atLeast'] } };

/** Options that change which domains count as results: "at least K of N" and "only new". */
export const matchingFields = defineFields('options', {
	matchMode: {
		rule: z.enum(['all', 'atLeast']),
		ui: {
			displayName: 'Match Mode',
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
	},
	minMatches: {
		rule: int(1, MAX_TARGETS),
		ui: {
			displayName: 'Minimum Matches',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TARGETS },
			default: 2,
			displayOptions: AT_LEAST_ONLY,
			description:
				'For Match Mode "At Least": how many of the competitors a site must link to, e.g. 2 of 4',
		},
	},
	maxSubsets: {
		rule: int(1, 1000),
		ui: {
			displayName: 'Max Competitor Combinations',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 30,
			displayOptions: AT_LEAST_ONLY,
			description:
				'Safety cap for Match Mode "At Least": the run is refused before anything is sent if it needs more combinations than this, e.g. 30. Each combination of at least Minimum Matches competitors is its own request series: 4 competitors with Minimum Matches 2 need 11, 5 need 26.',
		},
	},
	onlyNew: {
		rule: z.boolean(),
		ui: {
			displayName: 'Only New Since Last Run',
			type: 'boolean',
			default: false,
			description:
				'Whether to output only sites this node has not output before for the same competitors and excluded domains, e.g. for a weekly report of new prospects. Only runs of the active workflow (schedule, webhook, …) count; running it by hand in the editor shows what is new without using it up. The rows are still fetched and paid for.',
		},
	},
	resetSeen: {
		rule: z.boolean(),
		ui: {
			displayName: 'Forget Seen Domains',
			type: 'boolean',
			default: false,
			displayOptions: { show: { onlyNew: [true] } },
			description:
				'Whether to forget which domains earlier runs of this node emitted (for all its competitor sets), so this run counts every domain as new. Turn it on for one production run, then off again.',
		},
	},
});
