import { defineFields } from './define';

/** What the input item lends each output row, so rows can be traced to the item they came from. */
export const passThroughFields = defineFields('options', {
	includeInputFields: {
		ui: {
			displayName: 'Include Input Fields',
			type: 'string',
			default: '',
			placeholder: 'client, project',
			description:
				'Fields of the input item to copy onto every output row, separated by commas, e.g. "client" to see which client a row belongs to when several items run at once. They come last in each row.',
		},
	},
});
