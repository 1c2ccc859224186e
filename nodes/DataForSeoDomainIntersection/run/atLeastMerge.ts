import { PAGE_SIZE } from '../api/limits';
import type { DomainIntersectionTask } from '../request/task';
import { AtLeastOrder, rankedRow, subsetTask, type Ranked } from './atLeast';
import { CostGuard, estimateCost } from './cost';
import type { FetchPage } from './pages';

/** One combination of competitors: its call, and what has been read of it, in its order. */
interface Combination {
	subset: number[];
	task: DomainIntersectionTask;
	rows: Ranked[];
	/** Rows asked for so far: the next page's offset. */
	read: number;
	/** total_count, once its first page has come. */
	total: number | null;
	totals: { min: number; max: number } | null;
	done: boolean;
}

type Page = { combination: Combination; offset: number; limit: number };

/** What the merge bought and found, for the run hint. */
export interface MergeFacts {
	/** Sum of total_count over the combinations read. */
	total: number;
	/** Combinations never requested because their rows could not reach the output. */
	unread: number;
	/** Rows paid for. */
	rowsPaid: number;
	/** Set when Max Cost refused the next round: its price and number of requests. */
	refused: { cost: number; requests: number } | null;
	/** Combinations whose total_count moved while they were read. */
	moved: Array<{ min: number; max: number }>;
}

/**
 * "At least K of N" as one list: the combinations' calls, each sorted in the merged order, read
 * side by side like a k-way merge. Combinations of more competitors come first, so a level of
 * fewer is only requested once the levels above have too few rows. Within a level, a
 * combination is read further only while its last row read still ranks within the rows wanted,
 * and each page asks for no more rows than could still reach the output. The rows in `certain`
 * are final: no unread row can come before them.
 */
export class AtLeastMerge {
	private readonly levels: Combination[][];
	private level = 0;
	/** The rows of finished levels, in order. */
	private readonly finished: Ranked[] = [];
	/** The rows read of the current level, in order, and how many of them are final. */
	private current: Ranked[] = [];
	private final = 0;
	private readonly seen = new Set<string>();
	private rowsPaid = 0;
	private refused: MergeFacts['refused'] = null;

	constructor(
		task: DomainIntersectionTask,
		subsets: number[][],
		private readonly order: AtLeastOrder,
		private readonly fetchPage: FetchPage,
		private readonly costGuard: CostGuard,
		/** Pages of one combination asked side by side, when every row of it is needed. */
		private readonly window: number,
	) {
		const sizes = [...new Set(subsets.map((subset) => subset.length))].sort(
			(a, b) => (a - b) * order.countSign,
		);
		this.levels = sizes.map((size) =>
			subsets
				.filter((subset) => subset.length === size)
				.map((subset) => ({
					subset,
					task: subsetTask(task, subset, order),
					rows: [],
					read: 0,
					total: null,
					totals: null,
					done: false,
				})),
		);
	}

	/** The first rows of the merged list that are final. */
	get certain(): Ranked[] {
		return [...this.finished, ...this.current.slice(0, this.final)];
	}

	/** True once no further row can be read: every combination read, or Max Cost reached. */
	get ended(): boolean {
		return this.refused !== null || this.level >= this.levels.length;
	}

	/** The price of the first page of every combination, for `want` rows: known before any call. */
	static firstPagesCost(subsets: number[][], want: number): number {
		return subsets.length * estimateCost(Math.min(PAGE_SIZE, want));
	}

	facts(): MergeFacts {
		const all = this.levels.flat();
		return {
			total: all.reduce((sum, c) => sum + (c.total ?? 0), 0),
			unread: all.filter((c) => c.total === null).length,
			rowsPaid: this.rowsPaid,
			refused: this.refused,
			moved: all.flatMap((c) => (c.totals && c.totals.min !== c.totals.max ? [c.totals] : [])),
		};
	}

	/** Makes the first `want` rows final, or as many as there are, or as Max Cost allows. */
	async extend(want: number): Promise<void> {
		while (!this.ended && this.finished.length + this.final < want) {
			const need = want - this.finished.length;
			const combinations = this.levels[this.level];
			const pages = this.nextPages(combinations, need);
			if (pages.length === 0) {
				this.final = Math.min(need, this.current.length);
				if (combinations.every((c) => c.done) && this.current.length <= need) {
					this.finished.push(...this.current);
					this.current = [];
					this.final = 0;
					this.level++;
				}
				continue;
			}
			if (!this.costGuard.tryReserveAll(pages.map((page) => page.limit))) {
				this.refused = {
					cost: pages.reduce((sum, page) => sum + estimateCost(page.limit), 0),
					requests: pages.length,
				};
				this.final = Math.max(this.final, this.finalBefore(pages));
				return;
			}
			await this.read(pages);
		}
	}

	/**
	 * The pages this level needs next: every combination not yet read, and every one whose last
	 * row still ranks within the `need` rows wanted, for no more rows than could still count.
	 */
	private nextPages(combinations: Combination[], need: number): Page[] {
		const pages: Page[] = [];
		const open = combinations.filter((c) => !c.done);
		for (const combination of open) {
			const { read, total, rows } = combination;
			if (total === null) {
				pages.push({ combination, offset: 0, limit: Math.min(PAGE_SIZE, need) });
				continue;
			}
			const rank = this.current.indexOf(rows[rows.length - 1]) + 1;
			if (rank >= need) continue;
			const rest = Math.min(need - rank, total - read);
			// Every row is surely needed when all are wanted or the level has no other combination.
			const count = need === Infinity || combinations.length === 1 ? this.window : 1;
			for (let i = 0; i < count && i * PAGE_SIZE < rest; i++) {
				const limit = Math.min(PAGE_SIZE, rest - i * PAGE_SIZE);
				pages.push({ combination, offset: read + i * PAGE_SIZE, limit });
			}
		}
		return pages;
	}

	/** With the next pages refused: the rows that come before every row they could bring. */
	private finalBefore(pages: Page[]): number {
		if (pages.some((page) => page.combination.total === null)) return 0;
		const lasts = pages.map((page) => page.combination.rows[page.combination.rows.length - 1]);
		const bound = lasts.reduce((a, b) => (this.order.compare(a, b) <= 0 ? a : b));
		return this.current.indexOf(bound) + 1;
	}

	private async read(pages: Page[]): Promise<void> {
		const settled = await Promise.allSettled(
			pages.map(({ combination, offset, limit }) =>
				this.fetchPage({ ...combination.task, offset, limit }),
			),
		);
		const failed = settled.find((result) => result.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
		settled.forEach((result, i) => {
			const page = (result as PromiseFulfilledResult<Awaited<ReturnType<FetchPage>>>).value;
			const { combination, offset, limit } = pages[i];
			const { totals } = combination;
			combination.totals = totals
				? { min: Math.min(totals.min, page.total), max: Math.max(totals.max, page.total) }
				: { min: page.total, max: page.total };
			combination.total = page.total;
			combination.read = Math.max(combination.read, offset + limit);
			this.rowsPaid += page.items.length;
			for (const item of page.items) {
				const row = rankedRow(item, combination.subset);
				// A repeat can only come from data that moved between pages.
				if (row === null || this.seen.has(row.domain)) continue;
				this.seen.add(row.domain);
				combination.rows.push(row);
			}
			if (page.items.length < limit || combination.read >= page.total) combination.done = true;
		});
		this.current = this.levels[this.level].flatMap((c) => c.rows).sort(this.order.compare);
	}
}
