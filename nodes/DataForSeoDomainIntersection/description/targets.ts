import type { INodeProperties } from 'n8n-workflow';

export const targetProperties: INodeProperties[] = [
	{
		displayName:
			'Link gap: list your competitors below, and your own site under "Your Domains (Exclude)". You get the sites that link to every competitor but not to you — your best outreach prospects.',
		name: 'linkGapNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Competitors',
		name: 'targets',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'competitor-one.com, competitor-two.com',
		description:
			'Up to 20 domains, subdomains or pages, separated by commas or new lines, e.g. "moz.com, ahrefs.com". Write domains without https:// (a leading www. is removed); write pages as full URLs, e.g. "https://moz.com/blog/". An expression may also return a list, e.g. {{ $JSON.competitors }}. Results are the sites linking to ALL of them.',
	},
	{
		displayName: 'Your Domains (Exclude)',
		name: 'excludeTargets',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'your-site.com',
		description:
			'Up to 10 domains or pages to leave out: sites that link to any of these are dropped, e.g. "your-site.com". Pages may use * as a wildcard, e.g. "https://your-site.com/blog/*".',
	},
];
