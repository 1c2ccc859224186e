import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { compactAnswer, compactRow, type CompactFacts, type CompactRow } from './compact';
import {
	columnPlan,
	flattenRow,
	MAP_FIELDS,
	rawItem,
	referringDomainOf,
	type ColumnPlan,
} from './flatten';
import type { IntersectionRequest } from '../request/task';
import { ReadItem, type ApiItem, type ItemReader } from '../api/responseSchema';
import { fieldsAsText, skippedFields } from '../api/itemText';
import { ROWS_PER_CHECK, type Turns } from '../api/turns';
import { NewRows } from './newRows';
import { byScore, scoreOf } from './prospectScore';
import { onPlatform } from '../request/prospects';

const TOP_DOMAINS = 10;

/** One row as it will be written out: an n8n item, a compact row, or nothing (summary). */
type Built = INodeExecutionData | CompactRow | null;

/** A row built as its page arrived, waiting for its page's turn in the API's order. */
export interface PreparedRow {
	domain: string | null;
	row: Built;
	/** Skip Platforms: left out, so not built. */
	skip?: boolean;
}

/**
 * Turns API items into output items as pages arrive (so raw pages are not kept), and counts for
 * the summary format. With Only New the built rows wait in `newRows` until n8n's store has said
 * which domains are new.
 */
export class ItemWriter {
	readonly items: INodeExecutionData[] = [];
	/** Only New: the rows waiting for the store. */
	readonly newRows?: NewRows<Built>;
	rows = 0;
	/** Skip Platforms: rows left out here, when DataForSEO's own filter could not leave them out. */
	skipped = 0;
	private readonly top: string[] = [];
	/** The compact answer's lines; Linking Pages add their pages before the answer is written. */
	readonly compactRows: CompactRow[] = [];
	private readonly plan: ColumnPlan;

	constructor(
		private readonly request: IntersectionRequest,
		private readonly itemIndex: number,
		/** Only New's key for this competitor set; without it every row is written at once. */
		onlyNewSet?: string,
	) {
		const { targets, columns, atLeast, competitorsVary } = request;
		// With At Least below every competitor, or Partial, sites differ in how many they link to.
		const countVaries =
			(atLeast !== undefined && atLeast.minMatches < targets.length) ||
			request.task.intersection_mode === 'partial';
		const { score, linkingPages } = request.prospects;
		this.plan = columnPlan(targets.length, columns, {
			countVaries,
			competitorsVary,
			score,
			linkingPages,
		});
		if (onlyNewSet !== undefined)
			this.newRows = new NewRows<Built>(onlyNewSet, request.wanted, (row, domain) =>
				this.write(row, domain),
			);
	}

	/** Rows written out (or counted, for the summary format). */
	emitted = 0;

	/** True once the request's Limit is reached. */
	get full(): boolean {
		return this.emitted >= this.request.wanted;
	}

	/** Skip Platforms, where DataForSEO's own filter could not leave the row out. */
	private onPlatform(domain: string | null): boolean {
		const { skipPlatforms } = this.request.prospects;
		return skipPlatforms.length > 0 && onPlatform(domain, skipPlatforms);
	}

	add(apiItems: readonly ApiItem[]): void {
		this.rows += apiItems.length;
		for (const item of apiItems) {
			const domain = referringDomainOf(item);
			if (!this.place(domain, this.onPlatform(domain), () => this.build(item))) return;
		}
	}

	/**
	 * One row, in the API's order: left out (Skip Platforms), waiting for Only New's store, or
	 * written. False once the Limit is reached; `row` is built only when it is used.
	 */
	private place(domain: string | null, skip: boolean, row: () => Built): boolean {
		if (skip) {
			this.skipped++;
			return true;
		}
		if (this.newRows) {
			this.newRows.add(domain, row());
			return true;
		}
		if (this.full) return false;
		this.write(row(), domain);
		return true;
	}

	/**
	 * Builds a page's rows as soon as it arrives, so the API's parsed page (for 20 competitors,
	 * tens of MB) can be collected at once instead of waiting for earlier pages; hands the event
	 * loop back between slices of rows. Items read while their answer was parsed are built already.
	 */
	async prepare(
		apiItems: ReadonlyArray<ApiItem | ReadItem<PreparedRow>>,
		turns: Turns,
	): Promise<PreparedRow[]> {
		const prepared: PreparedRow[] = new Array(apiItems.length);
		for (let i = 0; i < apiItems.length; i++) {
			if (i % ROWS_PER_CHECK === 0 && turns.due) await turns.slice();
			const item = apiItems[i];
			prepared[i] = item instanceof ReadItem ? item.value : this.prepareOne(item);
		}
		return prepared;
	}

	/**
	 * prepareOne as the reader of a page being parsed. The breakdowns become objects only for Raw,
	 * which outputs the item as it came. Rows that show them (All Metrics, version 1's columns)
	 * take them as JSON text; the score, the compact answer, the summary and Key Metrics read none.
	 */
	reader(): ItemReader<PreparedRow> {
		const read: ItemReader<PreparedRow> = (item) => this.prepareOne(item);
		const { outputFormat } = this.request;
		if (outputFormat === 'raw') return read;
		const shown =
			outputFormat === 'flat' && this.plan.competitors.some(({ maps }) => maps.includes(true));
		read.edit = shown ? fieldsAsText(MAP_FIELDS) : skippedFields(MAP_FIELDS);
		return read;
	}

	/** One item's row, or its place when Skip Platforms leaves it out. */
	prepareOne(item: ApiItem): PreparedRow {
		const domain = referringDomainOf(item);
		return this.onPlatform(domain)
			? { domain, row: null, skip: true }
			: { domain, row: this.build(item) };
	}

	/** Writes prepared rows, in order, as `add` writes API items. */
	addPrepared(rows: readonly PreparedRow[]): void {
		this.rows += rows.length;
		for (const { domain, row, skip } of rows)
			if (!this.place(domain, skip === true, () => row)) return;
	}

	private build(item: ApiItem): Built {
		const { outputFormat, targets, columns } = this.request;
		if (outputFormat === 'summary') return null;
		if (outputFormat === 'compact') {
			const row = compactRow(item, targets.length);
			if (this.request.prospects.score) row.score = scoreOf(item, this.request);
			return row;
		}
		const json: IDataObject =
			outputFormat === 'raw'
				? rawItem(item, targets, columns)
				: flattenRow(item, targets, this.plan);
		if (this.request.prospects.score) json.prospect_score = scoreOf(item, this.request);
		// The tag lets rows be matched to the request that found them, e.g. in a shared Sheet.
		const { tag } = this.request.task;
		if (tag !== undefined) json.tag = tag;
		Object.assign(json, this.request.inputFields);
		return { json, pairedItem: { item: this.itemIndex } };
	}

	private write(row: Built, domain: string | null): void {
		if (domain !== null && this.top.length < TOP_DOMAINS) this.top.push(domain);
		this.emitted++;
		if (row === null) return;
		if (this.request.outputFormat === 'compact') this.compactRows.push(row as CompactRow);
		else this.items.push(row as INodeExecutionData);
	}

	/** Sort by Prospect Score: the rows of this run only, highest first. */
	sortByScore(): void {
		byScore(this.items);
		this.compactRows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
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
		if (this.request.onlyNew) json.new_rows = this.emitted;
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
