import { NodeOperationError } from 'n8n-workflow';
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

/** "Only new since the last run" for one competitor set. */
export interface SeenStore {
	/** The domains (of these) that no earlier run emitted for this competitor set. */
	filterNew(domains: string[]): Promise<Set<string>>;
	/** Marks domains as emitted; call only once the item's series has succeeded. */
	remember(domains: string[]): Promise<void>;
}

export interface SeenRequest {
	readonly targets: readonly string[];
	readonly excludeTargets: readonly string[];
	readonly resetSeen: boolean;
}

type Helpers = IExecuteFunctions['helpers'];
type DedupHelpers = Pick<
	Helpers,
	'checkProcessedAndRecord' | 'removeProcessed' | 'clearAllProcessedItems'
>;

const SCOPE = 'node';
const PROBE: ICheckProcessedOptions = { mode: 'entries' };
const RECORD: ICheckProcessedOptions = { mode: 'entries', maxEntries: MAX_SEEN_DOMAINS };

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

function dedupHelpers(fn: IExecuteFunctions, itemIndex: number): DedupHelpers {
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
 * The memory in n8n's deduplication store (the `processed_data` table, scope "node"), which every
 * process of a queue-mode n8n shares. Entries are "<set key> <domain>", so competitor sets of one
 * node don't mix. n8n's helpers only check-and-record, so filterNew records and then removes what
 * was new: nothing stays recorded before remember().
 */
class DedupSeenStore implements SeenStore {
	constructor(
		private readonly helpers: DedupHelpers,
		private readonly setKey: string,
		/** Manual runs read the memory but don't change it, so testing doesn't use up newness. */
		private readonly records: boolean,
		/** Forget Seen Domains in a manual run: everything counts as new, nothing is cleared. */
		private readonly blank: boolean,
		private readonly legacy: Set<string>,
	) {}

	private entry(domain: string): string {
		return `${this.setKey} ${domain}`;
	}

	async filterNew(domains: string[]): Promise<Set<string>> {
		const unique = [...new Set(domains)];
		if (this.blank || unique.length === 0) return new Set(unique);
		const byEntry = new Map(unique.map((domain) => [this.entry(domain), domain]));
		const probe = await this.helpers.checkProcessedAndRecord([...byEntry.keys()], SCOPE, PROBE);
		if (probe.new.length > 0) await this.helpers.removeProcessed(probe.new, SCOPE, PROBE);
		const fresh = probe.new.map((entry) => byEntry.get(String(entry)) as string);
		return new Set(fresh.filter((domain) => !this.legacy.has(fingerprint(domain))));
	}

	async remember(domains: string[]): Promise<void> {
		if (!this.records || domains.length === 0) return;
		const entries = [...new Set(domains)].map((domain) => this.entry(domain));
		await this.helpers.checkProcessedAndRecord(entries, SCOPE, RECORD);
	}
}

/**
 * Hands out one SeenStore per competitor set in an execution. Forget Seen Domains clears the
 * node's whole memory (n8n keeps one list per node, so one set can't be cleared alone), once per
 * execution, before that item reads it.
 */
export class SeenMemory {
	private cleared?: Promise<void>;

	constructor(private readonly fn: IExecuteFunctions) {}

	async for(request: SeenRequest, itemIndex: number): Promise<SeenStore> {
		const helpers = dedupHelpers(this.fn, itemIndex);
		const records = this.fn.getMode() !== 'manual';
		const setKey = targetSetKey(request.targets, request.excludeTargets);
		const staticData = this.fn.getWorkflowStaticData('node');
		if (request.resetSeen && records) {
			this.cleared ??= helpers.clearAllProcessedItems(SCOPE, PROBE).then(() => {
				forgetLegacySeen(staticData);
			});
			await this.cleared;
		}
		const blank = request.resetSeen && !records;
		const legacy = blank ? new Set<string>() : legacySeen(staticData, setKey);
		return new DedupSeenStore(helpers, setKey, records, blank, legacy);
	}
}
