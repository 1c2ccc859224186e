import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Execution } from './execution';
import { flattenItem, rawItem } from './flatten';
import { readPages, type PagingOutcome } from './paginate';
import type { IntersectionRequest } from './request';

export interface SeriesResult {
	items: INodeExecutionData[];
	outcome: PagingOutcome;
	requests: number;
	cost: number;
}

/** One input item's request series: pages in, one output item per referring domain out. */
export async function runSeries(
	execution: Execution,
	request: IntersectionRequest,
	itemIndex: number,
): Promise<SeriesResult> {
	const counters = { requests: 0, cost: 0 };
	const items: INodeExecutionData[] = [];
	const toJson =
		request.outputFormat === 'raw'
			? (item: Parameters<typeof rawItem>[0]) => rawItem(item, request.targets)
			: (item: Parameters<typeof flattenItem>[0]) =>
					flattenItem(item, request.targets) as IDataObject;

	// Pages are turned into output items as they arrive, so raw pages are not kept.
	const outcome = await readPages(
		request,
		execution.pageFetcher(request.settings, counters),
		(page) => {
			for (const item of page) items.push({ json: toJson(item), pairedItem: { item: itemIndex } });
		},
		{ window: request.settings.concurrency * 2, costGuard: execution.costGuard },
	);
	execution.stats.rows += outcome.rows;
	if (outcome.cutBy) execution.stats.cutBy.add(outcome.cutBy);
	return { items, outcome, ...counters };
}
