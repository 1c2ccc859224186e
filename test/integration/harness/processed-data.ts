import { DataDeduplicationService } from 'n8n-core';
import type { IDataDeduplicator } from 'n8n-workflow';

import type { ProcessedDataStore } from './processed-data-store';

let current: ProcessedDataStore | undefined;

/** What n8n-core's DataDeduplicationService talks to: the store of the run in progress. */
const delegate: IDataDeduplicator = {
	checkProcessedAndRecord: (...args) => active().checkProcessedAndRecord(...args),
	removeProcessed: (...args) => active().removeProcessed(...args),
	clearAllProcessedItems: (...args) => active().clearAllProcessedItems(...args),
	getProcessedDataCount: (...args) => active().getProcessedDataCount(...args),
};

function active(): ProcessedDataStore {
	if (!current) throw new Error('no processed-data store for this run');
	return current;
}

let initialized: Promise<void> | undefined;

/**
 * Makes `store` the database of n8n's deduplication helpers for the next run. The service is a
 * process-wide singleton that can be initialized once, so it gets a delegate, pointed at each
 * run's store in turn; runs that overlap share the last one's store.
 */
export async function useProcessedData(store: ProcessedDataStore): Promise<void> {
	// One shared promise, so runs started together (the shared-account bench) init it once.
	initialized ??= DataDeduplicationService.init(delegate);
	await initialized;
	current = store;
}
