import { CostGuard } from './cost';
import type { FetchPage } from './pages';
import type { ApiItem, ApiTask, ItemReader, ReadItem } from '../api/responseSchema';
import type { RunSettings } from '../request/task';
import { Throttle } from '../api/throttle';
import { sendWithRetries, type RetryPolicy } from '../api/retry';
import type { Send } from '../api/sender';
import { ExecutionAbort } from '../api/stop';
import { Turns } from '../api/turns';

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
	/** Skip Platforms: rows left out after they were fetched (Partial mode, or a filter missed). */
	skipped: number;
	/** Linking Pages: their own requests and cost, also counted in the totals above. */
	linking: { requests: number; cost: number; rows: number };
	/** Report Won Prospects: its own requests and cost (also in the totals), and rows reported. */
	won: { requests: number; cost: number; rows: number };
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
	/** Fired by Stop or by the first failure; `signal` is its signal. */
	readonly abort: ExecutionAbort;
	readonly signal: AbortSignal;
	readonly costGuard: CostGuard;
	/** The event loop's turns, shared by all items' parsing and row building. */
	readonly turns: Turns;
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
		skipped: 0,
		linking: { requests: 0, cost: 0, rows: 0 },
		won: { requests: 0, cost: 0, rows: 0 },
		notes: new Set(),
		warnings: new Set(),
	};

	/**
	 * `stopSignal` is n8n's cancel signal for the execution. On Stop, or once an item fails the
	 * execution, the requests in flight are aborted, queued ones and back-off pauses end at once,
	 * and nothing more is sent.
	 */
	constructor(
		private readonly send: Send,
		readonly settings: RunSettings,
		stopSignal?: AbortSignal,
		turns = new Turns(),
	) {
		this.turns = turns;
		this.abort = new ExecutionAbort(stopSignal);
		this.signal = this.abort.signal;
		this.throttle = new Throttle(settings.concurrency, settings.requestsPerMinute, this.signal);
		this.costGuard = new CostGuard(settings.maxCost);
	}

	/** False with Continue On Fail: a failing item then ends only itself. */
	failFast = true;
	/** The error that failed the execution, and the other requests it cut off in flight. */
	failedWith: unknown;
	cutRequests = 0;

	/** The first failure ends the execution: the others' requests are aborted, their waits end. */
	fail(error: unknown): void {
		if (this.abort.cause) return;
		this.failedWith = error;
		this.cutRequests = this.throttle.room.onTheWire;
		this.abort.fail();
	}

	/**
	 * A page fetcher for one item; `counters` also receives that item's own requests and cost. A
	 * request that fails for good fails the execution at once (unless `failFast` is off), not
	 * once its item's other pages have ended.
	 */
	pageFetcher(settings: RunSettings, counters: { requests: number; cost: number }): FetchPage {
		return this.fetcher(settings, counters) as FetchPage;
	}

	/** pageFetcher whose items come read by `read`, as far as they were while being parsed. */
	readingFetcher<T>(
		settings: RunSettings,
		counters: { requests: number; cost: number },
		read: ItemReader<T>,
	): FetchPage<ApiItem | ReadItem<T>> {
		return this.fetcher(settings, counters, read) as FetchPage<ApiItem | ReadItem<T>>;
	}

	private fetcher(
		settings: RunSettings,
		counters: { requests: number; cost: number },
		read?: ItemReader,
	): FetchPage<ApiItem | ReadItem> {
		return async (task) => {
			const sent = this.sendPage(settings, counters, task, undefined, read);
			// Seen before the item's own handling, which waits for its other pages.
			sent.catch((error: unknown) => this.failFast && this.fail(error));
			const result = await sent;
			const cost = result.cost ?? 0;
			this.stats.cost += cost;
			counters.cost += cost;
			const page = result.result?.[0];
			// readTask has checked the shape of every item not already read.
			return { total: page?.total_count ?? 0, items: (page?.items ?? []) as ApiItem[] };
		};
	}

	/**
	 * One call to another endpoint (Linking Pages' backlinks/live) under the same throttle, retries,
	 * Stop and first-failure rule; `counters` gets its requests, and the cost is added by the caller.
	 */
	async call(
		settings: RunSettings,
		counters: { requests: number; cost: number },
		request: { path: string; task: object; checkItems: RetryPolicy['checkItems'] },
	): Promise<ApiTask> {
		const sent = this.sendPage(settings, counters, request.task, request);
		sent.catch((error: unknown) => this.failFast && this.fail(error));
		return sent;
	}

	private sendPage(
		settings: RunSettings,
		counters: { requests: number; cost: number },
		task: object,
		endpoint?: { path: string; checkItems: RetryPolicy['checkItems'] },
		readItem?: ItemReader,
	): Promise<ApiTask> {
		const policy: RetryPolicy = {
			maxRetries: settings.maxRetries,
			waitInLineMs: settings.timeout,
			retryDelay: settings.retryDelay,
			throttle: this.throttle,
			signal: this.signal,
			onRateLimited: () => this.stats.rateLimited++,
			checkItems: endpoint?.checkItems,
			readItem,
			onAttempt: (attempt) => {
				this.stats.requests++;
				counters.requests++;
				if (attempt > 0) this.stats.retries++;
			},
		};
		return sendWithRetries(this.send, policy, 'POST', endpoint?.path ?? LIVE_PATH, [task]);
	}
}
