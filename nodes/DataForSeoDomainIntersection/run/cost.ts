/** DataForSEO's published price for this endpoint, in US dollars. */
export const PRICE_PER_REQUEST = 0.02;
export const PRICE_PER_ROW = 0.00003;

export function estimateCost(rows: number): number {
	return PRICE_PER_REQUEST + PRICE_PER_ROW * rows;
}

/**
 * Holds an execution to a dollar cap. Each page reserves its estimated price before it is
 * requested; a page that would pass the cap is not requested at all.
 */
export class CostGuard {
	private committed = 0;

	constructor(readonly maxCost?: number) {}

	tryReserve(rows: number): boolean {
		const estimate = estimateCost(rows);
		if (this.maxCost !== undefined && this.committed + estimate > this.maxCost + 1e-9) {
			return false;
		}
		this.committed += estimate;
		return true;
	}

	/** Reserves every page of a batch, or none: a batch is bought whole or not at all. */
	tryReserveAll(pages: readonly number[]): boolean {
		const estimate = pages.reduce((sum, rows) => sum + estimateCost(rows), 0);
		if (this.maxCost !== undefined && this.committed + estimate > this.maxCost + 1e-9) {
			return false;
		}
		this.committed += estimate;
		return true;
	}
}
