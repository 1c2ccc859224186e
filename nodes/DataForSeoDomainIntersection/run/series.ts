import type { INodeExecutionData } from 'n8n-workflow';

import { ItemWriter } from '../output/itemWriter';
import { compactRowCap } from '../output/compact';
import type { IntersectionRequest } from '../request/task';
import { readAtLeast } from './atLeastSeries';
import type { Execution } from './execution';
import { addCompactLinkingPages } from './linkingPages';
import { readPages } from './pages';
import { PREPARED, preparedPages } from './prepared';
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
	const pages = preparedPages(
		(read) => execution.readingFetcher(request.settings, counters, read),
		writer,
		execution.turns,
	);
	const outcome = await readPages(request, pages, (rows) => writer.addPrepared(rows), {
		window: request.settings.concurrency * 2,
		costGuard: execution.costGuard,
		enough: () => writer.full,
		...PREPARED,
	});
	const warnings = record(execution, request, outcome, writer.emitted);
	return { total: outcome.total, warnings };
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
	const atLeast = run.atLeast
		? await readAtLeast(execution, run, writer, counters, run.atLeast.subsets)
		: undefined;
	const plain = atLeast ? undefined : await readAll(execution, run, writer, counters);
	const finish = () => {
		const { total, warnings } = atLeast?.done() ?? (plain as NonNullable<typeof plain>);
		execution.stats.rows += writer.emitted;
		execution.stats.skipped += writer.skipped;
		execution.stats.total += total ?? 0;
		if (writer.newRows) {
			execution.stats.fetched += writer.rows;
			execution.stats.fresh += writer.emitted;
		}
		return seriesItems(run, writer, counters, { total, warnings, asked });
	};
	if (!writer.newRows) {
		if (run.outputFormat === 'compact')
			await addCompactLinkingPages(execution, run, writer.compactRows);
		return { items: finish() };
	}
	// At Least under Only New reads further down its merged list while too few rows are new.
	const more = atLeast as NonNullable<typeof atLeast>;
	return {
		items: [],
		onlyNew: {
			rows: writer.newRows,
			hasMore: () => more.hasMore(),
			readMore: (size) => more.readMore(size),
			finish,
		},
	};
}
