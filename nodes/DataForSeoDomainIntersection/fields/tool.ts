import { z } from 'zod';

import { MAX_EXCLUDE_TARGETS, MAX_TARGETS } from '../api/limits';
import { ANSWER_MAX_ROWS } from '../output/compact';
import { OUTPUT_FORMATS } from '../request/task';
import { PRICE_PER_REQUEST, PRICE_PER_ROW } from '../run/cost';
import { defineFields, int } from './define';
import { outputFields } from './main';

/**
 * The tool variant: n8n turns a `usableAsTool` node into "<name>Tool" for AI Agents and shows a
 * property there only with displayOptions `'@tool': [true]` (description/ adds them). Its
 * defaults fit a model: a compact answer, 20 domains, and a description the model reads.
 */

export const TOOL_LIMIT = 20;
const PER_CALL = PRICE_PER_REQUEST + PRICE_PER_ROW * TOOL_LIMIT;

/**
 * How a model should write each argument, named as the editor's "let the model define" button
 * names them (display name, other characters as _). Used in the tool description and in errors.
 */
export const MODEL_HINTS = {
	targets: `1 to ${MAX_TARGETS} competitor domains separated by commas, e.g. "moz.com, ahrefs.com" (a page as a full URL, e.g. "https://moz.com/blog/")`,
	excludeTargets: `up to ${MAX_EXCLUDE_TARGETS} of the user's own domains to leave out, separated by commas, e.g. "mysite.com"; "none" if there is nothing to exclude`,
	limit: `how many domains to list, a whole number, e.g. ${TOOL_LIMIT}; one answer lists at most ${ANSWER_MAX_ROWS}`,
} as const;

export const TOOL_DESCRIPTION = [
	'Finds link prospects: the sites that link to all of the given competitors but not to the user (DataForSEO backlink data).',
	`Arguments: Competitors: ${MODEL_HINTS.targets}. Your_Domains__Exclude_: ${MODEL_HINTS.excludeTargets}. Limit: ${MODEL_HINTS.limit}.`,
	`Cost: about $${PER_CALL.toFixed(2)} per call, so ask once with all competitors rather than once per competitor.`,
	'Answer: a header line (how many domains match, how many are shown, the cost, anything cut), then one line per domain: domain | how many competitors it links to | rank/backlinks/first seen for each competitor in the order given.',
].join('\n');

/** Shown only in the tool variant; the plain node has no such parameter. */
export const toolOnlyFields = defineFields('top', {
	toolDescription: {
		ui: {
			displayName: 'Description',
			type: 'string',
			typeOptions: { rows: 6 },
			default: TOOL_DESCRIPTION,
			required: true,
			description:
				'What the AI model reads about this tool on every call: what it finds, how to write the arguments, the cost and what comes back. Keep it short.',
		},
	},
});

/** Same names as the node's own fields, with defaults for a model; shown only in the tool. */
export const toolTwinFields = defineFields('top', {
	limit: {
		rule: int(1),
		ui: {
			displayName: 'Limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: TOOL_LIMIT,
			description: `Max number of referring domains per answer. The compact answer lists at most ${ANSWER_MAX_ROWS} (fewer for many competitors) and says so when it lowers the Limit.`,
			displayOptions: { show: { returnAll: [false] } },
		},
	},
	outputFormat: {
		rule: z.enum(OUTPUT_FORMATS),
		ui: { ...outputFields.outputFormat.ui, default: 'compact' },
	},
});
