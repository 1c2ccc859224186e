import type { INodeExecutionData } from 'n8n-workflow';

import { PAGE_SIZE } from '../api/limits';
import type { ItemWriter, PreparedRow } from '../output/itemWriter';
import type { RowsInWaiting } from '../output/newRows';
import type { IntersectionRequest } from '../request/task';
import { estimateCost } from './cost';
import type { Execution } from './execution';
import { readPages, type PagingOutcome } from './pages';
import { PREPARED, preparedPages } from './prepared';
import { record, seriesItems, type Counters } from './seriesOutput';

/** One item's series under Only New, between its first pages and n8n's answer. */
export interface OnlyNewSeries {
	rows: RowsInWaiting;
	/** Whether a further page could be bought (rows left, within Max Results and Max Cost). */
	hasMore(): boolean;
	/** Buys one more page of about `size` rows; false when there is nothing more to read. */
	readMore(size: number): Promise<boolean>;
	/** The item's output, once the store has said which rows are new. */
	finish(): INodeExecutionData[];
}

function merge(into: PagingOutcome, page: PagingOutcome): void {
	into.pages += page.pages;
	into.rows += page.rows;
	if (page.totals)
		into.totals = into.totals
			? {
					min: Math.min(into.totals.min, page.totals.min),
					max: Math.max(into.totals.max, page.totals.max),
				}
			: page.totals;
}

/**
 * Reads what a plain run reads (for a Limit: Limit rows, so a run whose first rows are new costs
 * what a plain run costs); `readMore` then buys further pages, up to Max Results, only while the
 * store finds too few new rows.
 */
export async function readOnlyNew(
	execution: Execution,
	run: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
	asked?: number,
): Promise<OnlyNewSeries> {
	const fetcher = preparedPages(
		(read) => execution.readingFetcher(run.settings, counters, read),
		writer,
		execution.turns,
	);
	const write = (rows: PreparedRow[]) => writer.addPrepared(rows);
	const options = {
		window: run.settings.concurrency * 2,
		costGuard: execution.costGuard,
		...PREPARED,
	};
	const first = { ...run, readLimit: Math.min(run.readLimit, run.wanted) };
	const outcome = await readPages(first, fetcher, write, options);
	const start = run.offset ?? 0;
	const end = outcome.total === null ? start : Math.min(outcome.total, start + run.readLimit);
	let readTo = Math.min(end, start + first.readLimit);
	let pageCost = outcome.plannedCost;

	const hasMore = () => outcome.cutBy !== 'maxCost' && readTo < end;
	const readMore = async (size: number): Promise<boolean> => {
		if (!hasMore()) return false;
		const limit = Math.max(1, Math.min(Math.round(size), PAGE_SIZE, end - readTo));
		const more = await readPages(
			{ ...run, offset: readTo, readLimit: limit, cap: 'limit' },
			fetcher,
			write,
			{ ...options, window: 1 },
		);
		merge(outcome, more);
		pageCost += estimateCost(limit);
		outcome.plannedCost = pageCost;
		outcome.planned = readTo - start + limit;
		if (more.cutBy === 'maxCost') {
			outcome.cutBy = 'maxCost';
			return false;
		}
		readTo += limit;
		return true;
	};

	const finish = () => {
		const warnings = record(execution, run, outcome, writer.emitted);
		execution.stats.rows += writer.emitted;
		execution.stats.skipped += writer.skipped;
		execution.stats.total += outcome.total ?? 0;
		execution.stats.fetched += writer.rows;
		execution.stats.fresh += writer.emitted;
		return seriesItems(run, writer, counters, { total: outcome.total, warnings, asked });
	};
	return { rows: writer.newRows as RowsInWaiting, hasMore, readMore, finish };
}
