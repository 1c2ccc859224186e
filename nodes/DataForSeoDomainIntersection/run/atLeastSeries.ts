import { atLeastWarnings } from '../output/atLeastWarnings';
import type { ItemWriter } from '../output/itemWriter';
import { andFilter } from '../request/prospects';
import type { IntersectionRequest } from '../request/task';
import { AtLeastOrder } from './atLeast';
import { AtLeastMerge } from './atLeastMerge';
import type { Execution } from './execution';
import type { Counters } from './seriesOutput';

/** One "at least K of N" series: its merged list read to a point, and read further on demand. */
export interface AtLeastSeries {
	/** Whether rows past those read could still be bought (rows left, within Max Results and Max Cost). */
	hasMore(): boolean;
	/** Makes about `size` more rows of the merged list final and writes them. */
	readMore(size: number): Promise<boolean>;
	/** Adds the series' cut and warnings to the run's; returns its total and warnings. */
	done(): { total: number; warnings: string[] };
}

/**
 * "At least K of N": one series per combination of at least K targets, each finding the
 * domains that link to exactly that combination, merged into one list in one order (see
 * AtLeastMerge). The first read is what a plain run reads, Limit rows or Max Results, so a
 * Limit gives the first rows of Return All; Only New reads further down the same list through
 * `readMore` while too few rows are new.
 */
export async function readAtLeast(
	execution: Execution,
	request: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
	subsets: number[][],
): Promise<AtLeastSeries> {
	const plain = execution.pageFetcher(request.settings, counters);
	const { skipFilter } = request.prospects;
	// Each combination's targets are numbered from 1, so Skip Platforms' `1.target` holds in all.
	const fetcher: typeof plain = skipFilter
		? (task) => plain({ ...task, filters: andFilter(task.filters, skipFilter) })
		: plain;
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
	let want = start + Math.min(request.wanted, request.readLimit);
	let written = start;
	const readTo = async (to: number) => {
		want = to;
		await merge.extend(want);
		const rows = merge.certain.slice(written, want);
		written += rows.length;
		writer.add(rows.map((row) => row.item));
	};
	await readTo(want);

	const hasMore = () => !merge.ended && written >= want && want < last;
	return {
		hasMore,
		async readMore(size) {
			if (!hasMore()) return false;
			await readTo(Math.min(last, want + Math.max(1, Math.round(size))));
			return true;
		},
		done() {
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
		},
	};
}
