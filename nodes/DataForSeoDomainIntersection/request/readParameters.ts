import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defaultFor, FIELDS } from '../fields';
import { checkInputFieldNames } from '../output/inputFields';
import { buildRequest } from './buildRequest';
import type { IntersectionRequest } from './task';

/** One item's parameters, read from n8n and turned into a validated request. */
export function readRequest(fn: IExecuteFunctions, itemIndex: number): IntersectionRequest {
	const version = fn.getNode().typeVersion;
	// A hidden field is not in the node's parameters; n8n's default for this version stands in.
	const read = (name: keyof typeof FIELDS) =>
		fn.getNodeParameter(name, itemIndex, defaultFor(name, version));
	const returnAll = read('returnAll') as boolean;
	const typed = fn.getNode().parameters.targets;
	const request = buildRequest({
		targets: read('targets'),
		excludeTargets: read('excludeTargets'),
		// n8n keeps an expression as text starting with "=", before it is resolved per item.
		competitorsVary: typeof typed === 'string' && typed.startsWith('='),
		returnAll,
		limit: returnAll ? 1 : read('limit'),
		// Only New with a Limit reads on up to Max Results, so it is read even when hidden.
		maxResults: read('maxResults'),
		outputFormat: read('outputFormat'),
		columns: version < 2 ? undefined : read('columns'),
		version,
		// Version 3 moved the API and transport settings to Advanced; each field's name is unique
		// across both, so reading them as one keeps versions 1 and 2 (all in Options) working.
		options: {
			...(fn.getNodeParameter('options', itemIndex, {}) as IDataObject),
			...(fn.getNodeParameter('advanced', itemIndex, {}) as IDataObject),
		},
		builders: {
			filterBuilder: read('filterBuilder'),
			filterCombine: read('filterCombine'),
			sortBuilder: read('sortBuilder'),
		},
		input: fn.getInputData()[itemIndex]?.json ?? {},
	});
	checkInputFieldNames(request);
	return request;
}
