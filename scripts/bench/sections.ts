/** The four result tables of BENCHMARKS.md, as ratios to their bounds. */
import type { FlattenResult } from './flattenBench';
import type { MemoryCase, MemoryReport } from './memory';
import { count, mb, met, ms, ratio, table } from './report';

export const GOAL = 1.15;
export const ISSUE_GOAL = 1.5;
/** Issue 22: Return All of 2 competitors at C = 10 through n8n-core. */
export const C10_GOAL = 1.3;

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

export interface MemoryRow {
	memoryCase: MemoryCase;
	/** Each figure's median over `runs`. */
	report: MemoryReport;
	runs: readonly MemoryReport[];
	/** CPU of JSON.parse over the same answer bytes; undefined when the run failed. */
	parseMs?: number;
	/** The slowest single page's JSON.parse. */
	pageParseMs?: number;
	/** CPU the simulator used during a counted run (rendering, sending), median over the runs. */
	simCpuMs?: number;
	ok: boolean;
}

/** Issue 22's goals for 20 competitors: node CPU / JSON.parse, heap per 1,000 rows, one block. */
export const CPU_GOAL = 3;
export const HEAP_GOAL_MB = 4;
export const BLOCK_GOAL_MS = 200;

export const growthPer1000 = ({ report }: { report: MemoryReport }): number =>
	((report.peakHeapMb - report.baseHeapMb) / report.rows) * 1000;

/** "N runs: lowest–highest" of one figure over a case's runs. */
export function spread(
	row: MemoryRow,
	figure: (report: MemoryReport) => number,
	format: (value: number) => string,
): string {
	const values = row.runs.map(figure);
	return `${values.length} runs: ${format(Math.min(...values))}–${format(Math.max(...values))}`;
}

export function memoryTable(rows: readonly MemoryRow[]): string {
	return table(
		[
			'case',
			'rows',
			'heap at start',
			'peak heap',
			'peak RSS',
			'heap growth',
			`growth per 1,000 rows (goal ≤ ${HEAP_GOAL_MB} MB)`,
			'held after GC (output)',
			'wall (node CPU)',
			'simulator CPU',
			'JSON.parse of the same bytes',
			`node CPU / JSON.parse (goal ≤ ${ratio(CPU_GOAL)})`,
			`longest event-loop block (goal ≤ ${BLOCK_GOAL_MS} ms)`,
			'slowest JSON.parse of one page',
			'rows once, in order',
		],
		rows.map((row) => {
			const { memoryCase, report, parseMs, ok } = row;
			const growth = report.peakHeapMb - report.baseHeapMb;
			const perThousand = growthPer1000(row);
			const cpu = parseMs === undefined ? undefined : report.cpuMs / parseMs;
			return [
				memoryCase.label,
				count(report.rows),
				mb(report.baseHeapMb),
				mb(report.peakHeapMb),
				mb(report.peakRssMb),
				mb(growth),
				`${perThousand.toFixed(1)} MB (${met(perThousand <= HEAP_GOAL_MB)})`,
				mb(report.heldHeapMb - report.baseHeapMb),
				`${ms(report.ms)} (${ms(report.cpuMs)})`,
				row.simCpuMs === undefined ? '–' : ms(row.simCpuMs),
				parseMs === undefined ? '–' : ms(parseMs),
				cpu === undefined ? '–' : `${ratio(cpu)} (${met(cpu <= CPU_GOAL)})`,
				`${ms(report.longestBlockMs)} (${met(report.longestBlockMs <= BLOCK_GOAL_MS)})`,
				row.pageParseMs === undefined ? '–' : ms(row.pageParseMs),
				ok ? 'yes' : '**NO**',
			];
		}),
	);
}
