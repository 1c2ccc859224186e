import type { INodeExecutionData } from 'n8n-workflow';

import type { ItemWriter } from '../output/itemWriter';
import { outcomeWarnings } from '../output/outcomeWarnings';
import { stableOrder } from '../request/sortOrder';
import type { IntersectionRequest } from '../request/task';
import type { Execution } from './execution';
import type { PagingOutcome } from './pages';

/** One item's requests and cost, for its summary and compact answer. */
export type Counters = { requests: number; cost: number };

/** Adds the series' cut and warnings to the run's; returns the warnings (the compact answer tells them). */
export function record(
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

/** The item's output items once its rows are written. */
export function seriesItems(
	run: IntersectionRequest,
	writer: ItemWriter,
	counters: Counters,
	done: { total: number | null; warnings: string[]; asked?: number },
): INodeExecutionData[] {
	const { total, warnings, asked } = done;
	if (run.prospects.sortByScore) writer.sortByScore();
	if (run.outputFormat === 'summary')
		return [writer.summaryItem(total, counters.requests, counters.cost)];
	if (run.outputFormat === 'compact')
		return [
			writer.compactItem({
				total,
				requests: counters.requests,
				cost: counters.cost,
				askedLimit: asked,
				warnings: [...run.notes, ...warnings],
				orderBy: stableOrder(run.task.order_by),
			}),
		];
	return writer.items;
}
