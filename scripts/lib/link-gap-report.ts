import type { SimStats } from '../../test/e2e/harness/simulator';
import { renderTable, type Cell, type Column } from './table';

type Row = Record<string, unknown>;

function targetsOf(row: Row): string[] {
	const targets: string[] = [];
	for (let n = 1; typeof row[`competitor${n}`] === 'string'; n++)
		targets.push(row[`competitor${n}`] as string);
	return targets;
}

const asCell = (value: unknown): Cell =>
	typeof value === 'number' || typeof value === 'string' ? value : null;

/** Flat rows of the node as a table: referring domain, then backlinks and rank per competitor. */
export function linkGapTable(rows: readonly Row[]): string {
	if (rows.length === 0) return '(no intersecting domains)';
	const targets = targetsOf(rows[0]);
	const columns: Column[] = [
		{ header: '#', align: 'right' },
		{ header: 'Referring domain' },
		...targets.map((target) => ({ header: `${target} backlinks`, align: 'right' as const })),
		...targets.map((target) => ({ header: `${target} rank`, align: 'right' as const })),
	];
	const body = rows.map((row, index): Cell[] => [
		index + 1,
		asCell(row.referring_domain),
		...targets.map((_, t) => asCell(row[`competitor${t + 1}_backlinks`])),
		...targets.map((_, t) => asCell(row[`competitor${t + 1}_rank`])),
	]);
	return renderTable(columns, body);
}

export function summaryLine(rows: number, stats: SimStats): string {
	const requests = `${stats.requests} request${stats.requests === 1 ? '' : 's'}`;
	return `${rows} rows, ${requests}; the real DataForSEO API would have charged $${stats.totalCost.toFixed(5)} (simulated, nothing was billed)`;
}
