import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { resolveCriteria, type BuilderParameters } from './criteria';
import {
	forEachCondition,
	parseJsonParameter,
	targetIndexOf,
	type FilterExpression,
} from './filters';
import { InputError } from './inputError';
import { binomial, subsets } from './matchMode';
import { MAX_EXCLUDE_TARGETS, MAX_TARGETS, normalizeList } from './targets';

export const PAGE_SIZE = 1000;

/** The body of one DataForSEO task, as sent. Only fields the user set are present. */
export interface DomainIntersectionTask {
	targets: Record<string, string>;
	exclude_targets?: string[];
	filters?: FilterExpression;
	order_by?: string[];
	offset?: number;
	limit?: number;
	internal_list_limit?: number;
	backlinks_status_type?: 'all' | 'live' | 'lost';
	backlinks_filters?: FilterExpression;
	include_subdomains?: boolean;
	include_indirect_links?: boolean;
	exclude_internal_backlinks?: boolean;
	intersection_mode?: 'all' | 'partial';
	rank_scale?: 'one_hundred' | 'one_thousand';
	tag?: string;
}

export type OutputFormat = 'flat' | 'raw' | 'summary';

export interface RunSettings {
	maxRetries: number;
	retryDelay: number;
	timeout: number;
	concurrency: number;
	requestsPerMinute: number;
	maxCost?: number;
}

/** Everything one input item asks for, validated. */
export interface IntersectionRequest {
	/** The task without `offset` and `limit`; the pager sets those per page. */
	task: DomainIntersectionTask;
	targets: string[];
	excludeTargets: string[];
	/** Start position, when the user set one. */
	offset?: number;
	/** Rows wanted; Infinity for Return All without a cap. */
	wanted: number;
	/** What bounds `wanted`, so a cut can be explained. */
	cap: 'limit' | 'maxResults' | 'none';
	/** True when more than one page may be needed, so the order must be made stable. */
	paged: boolean;
	outputFormat: OutputFormat;
	/** For "at least K of N": the K-subsets of target numbers to call; absent for "all". */
	atLeast?: { minMatches: number; subsets: number[][] };
	onlyNew: boolean;
	resetSeen: boolean;
	settings: RunSettings;
}

/** Raw parameter values as n8n returns them. */
export interface NodeParameters {
	targets: unknown;
	excludeTargets: unknown;
	returnAll: boolean;
	limit: unknown;
	maxResults: unknown;
	outputFormat: unknown;
	options: IDataObject;
	/** The filter and sort builders; callers that only use the JSON forms leave them out. */
	builders?: BuilderParameters;
}

const LABELS: Record<string, string> = {
	limit: 'Limit (limit)',
	maxResults: 'Max Results (maxResults)',
	outputFormat: 'Output Format (outputFormat)',
	offset: 'Options > Offset (offset)',
	internalListLimit: 'Options > Internal List Limit (internalListLimit)',
	backlinksStatusType: 'Options > Backlinks Status (backlinksStatusType)',
	includeSubdomains: 'Options > Include Subdomains (includeSubdomains)',
	includeIndirectLinks: 'Options > Include Indirect Links (includeIndirectLinks)',
	excludeInternalBacklinks: 'Options > Exclude Internal Backlinks (excludeInternalBacklinks)',
	intersectionMode: 'Options > Intersection Mode (intersectionMode)',
	rankScale: 'Options > Rank Scale (rankScale)',
	tag: 'Options > Tag (tag)',
	maxRetries: 'Options > Max Retries (maxRetries)',
	retryDelay: 'Options > Retry Delay (retryDelay)',
	timeout: 'Options > Timeout (timeout)',
	concurrency: 'Options > Concurrency (concurrency)',
	requestsPerMinute: 'Options > Requests per Minute (requestsPerMinute)',
	maxCost: 'Options > Max Cost (maxCost)',
	matchMode: 'Options > Match Mode (matchMode)',
	minMatches: 'Options > Minimum Matches (minMatches)',
	maxSubsets: 'Options > Max Competitor Combinations (maxSubsets)',
	onlyNew: 'Options > Only New Since Last Run (onlyNew)',
	resetSeen: 'Options > Forget Seen Domains (resetSeen)',
};
export const FIELD = {
	targets: 'Competitors (targets)',
	excludeTargets: 'Your Domains (Exclude) (excludeTargets)',
	filters: 'Options > Filters (JSON) (filtersJson)',
	orderBy: 'Options > Sort (JSON) (orderByJson)',
	backlinksFilters: 'Options > Backlinks Filters (JSON) (backlinksFiltersJson)',
};

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	z.coerce
		.number({ invalid_type_error: 'must be a number' })
		.int('must be a whole number')
		.min(min, `must be at least ${min}`)
		.max(max, `must be at most ${max}`);

