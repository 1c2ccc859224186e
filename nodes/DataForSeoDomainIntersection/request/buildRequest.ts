import type { IDataObject } from 'n8n-workflow';

import { MAX_EXCLUDE_TARGETS, MAX_TARGETS, PAGE_SIZE } from '../api/limits';
import { apiOptionFields, label, LATEST_VERSION } from '../fields';
import { planAtLeast } from './atLeastPlan';
import { resolveCriteria, type BuilderParameters } from './criteria';
import { forEachCondition, targetIndexOf, type FilterExpression } from './filterGrammar';
import { pickInputFields } from './inputFields';
import { andFilter, platformFilter, readProspects } from './prospects';
import { InputError } from './inputError';
import { parseScalars, type Scalars } from './scalars';
import { checkPagedOrder } from './sortOrder';
import { checkNoClash, normalizeList } from './targets';
import type { DomainIntersectionTask, IntersectionRequest } from './task';

/** Raw parameter values as n8n returns them. */
export interface NodeParameters {
	targets: unknown;
	excludeTargets: unknown;
	returnAll: boolean;
	limit: unknown;
	maxResults: unknown;
	outputFormat: unknown;
	/** The Columns field; nodes of version 1 have none. */
	columns?: unknown;
	/** True when Competitors is an expression; a typed list is the same for every item. */
	competitorsVary?: boolean;
	/** The node's version: 1 keeps 0.1.0's columns. The latest when not given. */
	version?: number;
	options: IDataObject;
	/** The filter and sort builders; callers that only use the JSON forms leave them out. */
	builders?: BuilderParameters;
	/** The input item's fields, for Include Input Fields. */
	input?: IDataObject;
}

function referencesTargetIndex(filters?: FilterExpression, orderBy?: string[]): boolean {
	let found = (orderBy ?? []).some((rule) => targetIndexOf(rule) !== undefined);
	if (filters)
		forEachCondition(filters, ([field]) => (found ||= targetIndexOf(field) !== undefined));
	return found;
}

/** The options that map one to one onto task fields, as set. */
function apiOptions(scalars: Scalars): Partial<DomainIntersectionTask> {
	const task: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(apiOptionFields)) {
		const value = scalars[name as keyof typeof apiOptionFields];
		if (value !== undefined && value !== '') task[field.api] = value;
	}
	return task as Partial<DomainIntersectionTask>;
}

/** Turns one item's parameters into a validated request. Throws InputError; sends nothing. */
export function buildRequest(params: NodeParameters): IntersectionRequest {
	const targets = normalizeList(params.targets, label('targets'), {
		min: 1,
		max: MAX_TARGETS,
		allowWildcard: false,
	});
	const excludes = normalizeList(params.excludeTargets, label('excludeTargets'), {
		min: 0,
		max: MAX_EXCLUDE_TARGETS,
		allowWildcard: true,
	});
	checkNoClash(targets.values, excludes.values, label('excludeTargets'));

	const scalars = parseScalars(params);
	const { filters, orderBy, orderByLabel, backlinksFilters } = resolveCriteria(
		params.builders ?? {},
		params.options,
		targets.values.length,
	);

	if (targets.droppedDuplicates && referencesTargetIndex(filters, orderBy)) {
		throw new InputError(
			label('targets'),
			'the list repeats a domain, and removing the repeat would renumber the competitors your filters or sort refer to (1., 2., …). Remove the repeated entry.',
		);
	}

	const { offset, ...optionsSent } = apiOptions(scalars);
	const task: DomainIntersectionTask = {
		targets: Object.fromEntries(targets.values.map((target, index) => [String(index + 1), target])),
	};
	if (excludes.values.length > 0) task.exclude_targets = excludes.values;
	const atLeast = planAtLeast(scalars, targets.values.length, excludes.values.length);
	const prospects = readProspects(params.options);
	// The option is shown only under Only New: without its memory there is nothing "earlier".
	prospects.reportWon &&= scalars.onlyNew;
	const partial = scalars.intersectionMode === 'partial';
	prospects.skipFilter = platformFilter(filters, prospects.skipPlatforms, partial);
	// At Least adds it to each combination's call: renumbering would drop it where competitor 1 is out.
	const sent =
		prospects.skipFilter && !atLeast ? andFilter(filters, prospects.skipFilter) : filters;
	if (sent) task.filters = sent;
	if (orderBy && orderBy.length > 0) task.order_by = orderBy;
	if (backlinksFilters) task.backlinks_filters = backlinksFilters;
	Object.assign(task, optionsSent);

	const maxResults = scalars.maxResults === 0 ? Infinity : scalars.maxResults;
	const wanted = params.returnAll ? maxResults : scalars.limit;
	const readsOn = scalars.onlyNew && !params.returnAll;
	const paged = params.returnAll || wanted > PAGE_SIZE || readsOn;
	checkPagedOrder(orderBy, paged, orderByLabel, atLeast !== undefined);
	return {
		task,
		targets: targets.values,
		excludeTargets: excludes.values,
		offset,
		wanted,
		readLimit: readsOn ? Math.max(maxResults, wanted) : wanted,
		cap: params.returnAll ? (wanted === Infinity ? 'none' : 'maxResults') : 'limit',
		paged,
		outputFormat: scalars.outputFormat,
		columns: (params.version ?? LATEST_VERSION) < 2 ? 'legacy' : scalars.columns,
		competitorsVary: params.competitorsVary ?? false,
		atLeast,
		onlyNew: scalars.onlyNew,
		prospects,
		resetSeen: scalars.resetSeen,
		notes: [...targets.notes, ...excludes.notes, ...scalars.notes],
		inputFields: pickInputFields(params.options.includeInputFields, params.input ?? {}),
		settings: {
			maxRetries: scalars.maxRetries,
			retryDelay: scalars.retryDelay,
			timeout: scalars.timeout,
			concurrency: scalars.concurrency,
			requestsPerMinute: scalars.requestsPerMinute,
			maxCost: scalars.maxCost || undefined,
		},
	};
}
