import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { compactAnswer, compactRow, type CompactFacts, type CompactRow } from './compact';
import { flattenItem, rawItem, referringDomainOf } from './flatten';
import type { IntersectionRequest } from '../request/task';
import type { ApiItem } from '../api/responseSchema';
import type { SeenStore } from './seenStore';

const TOP_DOMAINS = 10;

function domainsOf(items: readonly ApiItem[]): string[] {
	return items.map(referringDomainOf).filter((domain): domain is string => domain !== null);
}

/**
 * Turns API items into output items as pages arrive (so raw pages are not kept), dropping
 * domains seen in earlier runs when "only new" is on, and counting for the summary format.
 */
export class ItemWriter {
	readonly items: INodeExecutionData[] = [];
	/** With "only new": domains emitted by this series, to remember once it has succeeded. */
	readonly emittedDomains: string[] = [];
	rows = 0;
	private readonly top: string[] = [];
	private readonly compactRows: CompactRow[] = [];

	constructor(
		private readonly request: IntersectionRequest,
		private readonly itemIndex: number,
		private readonly seen?: SeenStore,
	) {}

	/** Rows written out (or counted, for the summary format). */
	emitted = 0;

	/** True once the request's Limit is reached; Only New reads on until then. */
	get full(): boolean {
		return this.emitted >= this.request.wanted;
	}

	async add(apiItems: readonly ApiItem[]): Promise<void> {
		const { outputFormat, targets, columns } = this.request;
		const { tag } = this.request.task;
		this.rows += apiItems.length;
		const fresh = this.seen ? await this.seen.filterNew(domainsOf(apiItems)) : undefined;
		for (const item of apiItems) {
			if (this.full) return;
			const domain = referringDomainOf(item);
			if (domain !== null) {
				if (fresh) {
					if (!fresh.has(domain)) continue;
					this.emittedDomains.push(domain);
				}
				if (this.top.length < TOP_DOMAINS) this.top.push(domain);
			}
			this.emitted++;
			if (outputFormat === 'summary') continue;
			if (outputFormat === 'compact') {
				this.compactRows.push(compactRow(item, targets.length));
				continue;
			}
			const json: IDataObject =
				outputFormat === 'raw'
					? rawItem(item, targets, columns)
					: flattenItem(item, targets, columns);
			// The tag lets rows be matched to the request that found them, e.g. in a shared Sheet.
			if (tag !== undefined) json.tag = tag;
			Object.assign(json, this.request.inputFields);
			this.items.push({ json, pairedItem: { item: this.itemIndex } });
		}
	}

	/**
	 * The `summary` format's single item: one line per input item for Sheets or Slack. Nodes of
	 * version 1 keep 0.1.0's `targets` and `excludeTargets`.
	 */
	summaryItem(total: number | null, requests: number, cost: number): INodeExecutionData {
		const legacy = this.request.columns === 'legacy';
		const json: INodeExecutionData['json'] = {
			[legacy ? 'targets' : 'competitors']: this.request.targets.join(', '),
			[legacy ? 'excludeTargets' : 'excluded_domains']: this.request.excludeTargets.join(', '),
			total_count: total,
			rows: this.rows,
			top_domains: this.top.join(', '),
			requests,
			cost: Math.round(cost * 1e5) / 1e5,
		};
		if (this.request.onlyNew) json.new_rows = this.emittedDomains.length;
		if (this.request.task.tag !== undefined) json.tag = this.request.task.tag;
		Object.assign(json, this.request.inputFields);
		return { json, pairedItem: { item: this.itemIndex } };
	}

	/** The `compact` format's single item: the answer text for an AI model. */
	compactItem(facts: Omit<CompactFacts, 'request' | 'rows' | 'fetched'>): INodeExecutionData {
		const answer = compactAnswer({
			...facts,
			request: this.request,
			rows: this.compactRows,
			fetched: this.rows,
		});
		return {
			json: { answer, ...this.request.inputFields },
			pairedItem: { item: this.itemIndex },
		};
	}
}
