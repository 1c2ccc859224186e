import type { INodeExecutionData } from 'n8n-workflow';

import { ItemWriter } from '../output/itemWriter';
import { compactRowCap } from '../output/compact';
import { outcomeWarnings } from '../output/outcomeWarnings';
import type { SeenStore } from '../output/seenStore';
import type { IntersectionRequest } from '../request/task';
import { atLeastWarnings } from '../output/atLeastWarnings';
import { AtLeastOrder } from './atLeast';
import { AtLeastMerge } from './atLeastMerge';
import type { Execution } from './execution';
import { readPages, type PagingOutcome } from './pages';
import { stableOrder } from '../request/sortOrder';

export interface SeriesResult {
	items: INodeExecutionData[];
	/** Domains this item emitted, for "only new" to remember after success. */
	emittedDomains: string[];
}

type Counters = { requests: number; cost: number };

function pagingOptions(execution: Execution, request: IntersectionRequest, writer: ItemWriter) {
	// Only New with a Limit reads one page at a time, so no page is bought after enough are new.
	const readsOn = request.readLimit > request.wanted;
	return {
		window: readsOn ? 1 : request.settings.concurrency * 2,
		costGuard: execution.costGuard,
		enough: () => writer.full,
	};
}

/** Adds the series' cut and warnings to the run's; returns the warnings (the compact answer tells them). */
function record(
	execution: Execution,
	request: IntersectionRequest,
	outcome: PagingOutcome,
	emitted: number,
): string[] {
	if (outcome.cutBy) execution.stats.cutBy.add(outcome.cutBy);
	const warnings = outcomeWarnings(request, outcome, emitted);
	for (const warning of warnings) execution.stats.warnings.add(warning);
	return warnings;
}

/** "All targets": one request series, pages written out as they arrive. */
async function readAll(
	execution: Execution,
	request: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
) {
	const fetcher = execution.pageFetcher(request.settings, counters);
	const outcome = await readPages(
		request,
		fetcher,
		(page) => writer.add(page),
		pagingOptions(execution, request, writer),
	);
	const warnings = record(execution, request, outcome, writer.emitted);
	return { total: outcome.total, warnings };
}

/**
 * Only New: how many more rows of the list to read for `missing` new domains, from the share of
 * new ones so far (a quarter more, for chance), or four times as many when none was new. Every
 * request costs as much as 667 rows, so reading a little too far is cheaper than one more round.
 */
function readOn(missing: number, found: number, read: number): number {
	if (found === 0) return Math.max(missing, 3 * read);
	return Math.max(missing, Math.ceil((missing * read * 1.25) / found));
}

/**
 * "At least K of N": one series per combination of at least K targets, each finding the
 * domains that link to exactly that combination, merged into one list in one order (see
 * AtLeastMerge). Only New reads further down that list until it has found enough new domains.
 */
async function readAtLeast(
	execution: Execution,
	request: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
	subsets: number[][],
) {
	const fetcher = execution.pageFetcher(request.settings, counters);
	const order = new AtLeastOrder(request.task.order_by);
	const window = request.settings.concurrency * 2;
	const merge = new AtLeastMerge(
		request.task,
		subsets,
		order,
		fetcher,
		execution.costGuard,
		window,
	);
	const start = request.offset ?? 0;
	const last = start + request.readLimit;
	let want = start + request.wanted;
	let written = start;
	for (;;) {
		await merge.extend(want);
		const rows = merge.certain.slice(written, want);
		written += rows.length;
		await writer.add(rows.map((row) => row.item));
		if (writer.full || merge.ended || written < want || want >= last) break;
		want = Math.min(
			last,
			want + readOn(request.wanted - writer.emitted, writer.emitted, want - start),
		);
	}
	const facts = merge.facts();
	const { warnings, cutBy } = atLeastWarnings(request, {
		facts,
		want,
		certain: merge.certain.length,
		requests: counters.requests,
		firstPagesCost: AtLeastMerge.firstPagesCost(subsets, want),
		emitted: writer.emitted,
	});
	if (cutBy) execution.stats.cutBy.add(cutBy);
	for (const warning of warnings) execution.stats.warnings.add(warning);
	return { total: facts.total, warnings };
}

/**
 * The compact answer holds a bounded number of rows: ask for no more than it can show, so no
 * row is bought only to be cut. Returns the request to run and the Limit it replaced, if any.
 */
function fitToAnswer(request: IntersectionRequest): { run: IntersectionRequest; asked?: number } {
	if (request.outputFormat !== 'compact') return { run: request };
	const cap = compactRowCap(request);
	if (request.wanted <= cap) return { run: request };
	// Only New reads on past `wanted` to find new domains; otherwise read no more than is shown.
	const readLimit = request.readLimit > request.wanted ? request.readLimit : cap;
	return { run: { ...request, wanted: cap, readLimit, cap: 'limit' }, asked: request.wanted };
}

/** One input item's request series: pages in, one output item per referring domain out. */
export async function runSeries(
	execution: Execution,
	request: IntersectionRequest,
	itemIndex: number,
	seen?: SeenStore,
): Promise<SeriesResult> {
	const counters: Counters = { requests: 0, cost: 0 };
	const { run, asked } = fitToAnswer(request);
	const writer = new ItemWriter(run, itemIndex, seen);
	const { total, warnings } = run.atLeast
		? await readAtLeast(execution, run, writer, counters, run.atLeast.subsets)
		: await readAll(execution, run, writer, counters);
	execution.stats.rows += writer.emitted;
	execution.stats.total += total ?? 0;
	if (seen) {
		execution.stats.fetched += writer.rows;
		execution.stats.fresh += writer.emittedDomains.length;
	}
	let items = writer.items;
	if (run.outputFormat === 'summary')
		items = [writer.summaryItem(total, counters.requests, counters.cost)];
	if (run.outputFormat === 'compact')
		items = [
			writer.compactItem({
				total,
				requests: counters.requests,
				cost: counters.cost,
				askedLimit: asked,
				warnings: [...run.notes, ...warnings],
				orderBy: stableOrder(run.task.order_by),
			}),
		];
	return { items, emittedDomains: writer.emittedDomains };
}
