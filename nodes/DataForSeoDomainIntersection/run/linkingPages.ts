import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MAX_FILTER_CONDITIONS } from '../api/limits';
import { findBadBacklink, type ApiTask, type BacklinkItem } from '../api/responseSchema';
import { StoppedError } from '../api/stop';
import { uiPath } from '../fields';
import type { CompactRow } from '../output/compact';
import { fillLinkingPage, linksToCompetitor, LINK_NOTES } from '../output/linkingRows';
import { forEachCondition, type FilterExpression } from '../request/filterGrammar';
import type { IntersectionRequest } from '../request/task';
import { estimateCost } from './cost';
import type { Execution } from './execution';
import { settleAll } from './settleAll';

export const BACKLINKS_PATH = '/v3/backlinks/backlinks/live';
/**
 * Prospects per call. DataForSEO's docs give no limit for an `in` list (only 8 conditions and
 * 1,000 rows a call); 100 keeps a call as quick as a page, and one_per_domain answers with at
 * most one row per prospect, so `limit` never cuts.
 */
export const LINKING_BATCH = 100;

/** The intersection's settings that decide which backlinks count, sent the same way. */
const SHARED = [
	'backlinks_status_type',
	'include_subdomains',
	'include_indirect_links',
	'exclude_internal_backlinks',
] as const;

export interface LinkingCall {
	/** The competitor's position, from 0. */
	index: number;
	domains: string[];
}

/** Prospects in the batches one call asks about. */
export function inBatches(domains: readonly string[]): string[][] {
	const batches: string[][] = [];
	for (let start = 0; start < domains.length; start += LINKING_BATCH)
		batches.push(domains.slice(start, start + LINKING_BATCH));
	return batches;
}

/** one_per_domain gives one row per prospect, the best first; keep the first if not. */
export function bestPerDomain(task: ApiTask): Map<string, BacklinkItem> {
	const found = new Map<string, BacklinkItem>();
	for (const item of (task.result?.[0]?.items ?? []) as BacklinkItem[]) {
		const domain = item.domain_from.toLowerCase();
		if (!found.has(domain)) found.set(domain, item);
	}
	return found;
}

/**
 * One call per competitor per batch of prospects, never one per prospect. A prospect that does
 * not link to a competitor (At Least, Partial) is not asked about for it.
 */
export function linkingCalls(
	prospects: ReadonlyArray<Pick<Prospect, 'domain' | 'links'>>,
	competitors: number,
): LinkingCall[] {
	const calls: LinkingCall[] = [];
	for (let index = 0; index < competitors; index++) {
		const domains = prospects
			.filter((prospect) => prospect.links(index))
			.map((prospect) => prospect.domain);
		for (const batch of inBatches(domains)) calls.push({ index, domains: batch });
	}
	return calls;
}

/** What the calls cost at most: every prospect found. */
export const linkingCost = (calls: readonly LinkingCall[]) =>
	calls.reduce((sum, call) => sum + estimateCost(call.domains.length), 0);

function conditions(filters: FilterExpression): number {
	let count = 0;
	forEachCondition(filters, () => count++);
	return count;
}

/**
 * The backlinks/live task for one call: the best backlink per prospect to one competitor, or to
 * `target` (Report Won Prospects asks for the link to one of Your Domains).
 */
export function backlinksTask(
	request: IntersectionRequest,
	call: Pick<LinkingCall, 'domains'> & Partial<LinkingCall>,
	target = request.targets[call.index ?? 0],
): IDataObject {
	const { task } = request;
	const prospects: FilterExpression = ['domain_from', 'in', call.domains];
	const out: IDataObject = {
		target,
		mode: 'one_per_domain',
		filters: prospects,
		limit: call.domains.length,
	};
	for (const key of SHARED) if (task[key] !== undefined) out[key] = task[key];
	// Backlinks Filters narrow which links count; the same rules pick the linking page.
	const extra = task.backlinks_filters;
	if (extra && conditions(extra) < MAX_FILTER_CONDITIONS) out.filters = [prospects, 'and', extra];
	return out;
}

const usd = (value: number) => `$${value.toFixed(2)}`;

/** One emitted prospect as Linking Pages sees it: a flat row, or a line of the compact answer. */
export interface Prospect {
	domain: string;
	links(index: number): boolean;
	fill(index: number, found: BacklinkItem | undefined, note?: string): void;
}