const scalarsSchema = z.object({
	limit: int(1),
	maxResults: int(0),
	outputFormat: z.enum(['flat', 'raw', 'summary']),
	offset: int(0).optional(),
	internalListLimit: int(1, 1000).optional(),
	backlinksStatusType: z.enum(['all', 'live', 'lost']).optional(),
	includeSubdomains: z.boolean().optional(),
	includeIndirectLinks: z.boolean().optional(),
	excludeInternalBacklinks: z.boolean().optional(),
	intersectionMode: z.enum(['all', 'partial']).optional(),
	rankScale: z.enum(['one_hundred', 'one_thousand']).optional(),
	tag: z.string().max(255, 'must be 255 characters or fewer').optional(),
	maxRetries: int(0, 10).default(3),
	retryDelay: int(0, 60_000).default(1000),
	timeout: int(1000, 600_000).default(120_000),
	concurrency: int(1, 30).default(5),
	requestsPerMinute: int(1, 2000).default(2000),
	maxCost: z.coerce.number().positive('must be more than 0').optional(),
	matchMode: z.enum(['all', 'atLeast']).default('all'),
	minMatches: int(1, MAX_TARGETS).optional(),
	maxSubsets: int(1, 1000).default(20),
	onlyNew: z.boolean().default(false),
	resetSeen: z.boolean().default(false),
});

