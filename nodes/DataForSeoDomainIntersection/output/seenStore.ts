import { NodeOperationError, sleep } from 'n8n-workflow';
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';

import { fingerprint, forgetLegacySeen, legacySeen } from './legacySeen';

/**
 * Most entries n8n keeps for this node (all its competitor sets together); the oldest are
 * forgotten first. n8n's helpers keep one list per node, read and written whole on every call,
 * so the cap also bounds that cost (50,000 entries ≈ 1.3 MB in the database row).
 */
export const MAX_SEEN_DOMAINS = 50_000;
/** The first n8n with the deduplication helpers this relies on. */
export const MIN_N8N_VERSION = '1.64';
/**
 * Entries per removeProcessed call: n8n looks each one up with findIndex over the whole list,
 * so a call costs entries × list length; small calls let the event loop breathe in between.
 */
export const REMOVE_CHUNK = 100;
/** Tries of one store call that clashed with another execution creating the node's row. */
const CLASH_TRIES = 4;

/** The run hint's sentence for Only New in a manual run. */
export const MANUAL_RUN_NOTE =
	'Only New Since Last Run is not applied in a manual run: n8n can look a domain up in its memory only by recording it, and a test run must not use up newness. These rows may include domains that earlier runs emitted; production runs (schedule, webhook, active workflow) emit only new ones and remember them.';

/** What Only New knows about one competitor set before it asks n8n's store. */
export interface SeenRequest {
	readonly targets: readonly string[];
	readonly excludeTargets: readonly string[];
	readonly resetSeen: boolean;
}

/**
 * "Only new since the last run" as one execution sees it. n8n's helpers have no read-only
 * look-up: checking a domain records it. So the node checks only once it knows what it will
 * emit, in `check`, which is both the look-up and the write.
 */
export interface SeenStore {
	/** The store's key for a domain of this competitor set. */
	entry(setKey: string, domain: string): string;
	/** Known to version 0.1.0's memory (read-only): not new, and never checked. */
	knownBefore(setKey: string, domain: string): boolean;
	/** Records the entries; returns those no earlier run had recorded. */
	check(entries: readonly string[]): Promise<Set<string>>;
	/** Takes recorded entries out again (rows past a Limit, or a run that failed after a check). */
	forget(entries: readonly string[]): Promise<void>;
	/** How many entries the node remembers (all its sets), read without writing; undefined if n8n can't say. */
	count(): Promise<number | undefined>;
}

type Helpers = IExecuteFunctions['helpers'];
type DedupHelpers = Pick<
	Helpers,
	'checkProcessedAndRecord' | 'removeProcessed' | 'clearAllProcessedItems'
> &
	Partial<Pick<Helpers, 'getProcessedDataCount'>>;

const SCOPE = 'node';
const OPTIONS: ICheckProcessedOptions = { mode: 'entries', maxEntries: MAX_SEEN_DOMAINS };

/** Same targets and excludes, in any order and case, share one memory. */
export function targetSetKey(
	targets: readonly string[],
	excludeTargets: readonly string[],
): string {
	const sorted = (list: readonly string[]) =>
		[...list]
			.map((t) => t.toLowerCase())
			.sort()
			.join(',');
	return fingerprint(`${sorted(targets)}|${sorted(excludeTargets)}`);
}

/** Refuses Only New, before anything is sent, on an n8n without the deduplication helpers. */
export function requireDedupHelpers(fn: IExecuteFunctions, itemIndex: number): DedupHelpers {
	const helpers = fn.helpers as Partial<Helpers>;
	if (
		typeof helpers.checkProcessedAndRecord !== 'function' ||
		typeof helpers.removeProcessed !== 'function' ||
		typeof helpers.clearAllProcessedItems !== 'function'
	)
		throw new NodeOperationError(
			fn.getNode(),
			`Only New Since Last Run needs n8n ${MIN_N8N_VERSION} or newer`,
			{
				itemIndex,
				description: `This n8n lacks the deduplication helpers where the node remembers the domains it has emitted. Update n8n to ${MIN_N8N_VERSION} or newer, or turn off Options > Only New Since Last Run. Nothing was sent to DataForSEO.`,
			},
		);
	return helpers as DedupHelpers;
}

