import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, stoppedError, toNodeError } from '../output/nodeErrors';
import type { SeenStore } from '../output/seenStore';
import type { IntersectionRequest } from '../request/task';
import type { Execution } from './execution';
import { addLinkingPages } from './linkingPages';
import type { Finishing } from './remember';
import { reportWon, reportWonManually } from './wonProspects';

/** Linking Pages (and, in a manual run, the won status) on an item's rows without Only New. */
export async function finishRows(
	execution: Execution,
	request: IntersectionRequest,
	items: INodeExecutionData[],
): Promise<void> {
	await addLinkingPages(execution, request, items);
	if (request.prospects.reportWon) reportWonManually(execution, request, items);
}

/**
 * Linking Pages and Report Won Prospects on an Only New item's new rows, inside the memory's
 * settle: a failure or Stop there records nothing. Under Continue On Fail a failing item becomes
 * its error item, and the settle takes out what it recorded.
 */
export function finishNewRows(
	fn: IExecuteFunctions,
	execution: Execution,
	store: SeenStore,
	requests: ReadonlyArray<IntersectionRequest | Error>,
): Finishing {
	return async (at, items, record) => {
		const request = requests[at.itemIndex] as IntersectionRequest;
		try {
			await addLinkingPages(execution, request, items, true);
			await reportWon(execution, store, request, at, items, record);
			return undefined;
		} catch (error) {
			if (execution.abort.stopped) throw stoppedError(fn, at.itemIndex);
			const nodeError = toNodeError(fn, error, at.itemIndex);
			if (!execution.failFast) return [errorItem(nodeError, at.itemIndex)];
			throw nodeError;
		}
	};
}
