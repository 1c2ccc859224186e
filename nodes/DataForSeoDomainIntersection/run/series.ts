import type { INodeExecutionData } from 'n8n-workflow';

import type { Execution } from './execution';
import { ItemWriter } from '../output/itemWriter';
import { mergeSubsetItems, orderMerged, subsetTask, type MergedRows } from './atLeast';
import { readPages, type PagingOutcome } from './pages';
import type { IntersectionRequest } from '../request/task';
import type { SeenStore } from '../output/seenStore';

export interface SeriesResult {
	items: INodeExecutionData[];
	/** Domains this item emitted, for "only new" to remember after success. */
	emittedDomains: string[];
}

type Counters = { requests: number; cost: number };

function pagingOptions(execution: Execution, request: IntersectionRequest) {
	return { window: request.settings.concurrency * 2, costGuard: execution.costGuard };
}

function record(execution: Execution, outcome: PagingOutcome): void {
	execution.stats.rows += outcome.rows;
	if (outcome.cutBy) execution.stats.cutBy.add(outcome.cutBy);
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
		pagingOptions(execution, request),
	);
	record(execution, outcome);
	return outcome.total;
}

/** "At least K of N": one series per K-subset of the targets, merged by referring domain. */
async function readAtLeast(
	execution: Execution,
	request: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
	subsets: number[][],
) {
	const merged: MergedRows = new Map();
	const fetcher = execution.pageFetcher(request.settings, counters);
	await Promise.all(
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
				pagingOptions(execution, request),
			);
			if (outcome.cutBy) execution.stats.cutBy.add(outcome.cutBy);
		}),
	);
	const ordered = orderMerged(merged, request.task.order_by?.[0]);
	execution.stats.rows += Math.min(ordered.length, request.wanted);
	writer.add(ordered.slice(0, request.wanted));
	return ordered.length;
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
	const items =
		request.outputFormat === 'summary'
			? [writer.summaryItem(total, counters.requests, counters.cost)]
			: writer.items;
	return { items, emittedDomains: writer.emittedDomains };
}
