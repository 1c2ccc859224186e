import type { INodeProperties } from 'n8n-workflow';

export const pagingProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		hint: 'Above 1,000 the node fetches pages of 1,000 for you, about $0.05 per 1,000 rows',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Max Results',
		name: 'maxResults',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10000,
		description:
			'Safety cap for Return All, e.g. 10000. Each 1,000 rows cost about $0.05. 0 means no cap. When the cap cuts the results, the node says so.',
		displayOptions: { show: { returnAll: [true] } },
	},
];
