import { label } from '../fields';
import { InputError } from '../request/inputError';
import type { IntersectionRequest } from '../request/task';
import { flatColumns } from './flatten';
import { WON_FIELDS } from './wonRows';

// The names the other formats write: raw (the API's item), summary and compact.
const OTHER_KEYS = [
	'domain_intersection',
	'summary',
	'competitors',
	'targets',
	'excluded_domains',
	'excludeTargets',
	'total_count',
	'rows',
	'top_domains',
	'requests',
	'cost',
	'new_rows',
	'answer',
	'tag',
];

/**
 * Refuses an input field named like a column of the output, before anything is sent: copied
 * onto the row, one of the two values would be lost.
 */
export function checkInputFieldNames(request: IntersectionRequest): void {
	if (!request.inputFields) return;
	const taken = new Set([...flatColumns(request.targets.length, request.columns), ...OTHER_KEYS]);
	// Report Won Prospects: a "status" from a sheet row would hide whether the row is new or won.
	if (request.prospects.reportWon) for (const name of ['status', ...WON_FIELDS]) taken.add(name);
	const clash = Object.keys(request.inputFields).find((name) => taken.has(name));
	if (clash === undefined) return;
	throw new InputError(
		label('includeInputFields'),
		`"${clash}" is also a column of the node's output, so one of the two values would be lost. Rename the input field first, e.g. with an Edit Fields node, and include it under its new name.`,
	);
}
