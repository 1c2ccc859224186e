import type { INodeExecutionData } from 'n8n-workflow';

import { ItemWriter } from '../output/itemWriter';
import { compactRowCap } from '../output/compact';
import type { IntersectionRequest } from '../request/task';
import { mergeSubsetItems, orderMerged, subsetTask, type MergedRows } from './atLeast';
import type { Execution } from './execution';
import { readPages } from './pages';
import { readOnlyNew, type OnlyNewSeries } from './onlyNewSeries';
import { record, seriesItems, type Counters } from './seriesOutput';

export interface SeriesResult {
	items: INodeExecutionData[];
	/** Only New: the rows wait for n8n's store, and `items` is empty until `finish`. */
	onlyNew?: OnlyNewSeries;
}

/** "All targets": one request series, pages written out as they arrive. */
async function readAll(
	execution: Execution,
	request: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
) {
	const fetcher = execution.pageFetcher(request.settings, counters);
	const outcome = await readPages(request, fetcher, (page) => writer.add(page), {
		window: request.settings.concurrency * 2,
		costGuard: execution.costGuard,
		enough: () => writer.full,
	});
	const warnings = record(execution, request, outcome, writer.emitted);
	return { total: outcome.total, warnings };
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
			const warnings = record(execution, subRequest, outcome, outcome.rows);
			return { total: outcome.total ?? 0, warnings };
		}),
	);
	writer.add(orderMerged(merged, request.task.order_by));
	return {
		total: totals.reduce((sum, { total }) => sum + total, 0),
		warnings: totals.flatMap(({ warnings }) => warnings),
	};
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

/**
 * One input item's request series: pages in, one output item per referring domain out. With
 * `onlyNewSet` (Only New, in a run that may use n8n's store) the rows wait for the store.
 */
export async function runSeries(
	execution: Execution,
	request: IntersectionRequest,
	itemIndex: number,
	onlyNewSet?: string,
): Promise<SeriesResult> {
	const counters: Counters = { requests: 0, cost: 0 };
	const fitted = fitToAnswer(request);
	// Without the store every row counts as new, so reading past the Limit would find nothing more.
	const run =
		onlyNewSet === undefined ? { ...fitted.run, readLimit: fitted.run.wanted } : fitted.run;
	const { asked } = fitted;
	const writer = new ItemWriter(run, itemIndex, onlyNewSet);
	if (onlyNewSet !== undefined && !run.atLeast)
		return { items: [], onlyNew: await readOnlyNew(execution, run, writer, counters, asked) };
	const { total, warnings } = run.atLeast
		? await readAtLeast(execution, run, writer, counters, run.atLeast.subsets)
		: await readAll(execution, run, writer, counters);
	const finish = () => {
		execution.stats.rows += writer.emitted;
		execution.stats.total += total ?? 0;
		if (writer.newRows) {
			execution.stats.fetched += writer.rows;
			execution.stats.fresh += writer.emitted;
		}
		return seriesItems(run, writer, counters, { total, warnings, asked });
	};
	if (!writer.newRows) return { items: finish() };
	// At Least has read all its rows already: the store only has to say which are new.
	const { newRows } = writer;
	return {
		items: [],
		onlyNew: { rows: newRows, hasMore: () => false, readMore: async () => false, finish },
	};
}
