import { z } from 'zod';

import { defineFields } from './define';

/**
 * Hosting and blog platforms: a link from someone's free blog on them is not a site to pitch,
 * and the platform itself does not answer outreach.
 */
export const DEFAULT_PLATFORMS = [
	'blogspot.com',
	'blogger.com',
	'wordpress.com',
	'medium.com',
	'substack.com',
	'tumblr.com',
	'github.io',
	'gitlab.io',
	'amazonaws.com',
	'cloudfront.net',
	'herokuapp.com',
	'netlify.app',
	'vercel.app',
	'pages.dev',
	'wixsite.com',
	'weebly.com',
	'squarespace.com',
	'webflow.io',
	'googleusercontent.com',
	'firebaseapp.com',
];

// Inside a collection, n8n reads a display condition's name from the same collection.
const WITH_SCORE = { show: { prospectScore: [true] } };
const WITH_SKIP = { show: { skipPlatforms: [true] } };

/** Options that turn the list of domains into outreach prospects: a score, platforms left out, pages. */
export const prospectFields = defineFields('options', {
	prospectScore: {
		rule: z.boolean(),
		ui: {
			displayName: 'Prospect Score',
			type: 'boolean',
			default: false,
			description:
				'Whether to add a prospect_score column (0 to 100) after the referring domain: more competitors linked, a higher rank, more followed links and broken links to replace raise it; a spam score lowers it. The README gives the formula.',
		},
	},
	sortByScore: {
		rule: z.boolean(),
		ui: {
			displayName: 'Sort by Prospect Score',
			type: 'boolean',
			default: false,
			displayOptions: WITH_SCORE,
			description:
				'Whether to order the output by prospect_score, highest first. This sorts only the rows fetched in this run (e.g. the Limit’s 50), not DataForSEO’s whole index: the rows are still chosen by Sort.',
		},
	},
	skipPlatforms: {
		rule: z.boolean(),
		ui: {
			displayName: 'Skip Platforms',
			type: 'boolean',
			default: false,
			description:
				'Whether to leave out sites on hosting and blog platforms (blogspot.com, wordpress.com, medium.com, github.io, …), which are not sites to pitch. DataForSEO’s own filter leaves them out, so they are neither returned nor paid for.',
		},
	},
	platforms: {
		rule: z.union([z.string(), z.array(z.string())]),
		ui: {
			displayName: 'Platforms to Skip',
			type: 'string',
			default: DEFAULT_PLATFORMS.join(', '),
			displayOptions: WITH_SKIP,
			description:
				'The platform domains Skip Platforms leaves out, with all their subdomains, comma-separated. Edit the list to add or remove one.',
		},
	},
	linkingPages: {
		rule: z.boolean(),
		ui: {
			displayName: 'Linking Pages',
			type: 'boolean',
			default: false,
			description:
				'Whether to add, for each prospect and competitor, the prospect’s best backlink to that competitor: the linking page, the competitor URL it links to, the anchor, dofollow and first seen. Costs one extra request per competitor per 100 prospects (about $0.02 each); counted in Max Cost.',
		},
	},
	reportWon: {
		rule: z.boolean(),
		ui: {
			displayName: 'Report Won Prospects',
			type: 'boolean',
			default: false,
			displayOptions: { show: { onlyNew: [true] } },
			description:
				'Whether to also output, once each, the prospects earlier runs emitted that now link to one of Your Domains, with status "won" and the page that links to you; the other rows get status "new". Costs one extra request per domain in Your Domains, plus one per 100 won prospects; counted in Max Cost. Output Format Flat only.',
		},
	},
});
