import { CostGuard } from './cost';
import type { FetchPage } from './pages';
import type { ApiItem } from '../api/responseSchema';
import type { RunSettings } from '../request/task';
import { Throttle } from '../api/throttle';
import { sendWithRetries } from '../api/retry';
import type { Send } from '../api/sender';

export const LIVE_PATH = '/v3/backlinks/domain_intersection/live';

export interface ExecutionStats {
	requests: number;
	retries: number;
	/** Rate-limit answers (40202, HTTP 429): the account was full, maybe with other workflows. */
	rateLimited: number;
	/** Sum of the `cost` DataForSEO reported, in US dollars. */
	cost: number;
	rows: number;
	/** Sum of the series' total_count: how many referring domains there were to read. */
	total: number;
	/** With Only New: rows fetched, and how many of them no earlier run had emitted. */
	fetched: number;
	fresh: number;
	cutBy: Set<'maxResults' | 'maxCost'>;
	/** How input was read, e.g. a homepage URL as its domain: worth knowing, not a problem. */
	notes: Set<string>;
	/** Sentences about anything that may make the result other than asked for. */
	warnings: Set<string>;
}

/** Settings that the whole execution shares: they come from the first item. */
export const SHARED_SETTINGS = ['timeout', 'concurrency', 'requestsPerMinute', 'maxCost'] as const;

/**
 * What all items of one node execution share: the connection, the rate and concurrency
 * limits, the cost cap and the counters for the run summary.
 */
export class Execution {
	readonly throttle: Throttle;
	readonly costGuard: CostGuard;
	readonly stats: ExecutionStats = {
		requests: 0,
		retries: 0,
		rateLimited: 0,
		cost: 0,
		rows: 0,
		total: 0,
		fetched: 0,
		fresh: 0,
		cutBy: new Set(),
		notes: new Set(),
		warnings: new Set(),
	};

	/**
	 * `signal` is n8n's cancel signal for the execution: on Stop the requests in flight are
	 * aborted, queued ones and back-off pauses end at once, and nothing more is sent.
	 */
	constructor(
		private readonly send: Send,
		readonly settings: RunSettings,
		readonly signal?: AbortSignal,
	) {
		this.throttle = new Throttle(settings.concurrency, settings.requestsPerMinute, signal);
		this.costGuard = new CostGuard(settings.maxCost);
	}

	/** A page fetcher for one item; `counters` also receives that item's own requests and cost. */
	pageFetcher(settings: RunSettings, counters: { requests: number; cost: number }): FetchPage {
		return async (task) => {
			const result = await sendWithRetries(
				this.send,
				{
					maxRetries: settings.maxRetries,
					waitInLineMs: settings.timeout,
					retryDelay: settings.retryDelay,
					throttle: this.throttle,
					signal: this.signal,
					onRateLimited: () => this.stats.rateLimited++,
					onAttempt: (attempt) => {
						this.stats.requests++;
						counters.requests++;
						if (attempt > 0) this.stats.retries++;
					},
				},
				'POST',
				LIVE_PATH,
				[task],
			);
			const cost = result.cost ?? 0;
			this.stats.cost += cost;
			counters.cost += cost;
			const page = result.result?.[0];
			// readTask has checked every item's shape.
			return { total: page?.total_count ?? 0, items: (page?.items ?? []) as ApiItem[] };
		};
	}
}
