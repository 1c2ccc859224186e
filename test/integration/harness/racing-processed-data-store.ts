import { createHash } from 'node:crypto';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDeduplicationOutput,
} from 'n8n-workflow';

import { ProcessedDataStore } from './processed-data-store';

interface Value {
	mode: ICheckProcessedOptions['mode'];
	data: string[];
}

/** n8n's clash when two executions insert the node's first row (PostgreSQL's wording). */
export const ROW_CLASH =
	'duplicate key value violates unique constraint "PK_ca04b9d8dc72de268fe07a65773"';

/**
 * n8n's own deduplication store as its cli package writes it (`DeduplicationHelper`, mode
 * "entries", the same in n8n 1.123 and 2.41): one row per node holding the md5/base64 hashes as
 * JSON text; every call reads the row, awaits, changes it and writes it whole, with no lock; the
 * first call inserts the row, and a second insert fails on the primary key; removeProcessed
 * looks every value up with findIndex. Overlapping calls therefore lose each other's writes, as
 * they do in n8n, and cost what they cost there.
 */
export class RacingProcessedDataStore extends ProcessedDataStore {
	private readonly table = new Map<string, string>();
	/** Time the calls kept the event loop busy (parsing, hashing, looking up, serialising), in ms. */
	busyMs = 0;
	private busySince = 0;
	private readonly heldReads: Array<() => void> = [];
	private holdReads = 0;

	/** `latencyMs`: the database round trip between a read and the write that follows it. */
	constructor(private readonly latencyMs = 1) {
		super();
	}

	/** Puts a row in place as n8n would have stored it, e.g. a full memory for the bench. */
	seed(scope: DeduplicationScope, data: ICheckProcessedContextData, values: string[]): void {
		this.table.set(
			this.rowKey(scope, data),
			JSON.stringify({ mode: 'entries', data: values.map(hash) }),
		);
	}

	/**
	 * Holds reads until `count` of them wait together, then lets them all go: calls of
	 * overlapping executions then read the same row, whatever the timing on this machine.
	 */
	overlapNext(count: number): void {
		this.holdReads = count;
	}

	private rowKey(scope: DeduplicationScope, data: ICheckProcessedContextData): string {
		if (scope === 'node' && !data.node) throw new Error("scope 'node' needs the node");
		return `${data.workflow.id}|${scope === 'node' ? `n:${data.node?.id}` : ''}`;
	}

	private async roundTrip(): Promise<void> {
		await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
	}

	private async findOne(key: string): Promise<Value | undefined> {
		await this.roundTrip();
		if (this.holdReads > 0) {
			const held = new Promise<void>((release) => this.heldReads.push(release));
			if (this.heldReads.length >= this.holdReads) {
				this.holdReads = 0;
				this.heldReads.splice(0).forEach((release) => release());
			}
			await held;
		}
		this.busySince = performance.now();
		const text = this.table.get(key);
		return text === undefined ? undefined : (JSON.parse(text) as Value);
	}

	/** Ends a busy stretch that began when the row was read. */
	private idle(): void {
		this.busyMs += performance.now() - this.busySince;
	}

	private async insert(key: string, value: Value): Promise<void> {
		this.idle();
		await this.roundTrip();
		if (this.table.has(key)) throw new Error(ROW_CLASH);
		this.table.set(key, JSON.stringify(value));
	}

	private async update(key: string, value: Value): Promise<void> {
		const text = JSON.stringify(value);
		this.idle();
		await this.roundTrip();
		// An UPDATE of a row deleted meanwhile changes nothing.
		if (this.table.has(key)) this.table.set(key, text);
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		this.calls.push('check');
		const key = this.rowKey(scope, data);
		const row = await this.findOne(key);
		if (row && row.mode !== options.mode) throw new Error('stored with another mode');
		const hashed = items.map((item) => hash(item));
		if (!row) {
			if (options.maxEntries) hashed.splice(0, hashed.length - options.maxEntries);
			await this.insert(key, { mode: options.mode, data: hashed });
			return { new: items, processed: [] };
		}
		const result: IDeduplicationOutput = { new: [], processed: [] };
		const known = new Set(row.data);
		hashed.forEach((value, index) => {
			if (known.has(value)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				row.data.push(value);
			}
		});
		if (options.maxEntries) row.data.splice(0, row.data.length - options.maxEntries);
		await this.update(key, row);
		return result;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		_options: ICheckProcessedOptions,
	): Promise<void> {
		this.calls.push('remove');
		const key = this.rowKey(scope, data);
		const row = await this.findOne(key);
		if (!row) return this.idle();
		for (const value of items.map((item) => hash(item))) {
			const index = row.data.findIndex((stored) => stored === value);
			if (index !== -1) row.data.splice(index, 1);
		}
		await this.update(key, row);
	}

	async clearAllProcessedItems(
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
	): Promise<void> {
		this.calls.push('clear');
		await this.roundTrip();
		this.table.delete(this.rowKey(scope, data));
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
	): Promise<number> {
		this.calls.push('count');
		const count = (await this.findOne(this.rowKey(scope, data)))?.data.length ?? 0;
		this.idle();
		return count;
	}

	size(): number {
		return [...this.table.values()].reduce(
			(sum, text) => sum + (JSON.parse(text) as Value).data.length,
			0,
		);
	}

	/** Whether any row holds this value. */
	has(value: string): boolean {
		const wanted = hash(value);
		return [...this.table.values()].some((text) =>
			(JSON.parse(text) as Value).data.includes(wanted),
		);
	}
}

function hash(value: DeduplicationItemTypes): string {
	return createHash('md5').update(value.toString()).digest('base64');
}
