import { builderFields, criteriaOptionFields } from './criteria';
import { labelOf, uiPathOf, type NamedField } from './define';
import { mainFields, outputFields, pagingFields } from './main';
import { matchingFields } from './matching';
import { apiOptionFields } from './options';
import { runSettingFields } from './runSettings';
import { toolOnlyFields, toolTwinFields } from './tool';

export { labelOf } from './define';

/** The top-level fields, in UI order. */
export const TOP_FIELDS = { ...mainFields, ...builderFields, ...pagingFields, ...outputFields };

/** The fields inside Options. */
export const OPTION_FIELDS = {
	...criteriaOptionFields,
	...apiOptionFields,
	...matchingFields,
	...runSettingFields,
};

/** The tool variant's own fields, and its versions of top-level fields with other defaults. */
export const TOOL_ONLY_FIELDS = toolOnlyFields;
export const TOOL_TWIN_FIELDS = toolTwinFields;

/** Every field by name, for labels in error messages. */
export const FIELDS = { ...TOP_FIELDS, ...OPTION_FIELDS, ...TOOL_ONLY_FIELDS };
export type FieldName = keyof typeof FIELDS;

/** "Options > Offset (offset)": the label an error about a field starts with. */
export function label(name: FieldName): string {
	return labelOf(FIELDS[name] as NamedField);
}

/** "Options > Offset": where a person finds the field, for hints that name it. */
export function uiPath(name: FieldName): string {
	return uiPathOf(FIELDS[name] as NamedField);
}

export { apiOptionFields, matchingFields, runSettingFields };
