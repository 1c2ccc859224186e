import type { INodeExecutionData } from 'n8n-workflow';

import { MAX_TARGETS, PAGE_SIZE } from '../api/limits';
import {
	findBadBacklink,
	findBadItem,
	type ApiItem,
	type BacklinkItem,
} from '../api/responseSchema';
import { StoppedError } from '../api/stop';
import { uiPath } from '../fields';
import { referringDomainOf } from '../output/flatten';
import type { SeenStore } from '../output/seenStore';
import { markNew, wonItem, WON_NOTES } from '../output/wonRows';
import type { DomainIntersectionTask, IntersectionRequest } from '../request/task';
import { estimateCost } from './cost';
import { LIVE_PATH, type Execution } from './execution';
import { BACKLINKS_PATH, backlinksTask, bestPerDomain, inBatches } from './linkingPages';
import { settleAll } from './settleAll';

/**
 * Domains read per domain of Your Domains: one page, those whose link to it is newest. A prospect
 * won since the last run has a new link, so a weekly run finds it among them.
 */
export const WON_WINDOW = PAGE_SIZE;

/**
 * The intersection call that finds the won: the same competitors, filters and link settings with
 * your domain added as a target and no exclude targets, newest link to your domain first. Rows
 * there link to every competitor and to you; those an earlier run emitted are the won ones.
 */
export function wonTask(request: IntersectionRequest, yours: string): DomainIntersectionTask {
	const task: DomainIntersectionTask = { ...request.task };
	// Your other domains stay targets of their own calls: excluding them would hide a prospect that links to two.
	delete task.exclude_targets;
	delete task.intersection_mode;
	const position = request.targets.length + 1;
	task.targets = { ...task.targets, [String(position)]: yours };
	task.order_by = [`${position}.first_seen,desc`];
	task.offset = 0;
	task.limit = WON_WINDOW;
	return task;
}

/** Your Domains that can be a target: a URL pattern with "*" can only be excluded. */
export const wonTargets = (request: IntersectionRequest) =>
	request.excludeTargets.filter((target) => !target.includes('*'));

/** The intersection calls' price, reserved before the first one. */
export const wonSearchCost = (request: IntersectionRequest) =>
	wonTargets(request).length * estimateCost(WON_WINDOW);

type Record = (entries: readonly string[]) => void;

const usd = (value: number) => `$${value.toFixed(2)}`;
const n = (value: number) => value.toLocaleString('en-US');

/**
 * Report Won Prospects for one Only New item, once its new rows are final: marks them "new" and
 * appends a "won" row for each earlier prospect that now links to one of Your Domains. n8n's
 * store can't be listed, so candidates come from the API and are checked against it; a candidate
 * no run emitted is forgotten again at once. Each won one is recorded as "<set> won <domain>", so
 * it is reported once, and its own entry stays, so Only New never offers it as new again.
 * `record` hands each entry this stage wrote to the memory's settle, which takes it out again if
 * the run fails or is stopped.
 */
