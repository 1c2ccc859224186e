import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

interface Row {
	mode: ICheckProcessedOptions['mode'];
	/** Recorded values, oldest first. */
	values: string[];
}

/**
 * In-memory stand-in for n8n's `processed_data` table behind `this.helpers.checkProcessedAndRecord`
 * and its siblings, with the same contract: one row per workflow and context (scope 'node': the
 * node's id, 'workflow': the whole workflow); mode 'entries' only; a row keeps the mode it was
 * created with; `maxEntries` drops the oldest values beyond it. Pass one store to several runs to
 * carry the memory from run to run, as the database does.
 */
export class ProcessedDataStore implements IDataDeduplicator {
	private readonly rows = new Map<string, Row>();
	/** Every call, in order ("check", "remove", "clear", "count"), for assertions. */
	readonly calls: string[] = [];

	private key(scope: DeduplicationScope, data: ICheckProcessedContextData): string {
		if (scope === 'node' && !data.node) throw new Error("scope 'node' needs the node");
		return `${data.workflow.id}|${scope === 'node' ? `n:${data.node?.id}` : ''}`;
	}

	private row(scope: DeduplicationScope, data: ICheckProcessedContextData, mode: Row['mode']) {
		if (mode !== 'entries') throw new Error(`mode ${mode} is not supported by the harness`);
		const row = this.rows.get(this.key(scope, data));
		if (row && row.mode !== mode) throw new Error('stored with another mode');
		return row;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		this.calls.push('check');
		const row = this.row(scope, data, options.mode) ?? { mode: options.mode, values: [] };
		this.rows.set(this.key(scope, data), row);
		const known = new Set(row.values);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (known.has(String(item))) result.processed.push(item);
			else {
				result.new.push(item);
				row.values.push(String(item));
			}
		}
		if (options.maxEntries) row.values.splice(0, row.values.length - options.maxEntries);
		return result;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<void> {
		this.calls.push('remove');
		const row = this.row(scope, data, options.mode);
		if (!row) return;
		const gone = new Set(items.map(String));
		row.values = row.values.filter((value) => !gone.has(value));
	}

	async clearAllProcessedItems(
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		_options?: ICheckProcessedOptions,
	): Promise<void> {
		this.calls.push('clear');
		this.rows.delete(this.key(scope, data));
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<number> {
		this.calls.push('count');
		return this.row(scope, data, options.mode)?.values.length ?? 0;
	}

	/** Whether any row holds this value. */
	has(value: string): boolean {
		return [...this.rows.values()].some((row) => row.values.includes(value));
	}

	/** How many values the store holds in all rows. */
	size(): number {
		return [...this.rows.values()].reduce((sum, row) => sum + row.values.length, 0);
	}
}