function parseScalars(params: NodeParameters) {
	// Empty strings come from cleared number fields and expressions; treat them as "not set".
	const options = Object.fromEntries(
		Object.entries(params.options).filter(([, value]) => value !== '' && value !== null),
	);
	const parsed = scalarsSchema.safeParse({
		limit: params.limit,
		maxResults: params.maxResults,
		outputFormat: params.outputFormat,
		...options,
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = String(issue.path[0]);
		const value = key in options ? options[key] : (params as unknown as IDataObject)[key];
		throw new InputError(LABELS[key] ?? key, `${issue.message}; got ${JSON.stringify(value)}.`);
	}
	return parsed.data;
}

function jsonOption(value: unknown, field: string): unknown {
	if (value === undefined || value === '') return undefined;
	return typeof value === 'string' ? parseJsonParameter(value, field) : value;
}

function referencesTargetIndex(filters?: FilterExpression, orderBy?: string[]): boolean {
	let found = (orderBy ?? []).some((rule) => targetIndexOf(rule) !== undefined);
	if (filters)
		forEachCondition(filters, ([field]) => (found ||= targetIndexOf(field) !== undefined));
	return found;
}

/** Checks "at least K of N" and plans its calls, refusing runs with too many combinations. */
function planAtLeast(
	scalars: { matchMode: 'all' | 'atLeast'; minMatches?: number; maxSubsets: number },
	targetCount: number,
): IntersectionRequest['atLeast'] {
	if (scalars.matchMode === 'all') return undefined;
	const k = scalars.minMatches;
	if (k === undefined || k > targetCount) {
		throw new InputError(
			LABELS.minMatches,
			`must be between 1 and the number of competitors (${targetCount}); got ${k ?? 'nothing'}.`,
		);
	}
	const count = binomial(targetCount, k);
	if (count > scalars.maxSubsets) {
		throw new InputError(
			LABELS.maxSubsets,
			`"at least ${k} of ${targetCount}" needs ${count} combinations of competitors, each its own request series (at least ${count} requests, about $${(count * 0.02).toFixed(2)} or more), but the limit is ${scalars.maxSubsets}. Raise Max Competitor Combinations, or change Minimum Matches.`,
		);
	}
	return { minMatches: k, subsets: subsets(targetCount, k) };
}

/** Turns one item's parameters into a validated request. Throws InputError; sends nothing. */
export function buildRequest(params: NodeParameters): IntersectionRequest {
	const targets = normalizeList(params.targets, FIELD.targets, {
		min: 1,
		max: MAX_TARGETS,
		allowWildcard: false,
	});
	const excludes = normalizeList(params.excludeTargets, FIELD.excludeTargets, {
		min: 0,
		max: MAX_EXCLUDE_TARGETS,
		allowWildcard: true,
	});
	const both = excludes.values.find((entry) => targets.values.includes(entry));
	if (both) {
		throw new InputError(
			FIELD.excludeTargets,
			`"${both}" is also a competitor, so no domain could match. Remove it from one of the two lists.`,
		);
	}

	const scalars = parseScalars(params);
	const rules = { targetCount: targets.values.length };
	const { filters, orderBy, backlinksFilters } = resolveCriteria(
		params.builders ?? {},
		params.options,
		rules.targetCount,
		{
			filters: jsonOption(params.options.filtersJson, FIELD.filters),
			orderBy: jsonOption(params.options.orderByJson, FIELD.orderBy),
			backlinksFilters: jsonOption(params.options.backlinksFiltersJson, FIELD.backlinksFilters),
			labels: FIELD,
		},
	);

	if (targets.droppedDuplicates && referencesTargetIndex(filters, orderBy)) {
		throw new InputError(
			FIELD.targets,
			'the list repeats a domain, and removing the repeat would renumber the targets your filters or sort refer to (1., 2., …). Remove the repeated entry.',
		);
	}

	const task: DomainIntersectionTask = {
		targets: Object.fromEntries(targets.values.map((target, index) => [String(index + 1), target])),
	};
	if (excludes.values.length > 0) task.exclude_targets = excludes.values;
	if (filters) task.filters = filters;
	if (orderBy && orderBy.length > 0) task.order_by = orderBy;
	if (scalars.internalListLimit !== undefined) task.internal_list_limit = scalars.internalListLimit;
	if (scalars.backlinksStatusType) task.backlinks_status_type = scalars.backlinksStatusType;
	if (backlinksFilters) task.backlinks_filters = backlinksFilters;
	if (scalars.includeSubdomains !== undefined) task.include_subdomains = scalars.includeSubdomains;
	if (scalars.includeIndirectLinks !== undefined)
		task.include_indirect_links = scalars.includeIndirectLinks;
	if (scalars.excludeInternalBacklinks !== undefined) {
		task.exclude_internal_backlinks = scalars.excludeInternalBacklinks;
	}
	if (scalars.intersectionMode) task.intersection_mode = scalars.intersectionMode;
	if (scalars.rankScale) task.rank_scale = scalars.rankScale;
	if (scalars.tag !== undefined && scalars.tag !== '') task.tag = scalars.tag;

	const atLeast = planAtLeast(scalars, targets.values.length);
	const wanted = params.returnAll
		? scalars.maxResults === 0
			? Infinity
			: scalars.maxResults
		: scalars.limit;
	return {
		task,
		targets: targets.values,
		excludeTargets: excludes.values,
		offset: scalars.offset,
		wanted,
		cap: params.returnAll ? (wanted === Infinity ? 'none' : 'maxResults') : 'limit',
		paged: params.returnAll || wanted > PAGE_SIZE,
		outputFormat: scalars.outputFormat,
		atLeast,
		onlyNew: scalars.onlyNew,
		resetSeen: scalars.resetSeen,
		settings: {
			maxRetries: scalars.maxRetries,
			retryDelay: scalars.retryDelay,
			timeout: scalars.timeout,
			concurrency: scalars.concurrency,
			requestsPerMinute: scalars.requestsPerMinute,
			maxCost: scalars.maxCost,
		},
	};
}
