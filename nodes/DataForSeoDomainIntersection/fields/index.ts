import { builderFields, criteriaOptionFields } from './criteria';
import { defaultOf, labelOf, uiPathOf, type NamedField } from './define';
import { mainFields, outputFields, pagingFields } from './main';
import { matchingFields } from './matching';
import { passThroughFields } from './passThrough';
import { prospectFields } from './prospects';
import { apiOptionFields } from './options';
import { runSettingFields } from './runSettings';
import { toolOnlyFields, toolTwinFields } from './tool';

export { ADVANCED_VERSION, forVersions, labelOf, LATEST_VERSION, NODE_VERSIONS } from './define';

/** The top-level fields, in UI order. */
export const TOP_FIELDS = { ...mainFields, ...builderFields, ...pagingFields, ...outputFields };

const { maxCost, ...technicalFields } = runSettingFields;
const { filtersJson, orderByJson, backlinksFiltersJson, ...backlinksBuilder } =
	criteriaOptionFields;

/**
 * The fields inside Options, in the order "Add Option" lists them: the link-gap choices first
 * (who counts as a match, only new, what makes a prospect, the cost cap), then what is asked of
 * DataForSEO, then the JSON forms, then the technical settings. Those marked `advanced` (API paging, the JSON forms,
 * the technical settings) move to the Advanced collection from version 3 on, in this order.
 */
export const OPTION_FIELDS = {
	...matchingFields,
	...prospectFields,
	maxCost,
	...apiOptionFields,
	...backlinksBuilder,
	...passThroughFields,
	filtersJson,
	orderByJson,
	backlinksFiltersJson,
	...technicalFields,
};

/** The tool variant's own fields, and its versions of top-level fields with other defaults. */
export const TOOL_ONLY_FIELDS = toolOnlyFields;
export const TOOL_TWIN_FIELDS = toolTwinFields;

/** Every field by name, for labels in error messages. */
export const FIELDS = { ...TOP_FIELDS, ...OPTION_FIELDS, ...TOOL_ONLY_FIELDS };
export type FieldName = keyof typeof FIELDS;

/** "Options > Offset": the label an error about a field starts with. */
export function label(name: FieldName): string {
	return labelOf(FIELDS[name] as NamedField);
}

/** "Options > Offset": where a person finds the field, for hints that name it. */
export function uiPath(name: FieldName): string {
	return uiPathOf(FIELDS[name] as NamedField);
}

/** What n8n fills in for a field the node does not store, in a node of this version. */
export function defaultFor(name: FieldName, version: number): unknown {
	return defaultOf(FIELDS[name] as NamedField, version);
}

export { apiOptionFields, matchingFields, prospectFields, runSettingFields };
