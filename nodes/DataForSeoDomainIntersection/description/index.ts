import type { INodeProperties } from 'n8n-workflow';

import {
	ADVANCED_VERSION,
	forVersions,
	NODE_VERSIONS,
	OPTION_FIELDS,
	TOOL_ONLY_FIELDS,
	TOOL_TWIN_FIELDS,
	TOP_FIELDS,
} from '../fields';

const linkGapNotice: INodeProperties = {
	displayName:
		'Link gap: list your competitors below, and your own site under "Your Domains (Exclude)". You get the sites that link to every competitor but not to you — your best outreach prospects.',
	name: 'linkGapNotice',
	type: 'notice',
	default: '',
};

/**
 * n8n's convention: optional settings live in a collection, and only the ones added are sent.
 * "Add Option" lists them in this order (n8n does not sort them): see OPTION_FIELDS for why.
 * From version 3 on, the API and transport settings have a collection of their own, Advanced;
 * versions 1 and 2 keep them in Options, where their saved workflows store them.
 */
function collection(
	name: string,
	displayName: string,
	fields: Array<{ properties: INodeProperties[] }>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: displayName === 'Options' ? 'Add Option' : `Add ${displayName} Option`,
		default: {},
		options: fields.flatMap((field) => field.properties),
	};
}

const optionFields = Object.values(OPTION_FIELDS);
const fromAdvancedVersion = [{ _cnd: { gte: ADVANCED_VERSION } }];
const collections: INodeProperties[] = [
	forVersions(
		collection('options', 'Options', optionFields),
		NODE_VERSIONS.filter((version) => version < ADVANCED_VERSION),
	),
	forVersions(
		collection(
			'options',
			'Options',
			optionFields.filter((field) => field.place === 'options'),
		),
		fromAdvancedVersion,
	),
	forVersions(
		collection(
			'advanced',
			'Advanced',
			optionFields.filter((field) => field.place === 'advanced'),
		),
		fromAdvancedVersion,
	),
];

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/**
 * n8n evaluates `@tool` as "this is the …Tool variant an AI Agent uses". A property shown only
 * there, or hidden there. (n8n versions without `@tool` show the plain node's property.)
 */
function onlyInTool(property: INodeProperties): INodeProperties {
	const show: Show = { ...property.displayOptions?.show, '@tool': [true] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}
function notInTool(property: INodeProperties): INodeProperties {
	const hide: Show = { ...property.displayOptions?.hide, '@tool': [true] };
	return { ...property, displayOptions: { ...property.displayOptions, hide } };
}

const twins: Record<string, INodeProperties> = Object.fromEntries(
	Object.values(TOOL_TWIN_FIELDS).map((field) => [field.name, field.properties[0]]),
);

/** A top-level property, followed by its tool version when the tool needs other defaults. */
function withToolTwin(property: INodeProperties): INodeProperties[] {
	const twin = twins[property.name];
	return twin ? [notInTool(property), onlyInTool(twin)] : [property];
}

/** The node's UI: everything comes from `fields/`, where each parameter is defined once. */
export const properties: INodeProperties[] = [
	linkGapNotice,
	...Object.values(TOOL_ONLY_FIELDS).flatMap((field) => field.properties.map(onlyInTool)),
	...Object.values(TOP_FIELDS).flatMap((field) => field.properties.flatMap(withToolTwin)),
	...collections,
];
