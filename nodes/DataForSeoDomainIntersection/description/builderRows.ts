import type { INodeProperties } from 'n8n-workflow';

// Fields without a competitor prefix in available_filters: the competitor picker means nothing there.
const ITEM_LEVEL_FIELDS = ['intersections_count'];

const EXPRESSION_HELP =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

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

function fieldPicker(
	loadOptionsMethod: string,
	fallback: string,
	example: string,
): INodeProperties {
	return {
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: fallback,
		description: `What to test, e.g. ${example}. The list comes from DataForSEO’s available filters. ${EXPRESSION_HELP}`,
	};
}

function operatorPicker(loadOptionsMethod: string, fallback: string): INodeProperties {
	return {
		displayName: 'Operator Name or ID',
		name: 'operator',
		type: 'options',
		typeOptions: { loadOptionsMethod, loadOptionsDependsOn: ['&field'] },
		default: fallback,
		description:
			'How to compare; the choices fit the field’s type, e.g. "greater than" for numbers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

// A new row starts as a whole condition but for the value, e.g. "Backlinks greater than …".
export const filterRow: INodeProperties[] = [
	competitor,
	fieldPicker('getFilterFields', 'backlinks', 'Backlinks'),
	operatorPicker('getFilterOperators', 'gt'),
	value,
];

export const backlinksRow: INodeProperties[] = [
	fieldPicker('getBacklinkFields', 'dofollow', 'Dofollow'),
	operatorPicker('getBacklinkOperators', 'eq'),
	value,
];

export const sortRow: INodeProperties[] = [
	competitor,
	{
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSortFields' },
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
];

/** The "Must Match" choice of a builder: and/or between its rows. */
export function combineUi(what: string): Omit<INodeProperties, 'name'> {
	return {
		displayName: `${what} Must Match`,
		type: 'options',
		default: 'and',
		options: [
			{ name: 'All (AND)', value: 'and', description: 'Keep a row only if every condition holds' },
			{ name: 'Any (OR)', value: 'or', description: 'Keep a row if at least one condition holds' },
		],
		description: `Whether every condition under ${what} must hold, or just one, e.g. All to keep only domains that pass both a Backlinks and a Rank condition. Ignored without conditions.`,
	};
}