const flatProspect = (row: IDataObject): Prospect => ({
	domain: String(row.referring_domain),
	links: (index) => linksToCompetitor(row, index),
	fill: (index, found, note) => fillLinkingPage(row, index, found, note),
});

// The answer is for a model: the page without its scheme says the same in fewer characters.
const compactProspect = (row: CompactRow): Prospect => ({
	domain: row.domain,
	links: (index) => row.values[index]?.some((value) => value !== null) ?? false,
	fill: (index, found) => {
		row.pages ??= row.values.map(() => null);
		row.pages[index] = found?.url_from?.replace(/^https?:\/\//, '') ?? null;
	},
});

/**
 * Linking Pages for one item's flat rows, filled in place. The compact answer gets its pages
 * before it is written (addCompactLinkingPages); with Only New it is written before the memory
 * has chosen the rows, so `afterMemory` says that it has none.
 */
export async function addLinkingPages(
	execution: Execution,
	request: IntersectionRequest,
	items: readonly INodeExecutionData[],
	afterMemory = false,
): Promise<void> {
	if (!request.prospects.linkingPages) return;
	if (request.outputFormat === 'compact') {
		if (afterMemory)
			execution.stats.notes.add(
				'Linking Pages are not in the compact answer with Only New; use Output Format Flat for them',
			);
		return;
	}
	if (request.outputFormat !== 'flat') {
		execution.stats.notes.add(
			`Linking Pages fill columns of ${uiPath('outputFormat')} Flat and the compact answer only, so nothing was fetched for them`,
		);
		return;
	}
	await linkProspects(
		execution,
		request,
		items.map((item) => flatProspect(item.json)),
	);
}

/** Linking Pages for the compact answer's lines, before the answer is written. */
export async function addCompactLinkingPages(
	execution: Execution,
	request: IntersectionRequest,
	rows: readonly CompactRow[],
): Promise<void> {
	if (request.prospects.linkingPages)
		await linkProspects(execution, request, rows.map(compactProspect));
}

/**
 * Priced and reserved against Max Cost before the first call (all calls or none), then sent side
 * by side under the execution's throttle. Stop or a failure ends them as it ends pages; nothing
 * is sent after Stop.
 */
async function linkProspects(
	execution: Execution,
	request: IntersectionRequest,
	prospects: readonly Prospect[],
): Promise<void> {
	const competitors = request.targets.length;
	for (const prospect of prospects)
		for (let index = 0; index < competitors; index++)
			if (!prospect.links(index)) prospect.fill(index, undefined, LINK_NOTES.notLinked);
	const calls = linkingCalls(prospects, competitors);
	if (calls.length === 0) return;
	const byDomain = new Map(prospects.map((prospect) => [prospect.domain.toLowerCase(), prospect]));
	const prospectOf = (domain: string) => byDomain.get(domain.toLowerCase()) as Prospect;
	if (!execution.costGuard.tryReserveAll(calls.map((call) => call.domains.length))) {
		for (const call of calls)
			for (const domain of call.domains)
				prospectOf(domain).fill(call.index, undefined, LINK_NOTES.maxCost);
		const count = `${calls.length} ${calls.length === 1 ? 'request' : 'requests'}`;
		execution.stats.warnings.add(
			`Linking Pages were not fetched: their ${count} would cost about ${usd(linkingCost(calls))}, past ${uiPath('maxCost')}; the rows are complete without them`,
		);
		return;
	}
	if (execution.signal.aborted) throw new StoppedError();
	const counters = { requests: 0, cost: 0 };
	const { linking } = execution.stats;
	linking.rows += prospects.length;
	try {
		await settleAll(
			calls.map(async (call) => {
				const task = await execution.call(request.settings, counters, {
					path: BACKLINKS_PATH,
					task: backlinksTask(request, call),
					checkItems: findBadBacklink,
				});
				const cost = task.cost ?? 0;
				execution.stats.cost += cost;
				linking.cost += cost;
				const found = bestPerDomain(task);
				for (const domain of call.domains)
					prospectOf(domain).fill(call.index, found.get(domain.toLowerCase()));
			}),
		);
	} finally {
		linking.requests += counters.requests;
	}
}
