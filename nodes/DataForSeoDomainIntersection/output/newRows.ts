/** A row waiting for n8n's store to say whether its domain is new. */
interface Candidate<T> {
	domain: string | null;
	row: T;
}

/**
 * One item's rows under Only New, held back in the API's order until the store has said which
 * are new. Rows are handed to the store in slices (`take`), each no larger than what the item
 * can still emit unless earlier slices found nothing new, because checking a domain records it:
 * a new domain past the Limit has to be taken out again.
 */
export class NewRows<T> {
	private readonly rows: Array<Candidate<T>> = [];
	private readonly domains = new Set<string>();
	private cursor = 0;
	/** Rows the store has looked at, and how many of them were new. */
	checked = 0;
	found = 0;
	/** Checks in a row that found nothing new. */
	private barren = 0;
	/** Share of new rows in the last check that found any. */
	private lastDensity = 0;
	emitted = 0;

	constructor(
		readonly setKey: string,
		private readonly wanted: number,
		private readonly emit: (row: T, domain: string | null) => void,
	) {}

	/** Queues a row; a domain already queued (the index moved between pages) is dropped. */
	add(domain: string | null, row: T): void {
		if (domain !== null) {
			if (this.domains.has(domain)) return;
			this.domains.add(domain);
		}
		this.rows.push({ domain, row });
	}

	get full(): boolean {
		return this.emitted >= this.wanted;
	}

	get remaining(): number {
		return Math.max(0, this.wanted - this.emitted);
	}

	/** Rows queued so far, looked at or not. */
	get queued(): number {
		return this.rows.length;
	}

	/** Rows bought but not yet looked at. */
	get unchecked(): number {
		return this.rows.length - this.cursor;
	}

	/** Share of the checked rows that were new, or undefined before any were. */
	get density(): number | undefined {
		return this.found > 0 ? this.found / this.checked : undefined;
	}

	/**
	 * How many rows to hand the store next. A slice of `remaining` rows cannot hold more new
	 * rows than can be emitted. After a check that found new rows, the slice is sized to find
	 * about half of what is missing at that share (so it rarely finds more than can be emitted);
	 * while checks find nothing, every third one doubles the slice.
	 */
	private sliceSize(): number {
		const { remaining } = this;
		if (this.barren === 0 && this.lastDensity > 0)
			return Math.max(remaining, Math.floor(remaining / this.lastDensity / 2));
		return remaining * 2 ** Math.floor(this.barren / 3);
	}

	/**
	 * The next rows for the store: rows without a domain are emitted on the way, rows known
	 * before (`known`) are skipped. Returns the domains to check, in order.
	 */
	take(known: (domain: string) => boolean): string[] {
		const size = this.sliceSize();
		this.slice = [];
		while (this.cursor < this.rows.length && this.slice.length < size && !this.full) {
			const { domain, row } = this.rows[this.cursor];
			if (domain === null) {
				this.emitted++;
				this.emit(row, null);
			} else if (known(domain)) {
				this.checked++;
			} else {
				this.slice.push(this.cursor);
			}
			this.cursor++;
		}
		return this.slice.map((index) => this.rows[index].domain as string);
	}

	/** Positions of the rows of the last `take`. */
	private slice: number[] = [];

	/**
	 * Emits the new rows of the last slice in order; `isNew` learns whether the row would be
	 * emitted. Returns the domains that were new but came after the Limit was reached: the store
	 * recorded them, so they must be forgotten again.
	 */
	accept(isNew: (domain: string, emits: boolean) => boolean): string[] {
		const surplus: string[] = [];
		let foundNow = 0;
		for (const index of this.slice) {
			const { domain, row } = this.rows[index] as { domain: string; row: T };
			if (!isNew(domain, !this.full)) continue;
			foundNow++;
			if (this.full) surplus.push(domain);
			else {
				this.emitted++;
				this.emit(row, domain);
			}
		}
		this.checked += this.slice.length;
		this.found += foundNow;
		this.barren = foundNow === 0 ? this.barren + 1 : 0;
		if (foundNow > 0) this.lastDensity = foundNow / this.slice.length;
		this.slice = [];
		return surplus;
	}
}

/** What the settling step uses of an item's NewRows, whatever its rows are. */
export type RowsInWaiting = Pick<
	NewRows<unknown>,
	'full' | 'remaining' | 'queued' | 'unchecked' | 'density' | 'take' | 'accept'
>;
