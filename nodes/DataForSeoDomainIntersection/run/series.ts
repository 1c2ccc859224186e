import type { INodeExecutionData } from 'n8n-workflow';

import { ItemWriter } from '../output/itemWriter';
import { outcomeWarnings } from '../output/outcomeWarnings';
import type { SeenStore } from '../output/seenStore';
import type { IntersectionRequest } from '../request/task';
import { mergeSubsetItems, orderMerged, subsetTask, type MergedRows } from './atLeast';
import type { Execution } from './execution';
import { readPages, type PagingOutcome } from './pages';

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

function record(
	execution: Execution,
	request: IntersectionRequest,
	outcome: PagingOutcome,
	emitted: number,
) {
	if (outcome.cutBy) execution.stats.cutBy.add(outcome.cutBy);
	for (const warning of outcomeWarnings(request, outcome, emitted))
		execution.stats.warnings.add(warning);
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
	record(execution, request, outcome, writer.emitted);
	return outcome.total;
}

/**
 * "At least K of N": one series per combination of at least K targets, each finding the
 * domains that link to exactly that combination, merged by referring domain. Every domain is
 * in one combination only, so its count of competitors is exact, and the top rows of each
 * combination hold the top rows of all.
 */
async function readAtLeast(
	execution: Execution,
	request: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
	subsets: number[][],
) {
	const merged: MergedRows = new Map();
	const fetcher = execution.pageFetcher(request.settings, counters);
	const totals = await Promise.all(
		subsets.map(async (subset) => {
			const subRequest: IntersectionRequest = {
				...request,
				task: subsetTask(request.task, subset),
				targets: subset.map((index) => request.targets[index - 1]),
			};
			const outcome = await readPages(
				subRequest,
				fetcher,
				(page) => mergeSubsetItems(merged, page, subset),
				{ window: request.settings.concurrency * 2, costGuard: execution.costGuard },
			);
			record(execution, subRequest, outcome, outcome.rows);
			return outcome.total ?? 0;
		}),
	);
	await writer.add(orderMerged(merged, request.task.order_by));
	return totals.reduce((sum, total) => sum + total, 0);
}

/** One input item's request series: pages in, one output item per referring domain out. */
export async function runSeries(
	execution: Execution,
	request: IntersectionRequest,
	itemIndex: number,
	seen?: SeenStore,
): Promise<SeriesResult> {
	const counters: Counters = { requests: 0, cost: 0 };
	const writer = new ItemWriter(request, itemIndex, seen);
	const total = request.atLeast
		? await readAtLeast(execution, request, writer, counters, request.atLeast.subsets)
		: await readAll(execution, request, writer, counters);
	execution.stats.rows += writer.emitted;
	if (seen) {
		execution.stats.fetched += writer.rows;
		execution.stats.fresh += writer.emittedDomains.length;
	}
	const items =
		request.outputFormat === 'summary'
			? [writer.summaryItem(total, counters.requests, counters.cost)]
			: writer.items;
	return { items, emittedDomains: writer.emittedDomains };
}
