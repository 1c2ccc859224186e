type Row = Record<string, unknown>;

/** The referring domains of flat rows, in output order. */
export function domainsOf(rows: readonly Row[]): string[] {
	return rows.map((row) => String(row.referring_domain));
}

export function sorted(values: Iterable<string>): string[] {
	return [...values].sort();
}

/** Whether a numeric column never goes up from one row to the next (nulls count as -1). */
export function isNonIncreasing(rows: readonly Row[], column: string): boolean {
	const values = rows.map((row) => (typeof row[column] === 'number' ? row[column] : -1));
	return values.every((value, index) => index === 0 || value <= values[index - 1]);
}

/** Column names of the first row; every other row must have exactly the same. */
export function sharedColumns(rows: readonly Row[]): string[] {
	const columns = Object.keys(rows[0] ?? {}).sort();
	for (const row of rows) {
		const own = Object.keys(row).sort();
		if (own.join() !== columns.join())
			throw new Error(`row ${String(row.referring_domain)} has columns ${own.join(', ')}`);
	}
	return columns;
}

export const delay = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));
