export type Cell = string | number | null | undefined;

export interface Column {
	readonly header: string;
	readonly align?: 'left' | 'right';
}

function text(cell: Cell): string {
	if (cell === null || cell === undefined) return '–';
	return typeof cell === 'number' ? cell.toLocaleString('en-US') : cell;
}

/** A plain-text table with a header rule, for terminals. */
export function renderTable(
	columns: readonly Column[],
	rows: readonly (readonly Cell[])[],
): string {
	const cells = rows.map((row) => row.map(text));
	const widths = columns.map((column, index) =>
		Math.max(column.header.length, ...cells.map((row) => (row[index] ?? '').length)),
	);
	const line = (values: readonly string[]): string =>
		values
			.map((value, index) =>
				columns[index].align === 'right'
					? value.padStart(widths[index])
					: value.padEnd(widths[index]),
			)
			.join('  ')
			.trimEnd();
	return [
		line(columns.map((column) => column.header)),
		line(widths.map((width) => '─'.repeat(width))),
		...cells.map(line),
	].join('\n');
}
