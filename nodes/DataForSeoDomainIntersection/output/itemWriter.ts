import type { INodeExecutionData } from 'n8n-workflow';

import { flattenItem, rawItem, referringDomainOf } from './flatten';
import type { IntersectionRequest } from '../request/task';
import type { ApiItem } from '../api/responseSchema';
import type { SeenStore } from './seenStore';

const TOP_DOMAINS = 10;

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

	constructor(
		private readonly request: IntersectionRequest,
		private readonly itemIndex: number,
		private readonly seen?: SeenStore,
	) {}

	add(apiItems: readonly ApiItem[]): void {
		const { outputFormat, targets } = this.request;
		for (const item of apiItems) {
			this.rows++;
			const domain = referringDomainOf(item);
			if (domain !== null) {
				if (this.seen) {
					if (this.seen.has(domain)) continue;
					this.emittedDomains.push(domain);
				}
				if (this.top.length < TOP_DOMAINS) this.top.push(domain);
			}
			if (outputFormat === 'summary') continue;
			const json = outputFormat === 'raw' ? rawItem(item, targets) : flattenItem(item, targets);
			this.items.push({ json, pairedItem: { item: this.itemIndex } });
		}
	}

	/** The `summary` format's single item: one line per input item for Sheets or Slack. */
	summaryItem(total: number | null, requests: number, cost: number): INodeExecutionData {
		const json: INodeExecutionData['json'] = {
			targets: this.request.targets.join(', '),
			excludeTargets: this.request.excludeTargets.join(', '),
			total_count: total,
			rows: this.rows,
			top_domains: this.top.join(', '),
			requests,
			cost: Math.round(cost * 1e5) / 1e5,
		};
		if (this.request.onlyNew) json.new_rows = this.emittedDomains.length;
		return { json, pairedItem: { item: this.itemIndex } };
	}
}
