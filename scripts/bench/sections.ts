/** The four result tables of BENCHMARKS.md, as ratios to their bounds. */
import type { FlattenResult } from './flattenBench';
import type { MemoryCase, MemoryReport } from './memory';
import { count, mb, met, ms, ratio, table } from './report';

export const GOAL = 1.15;
export const ISSUE_GOAL = 1.5;

export interface TimingRow {
	label: string;
	runs: number;
	ms: number;
	cpuMs: number;
	/** Time the node's thread waited for a CPU that other processes had. */
	waitMs: number;
	bound: number;
	/** The same run against the one-item-per-page stand-in API; undefined when not run. */
	floor?: number;
	requests: number;
	peakInFlight: number;
	limit: number;
	/** The issue's own, looser goal for this row, when it names one. */
	issueGoal?: number;
	ok: boolean;
}

function goalCell(row: TimingRow): string {
	const own = met(row.ms / row.bound <= GOAL);
	if (row.issueGoal === undefined) return own;
	return `${own} (issue ≤ ${ratio(row.issueGoal)}: ${met(row.ms / row.bound <= row.issueGoal)})`;
}

const timingCells = (row: TimingRow): string[] => [
	row.label,
	String(row.runs),
	ms(row.ms),
	ms(row.bound),
	ratio(row.ms / row.bound),
	goalCell(row),
	row.floor === undefined ? 'not run' : ms(row.floor),
	row.floor === undefined ? '–' : ratio(row.floor / row.bound),
	row.floor === undefined ? '–' : ratio(row.ms / row.floor),
	`${ms(row.cpuMs)} (${Math.round((100 * row.cpuMs) / row.ms)}%)`,
	ms(row.waitMs),
	String(row.requests),
	`${row.peakInFlight} / ${row.limit}`,
];

const TIMING_HEADERS = [
	'median wall',
	'bound',
	'wall / bound',
	`within ${ratio(GOAL)}`,
	'floor (1-item pages)',
	'floor / bound',
	'wall / floor',
	'node CPU (share of wall)',
	'waited for a CPU',
	'requests',
	'peak in flight / C',
];

export function returnAllTable(rows: readonly TimingRow[], sequential: number): string {
	return table(
		['C', 'runs', ...TIMING_HEADERS, 'faster than sequential', 'rows once, in order'],
		rows.map((row) => [...timingCells(row), ratio(sequential / row.ms), row.ok ? 'yes' : '**NO**']),
	);
}

export function manyItemsTable(rows: readonly TimingRow[]): string {
	return table(
		['case', 'runs', ...TIMING_HEADERS, 'paired in input order'],
		rows.map((row) => [...timingCells(row), row.ok ? 'yes' : '**NO**']),
	);
}

export function flattenTable(result: FlattenResult): string {
	const perSecond = (time: number) => `${count((result.rows / time) * 1000)} rows/s`;
	const mbps = (time: number) => `${((result.bytes / 2 ** 20 / time) * 1000).toFixed(0)} MB/s`;
	const line = (step: string, time: number, goal: string) => [
		step,
		ms(time),
		perSecond(time),
		mbps(time),
		ratio(time / result.parseMs),
		goal,
	];
	return table(
		[
			'step (all pages)',
			'median CPU time',
			'rows/s',
			'bytes/s',
			'time / JSON.parse',
			'goal ≤ 1.00×',
		],
		[
			line('JSON.parse of the response bytes', result.parseMs, '(reference)'),
			line('flattenItem of every item', result.flattenMs, met(result.flattenMs <= result.parseMs)),
			line('readEnvelope + readTask (node response check)', result.validateMs, '(no goal)'),
		],
	);
}

export function memoryTable(
	rows: readonly { memoryCase: MemoryCase; report: MemoryReport; ok: boolean }[],
): string {
	return table(
		[
			'case',
			'rows',
			'heap at start',
			'peak heap',
			'peak RSS',
			'heap growth',
			'growth per 1,000 rows',
			'held after GC (output)',
			'wall (node CPU)',
			'rows once, in order',
		],
		rows.map(({ memoryCase, report, ok }) => {
			const growth = report.peakHeapMb - report.baseHeapMb;
			return [
				memoryCase.label,
				count(report.rows),
				mb(report.baseHeapMb),
				mb(report.peakHeapMb),
				mb(report.peakRssMb),
				mb(growth),
				`${((growth / report.rows) * 1000).toFixed(1)} MB`,
				mb(report.heldHeapMb - report.baseHeapMb),
				`${ms(report.ms)} (${ms(report.cpuMs)})`,
				ok ? 'yes' : '**NO**',
			];
		}),
	);
}
