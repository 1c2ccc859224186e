import type { INodeProperties } from 'n8n-workflow';

import { OPTION_FIELDS, TOP_FIELDS } from '../fields';

const linkGapNotice: INodeProperties = {
	displayName:
		'Link gap: list your competitors below, and your own site under "Your Domains (Exclude)". You get the sites that link to every competitor but not to you — your best outreach prospects.',
	name: 'linkGapNotice',
	type: 'notice',
	default: '',
};

// n8n's convention: optional settings live in one collection, and only the ones added are sent.
const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: Object.values(OPTION_FIELDS)
		.map((field) => field.property)
		.sort((a, b) => a.displayName.localeCompare(b.displayName)),
};

/** The node's UI: everything comes from `fields/`, where each parameter is defined once. */
export const properties: INodeProperties[] = [
	linkGapNotice,
	...Object.values(TOP_FIELDS).map((field) => field.property),
	optionsProperty,
];
