import type { INodeProperties } from 'n8n-workflow';

// Fields without a competitor prefix in available_filters: the competitor picker means nothing there.
const ITEM_LEVEL_FIELDS = ['intersections_count'];

const competitor: INodeProperties = {
	displayName: 'Competitor Name or ID',
	name: 'target',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCompetitors', loadOptionsDependsOn: ['targets'] },
	default: 1,
	description:
		'Whose numbers to use, by position in Competitors, e.g. 2 for the second. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { hide: { field: ITEM_LEVEL_FIELDS } },
};

const value: INodeProperties = {
	displayName: 'Value',
	name: 'value',
	type: 'string',
	default: '',
	placeholder: 'e.g. 10',
	description:
		'What to compare with, e.g. 10, 2024-01-31 or true. For "is one of" and "is none of", a comma-separated list, e.g. moz.com, ahrefs.com. Write null to test for "no value".',
};

// A new row starts as a whole condition but for the value, e.g. "Backlinks greater than …".
const filterRow: INodeProperties[] = [
	competitor,
	{
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFilterFields' },
		default: 'backlinks',
		description:
			'What to test, e.g. Backlinks. The list comes from DataForSEO’s available filters. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Operator Name or ID',
		name: 'operator',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFilterOperators', loadOptionsDependsOn: ['&field'] },
		default: 'gt',
		description:
			'How to compare; the choices fit the field’s type, e.g. "greater than" for numbers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	value,
];

const backlinksRow: INodeProperties[] = [
	{
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBacklinkFields' },
		default: 'dofollow',
		description:
			'What to test, e.g. Dofollow. The list comes from DataForSEO’s available filters. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Operator Name or ID',
		name: 'operator',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBacklinkOperators', loadOptionsDependsOn: ['&field'] },
		default: 'eq',
		description:
			'How to compare; the choices fit the field’s type, e.g. "greater than" for numbers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	value,
];

function combine(name: string, what: string): INodeProperties {
	return {
		displayName: `${what} Must Match`,
		name,
		type: 'options',
		default: 'and',
		options: [
			{ name: 'All (AND)', value: 'and', description: 'Keep a row only if every condition holds' },
			{ name: 'Any (OR)', value: 'or', description: 'Keep a row if at least one condition holds' },
		],
		description: `Whether every condition under ${what} must hold, or just one, e.g. All to keep only domains that pass both a Backlinks and a Rank condition. Ignored without conditions.`,
	};
}

/** Filters and sort by clicking; they produce the same `filters` and `order_by` as the JSON options. */
export const builderProperties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filterBuilder',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Filter',
		default: {},
		description:
			'Keep only referring domains whose numbers match, e.g. Backlinks of competitor 1 greater than 10. At most 8 conditions. Options > Filters (JSON) may add nested groups; then both must hold.',
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: filterRow,
			},
		],
	},
	combine('filterCombine', 'Filters'),
	{
		displayName: 'Sort',
		name: 'sortBuilder',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: 3 },
		placeholder: 'Add Sort Rule',
		default: {},
		description:
			'Order of the results, up to 3 rules, the first ranks highest, e.g. Backlinks of competitor 1, descending. Leave empty for DataForSEO’s order.',
		options: [
			{
				displayName: 'Rule',
				name: 'rules',
				values: [
					competitor,
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFilterFields' },
						default: 'backlinks',
						description:
							'What to sort by, e.g. Backlinks. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						default: 'desc',
						options: [
							{ name: 'Ascending (Lowest First)', value: 'asc' },
							{ name: 'Descending (Highest First)', value: 'desc' },
						],
						description:
							'Whether the highest or the lowest values come first, e.g. Descending for the most backlinks first',
					},
				],
			},
		],
	},
];

/** Backlinks filters by clicking: which backlinks count towards the metrics. Lives in Options. */
export const backlinksFilterBuilderOption: INodeProperties = {
	displayName: 'Backlinks Filters',
	name: 'backlinksFilterBuilder',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Backlinks Filter',
	default: {},
	description:
		'Which backlinks count towards the metrics, e.g. Dofollow equals true. At most 8 conditions; with Backlinks Filters (JSON) both must hold.',
	options: [
		{
			displayName: 'Condition',
			name: 'conditions',
			values: backlinksRow,
		},
	],
};

export const backlinksFilterCombineOption = combine('backlinksFilterCombine', 'Backlinks Filters');