/**
 * Two executions that find no row for this node both insert one; the database refuses the
 * second (PostgreSQL, SQLite, MySQL wording). Nothing was written, so the call can be repeated.
 */
export function isRowClash(error: unknown): boolean {
	const text = error instanceof Error ? error.message : String(error);
	return /duplicate key value violates unique constraint|UNIQUE constraint failed|ER_DUP_ENTRY|Duplicate entry/i.test(
		text,
	);
}

/**
 * The memory in n8n's deduplication store (the `processed_data` table, scope "node"), which every
 * process of a queue-mode n8n shares. Entries are "<set key> <domain>", so competitor sets of one
 * node don't mix. n8n reads, changes and writes the node's one row without a lock, so every call
 * of this execution waits for the one before it.
 */
class DedupSeenStore implements SeenStore {
	private queue: Promise<unknown> = Promise.resolve();
	private cleared = false;
	private readonly legacy = new Map<string, Set<string>>();

	constructor(
		private readonly helpers: DedupHelpers,
		private readonly staticData: ReturnType<IExecuteFunctions['getWorkflowStaticData']>,
		/** Forget Seen Domains: the node's memory is cleared just before the first write. */
		private readonly forgetFirst: boolean,
	) {}

	private serial<T>(call: () => Promise<T>): Promise<T> {
		const run = this.queue.then(async () => {
			for (let attempt = 1; ; attempt++) {
				const settled = await call().then(
					(value) => ({ ok: true as const, value }),
					(error: unknown) => ({ ok: false as const, error }),
				);
				if (settled.ok) return settled.value;
				if (!isRowClash(settled.error) || attempt >= CLASH_TRIES) throw settled.error;
				await sleep(20 * attempt);
			}
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	entry(setKey: string, domain: string): string {
		return `${setKey} ${domain}`;
	}

	knownBefore(setKey: string, domain: string): boolean {
		if (this.forgetFirst) return false;
		let known = this.legacy.get(setKey);
		if (!known) this.legacy.set(setKey, (known = legacySeen(this.staticData, setKey)));
		return known.size > 0 && known.has(fingerprint(domain));
	}

	private async clearOnce(): Promise<void> {
		if (!this.forgetFirst || this.cleared) return;
		await this.helpers.clearAllProcessedItems(SCOPE, OPTIONS);
		forgetLegacySeen(this.staticData);
		this.cleared = true;
	}

	async check(entries: readonly string[]): Promise<Set<string>> {
		const unique = [...new Set(entries)];
		return this.serial(async () => {
			await this.clearOnce();
			if (unique.length === 0) return new Set<string>();
			const result = await this.helpers.checkProcessedAndRecord(unique, SCOPE, OPTIONS);
			return new Set(result.new.map(String));
		});
	}

	async count(): Promise<number | undefined> {
		const { getProcessedDataCount } = this.helpers;
		if (typeof getProcessedDataCount !== 'function') return undefined;
		return this.serial(async () => {
			if (this.forgetFirst && !this.cleared) return 0;
			return await getProcessedDataCount(SCOPE, OPTIONS);
		});
	}

	async forget(entries: readonly string[]): Promise<void> {
		const unique = [...new Set(entries)];
		for (let i = 0; i < unique.length; i += REMOVE_CHUNK) {
			const chunk = unique.slice(i, i + REMOVE_CHUNK);
			await this.serial(() => this.helpers.removeProcessed(chunk, SCOPE, OPTIONS));
		}
	}
}

/**
 * The execution's SeenStore, or undefined when Only New must not touch n8n's store: in a manual
 * run, which must not change the memory, since n8n has no look-up that does not record.
 * Call requireDedupHelpers for each Only New item first.
 */
export function openSeenStore(
	fn: IExecuteFunctions,
	requests: ReadonlyArray<SeenRequest & { onlyNew: boolean }>,
): SeenStore | undefined {
	const asking = requests.filter((request) => request.onlyNew);
	if (asking.length === 0 || fn.getMode() === 'manual') return undefined;
	const forget = asking.some((request) => request.resetSeen);
	return new DedupSeenStore(fn.helpers as DedupHelpers, fn.getWorkflowStaticData('node'), forget);
}
