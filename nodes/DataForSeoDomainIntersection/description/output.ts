import type { INodeProperties } from 'n8n-workflow';

export const outputProperties: INodeProperties[] = [
	{
		displayName: 'Output Format',
		name: 'outputFormat',
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
		],
		description: 'How each referring domain is written out',
	},
];
