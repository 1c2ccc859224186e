import type { FilterCondition, FilterExpression } from './filterGrammar';

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

/** How items are written out; the Output Format field offers these. */
export const OUTPUT_FORMATS = ['flat', 'raw', 'summary', 'compact'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The column sets the Columns field offers. */
export const COLUMN_SETS = ['key', 'all'] as const;

/**
 * Which per-competitor columns a flat row has:
 * - `key`: the metrics people act on, each metric's columns side by side for every competitor;
 * - `all`: every metric, in the same order, so `key` is the first part of `all`;
 * - `legacy`: nodes of version 1, as 0.1.0 wrote them: `target{n}_…`, all of one target's
 *   metrics together. It also keeps 0.1.0's `targets` keys in the raw and summary formats.
 */
export type ColumnSet = (typeof COLUMN_SETS)[number] | 'legacy';

export interface RunSettings {
	maxRetries: number;
	retryDelay: number;
	timeout: number;
	concurrency: number;
	requestsPerMinute: number;
	maxCost?: number;
}

/** The prospect options of one item, read and checked. */
export interface ProspectOptions {
	/** A prospect_score column; also on when the rows are sorted by it. */
	score: boolean;
	sortByScore: boolean;
	/** Platform domains to leave out (with their subdomains); empty when Skip Platforms is off. */
	skipPlatforms: string[];
	/**
	 * The condition that has DataForSEO leave the platforms out, so they are not paid for; unset
	 * when it can't (Partial mode). In At Least it is added to every combination's call as sent.
	 */
	skipFilter?: FilterCondition;
	linkingPages: boolean;
	/** Only New: also emit, once, earlier prospects that now link to one of Your Domains. */
	reportWon: boolean;
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
	/**
	 * Rows to read at most: `wanted`, except for Only New with a Limit, which reads on (up to
	 * Max Results) until it has found `wanted` new domains.
	 */
	readLimit: number;
	/** What bounds `wanted`, so a cut can be explained. */
	cap: 'limit' | 'maxResults' | 'none';
	/** True when more than one page may be needed, so the order must be made stable. */
	paged: boolean;
	outputFormat: OutputFormat;
	columns: ColumnSet;
	/** True when Competitors is an expression, so each input item may have its own list. */
	competitorsVary: boolean;
	/** For "at least K of N": the combinations of target numbers to call, largest first. */
	atLeast?: { minMatches: number; subsets: number[][] };
	onlyNew: boolean;
	/** Prospect score, Skip Platforms, Linking Pages. */
	prospects: ProspectOptions;
	resetSeen: boolean;
	settings: RunSettings;
	/** How the node read what was typed, e.g. a homepage URL as a domain; shown in the run hint. */
	notes: string[];
	/** Include Input Fields: the input item's fields to copy onto each output item. */
	inputFields?: Record<string, unknown>;
}