export async function reportWon(
	execution: Execution,
	store: SeenStore,
	request: IntersectionRequest,
	at: { itemIndex: number; setKey: string },
	items: INodeExecutionData[],
	record: Record,
): Promise<void> {
	if (!request.prospects.reportWon) return;
	const { notes, warnings } = execution.stats;
	if (request.outputFormat !== 'flat')
		return void notes.add(
			`Report Won Prospects adds rows to ${uiPath('outputFormat')} Flat only, so nothing was checked for it`,
		);
	markNew(items);
	const yours = wonTargets(request);
	if (yours.length === 0)
		return void warnings.add(
			`Report Won Prospects needs a domain in ${uiPath('excludeTargets')} (a URL pattern with "*" can only be excluded), so nothing was checked for it`,
		);
	if (request.targets.length + 1 > MAX_TARGETS)
		return void warnings.add(
			`Report Won Prospects adds your domain as a target, and DataForSEO allows ${MAX_TARGETS}: use at most ${MAX_TARGETS - 1} competitors for it`,
		);
	if (!execution.costGuard.tryReserveAll(yours.map(() => WON_WINDOW)))
		return void warnings.add(
			`Won prospects were not checked: their ${yours.length} ${yours.length === 1 ? 'request' : 'requests'} would cost about ${usd(wonSearchCost(request))}, past ${uiPath('maxCost')}`,
		);
	const fewer =
		request.atLeast !== undefined && request.atLeast.minMatches < request.targets.length;
	if (fewer || request.task.intersection_mode === 'partial')
		notes.add(
			'Won prospects are looked for among sites that link to every competitor, so with At Least or Partial a won prospect that links to fewer of them is not reported',
		);
	const counters = { requests: 0, cost: 0 };
	const { won } = execution.stats;
	const paid = (cost: number | null | undefined) => {
		execution.stats.cost += cost ?? 0;
		won.cost += cost ?? 0;
	};
	try {
		if (execution.signal.aborted) throw new StoppedError();
		const pages = await settleAll(
			yours.map(async (domain) => {
				const task = await execution.call(request.settings, counters, {
					path: LIVE_PATH,
					task: wonTask(request, domain),
					checkItems: findBadItem,
				});
				paid(task.cost);
				const page = task.result?.[0];
				if ((page?.total_count ?? 0) > WON_WINDOW)
					warnings.add(
						`Won prospects: of the ${n(page?.total_count ?? 0)} sites that link to every competitor and to ${domain}, the ${n(WON_WINDOW)} whose link to it is newest were checked; a prospect won before those may be missed`,
					);
				return (page?.items ?? []) as ApiItem[];
			}),
		);
		const emitted = new Set(items.map((item) => String(item.json.referring_domain).toLowerCase()));
		// A prospect linking to two of your domains is reported for the first of them.
		const candidates = new Map<string, string>();
		pages.forEach((page, index) => {
			for (const item of page) {
				// The same reading of the domain as Only New's entries, so the memory's keys match.
				const domain = referringDomainOf(item);
				if (!domain || emitted.has(domain.toLowerCase()) || candidates.has(domain)) continue;
				candidates.set(domain, yours[index]);
			}
		});
		const found = await earlierProspects(store, at.setKey, [...candidates.keys()]);
		const wonEntries = found.map((domain) => store.entry(at.setKey, `won ${domain}`));
		const fresh = await store.check(wonEntries);
		record([...fresh]);
		const reported = found.filter((_, index) => fresh.has(wonEntries[index]));
		const pagesOf = await linkingPagesOf(execution, request, counters, reported, candidates, paid);
		for (const domain of reported) {
			const page = pagesOf.get(domain.toLowerCase());
			items.push(
				wonItem(
					at.itemIndex,
					domain,
					candidates.get(domain) as string,
					page?.found,
					page?.note,
					request.inputFields,
				),
			);
		}
		won.rows += reported.length;
	} finally {
		won.requests += counters.requests;
	}
}

/**
 * A manual run: no memory to ask (see MANUAL_RUN_NOTE), so no won rows; the rows still get
 * their status, so the columns are those of a production run.
 */
export function reportWonManually(
	execution: Execution,
	request: IntersectionRequest,
	items: INodeExecutionData[],
): void {
	if (request.outputFormat !== 'flat') return;
	markNew(items);
	execution.stats.notes.add(
		'Report Won Prospects checks for won prospects in production runs only, as Only New remembers only there',
	);
}

/**
 * The candidates an earlier run emitted. Checking records, so those no run had emitted are taken
 * out again before anything else; 0.1.0's read-only memory counts as emitted.
 */
async function earlierProspects(
	store: SeenStore,
	setKey: string,
	candidates: readonly string[],
): Promise<string[]> {
	const legacy = candidates.filter((domain) => store.knownBefore(setKey, domain));
	const asked = candidates.filter((domain) => !store.knownBefore(setKey, domain));
	const entries = asked.map((domain) => store.entry(setKey, domain));
	const never = await store.check(entries);
	if (never.size > 0) await store.forget([...never]);
	return [...legacy, ...asked.filter((_, index) => !never.has(entries[index]))];
}

/** The page that links to your domain, per won prospect: batched, priced before it is sent. */
async function linkingPagesOf(
	execution: Execution,
	request: IntersectionRequest,
	counters: { requests: number; cost: number },
	reported: readonly string[],
	yoursOf: ReadonlyMap<string, string>,
	paid: (cost: number | null | undefined) => void,
): Promise<Map<string, { found?: BacklinkItem; note?: string }>> {
	const out = new Map<string, { found?: BacklinkItem; note?: string }>();
	const calls: Array<{ target: string; domains: string[] }> = [];
	for (const target of new Set(reported.map((domain) => yoursOf.get(domain) as string))) {
		const domains = reported.filter((domain) => yoursOf.get(domain) === target);
		for (const batch of inBatches(domains)) calls.push({ target, domains: batch });
	}
	if (calls.length === 0) return out;
	if (!execution.costGuard.tryReserveAll(calls.map((call) => call.domains.length))) {
		for (const domain of reported) out.set(domain.toLowerCase(), { note: WON_NOTES.maxCost });
		return out;
	}
	if (execution.signal.aborted) throw new StoppedError();
	await settleAll(
		calls.map(async (call) => {
			const task = await execution.call(request.settings, counters, {
				path: BACKLINKS_PATH,
				task: backlinksTask(request, call, call.target),
				checkItems: findBadBacklink,
			});
			paid(task.cost);
			for (const [domain, found] of bestPerDomain(task))
				if (!out.has(domain)) out.set(domain, { found });
		}),
	);
	return out;
}
