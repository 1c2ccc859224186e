/** The top of BENCHMARKS.md: issue 22's goals, each with its figure from this run. */
import type { BlockingRow } from './onlyNew';
import { REAL_GOAL, type RealN8nResult } from './realN8n';
import { median } from './model';
import { met, ms, ratio, table } from './report';
import {
	BLOCK_GOAL_MS,
	C10_GOAL,
	CPU_GOAL,
	growthPer1000,
	HEAP_GOAL_MB,
	spread,
	type MemoryRow,
	type TimingRow,
} from './sections';

export interface GoalInputs {
	memory: readonly MemoryRow[];
	returnAll: readonly TimingRow[];
	real: RealN8nResult;
	onlyNew: readonly BlockingRow[];
}

type Line = [goal: string, where: string, figure: string, ok: boolean | undefined];

function twentyLines(row: MemoryRow): Line[] {
	const where = row.memoryCase.label.replace('20 targets, status all, ', '20 competitors, ');
	const lines: Line[] = [];
	const { parseMs } = row;
	if (parseMs !== undefined) {
		const cpu = row.report.cpuMs / parseMs;
		const runs = spread(row, (run) => run.cpuMs / parseMs, ratio);
		lines.push([
			`node CPU ≤ ${ratio(CPU_GOAL)} JSON.parse of the same bytes`,
			where,
			`${ratio(cpu)} (${ms(row.report.cpuMs)} / ${ms(parseMs)}; ${runs})`,
			cpu <= CPU_GOAL,
		]);
	}
	const growth = growthPer1000(row);
	const growthRuns = spread(
		row,
		(run) => growthPer1000({ report: run }),
		(v) => v.toFixed(1),
	);
	lines.push([
		`heap growth ≤ ${HEAP_GOAL_MB} MB per 1,000 rows`,
		where,
		`${growth.toFixed(1)} MB (${growthRuns})`,
		growth <= HEAP_GOAL_MB,
	]);
	lines.push(blockLine(where, row.report.longestBlockMs, row));
	return lines;
}

/** The longest block; with a case's runs, their range and its slowest page's JSON.parse. */
const blockLine = (where: string, longest: number, row?: MemoryRow): Line => {
	const notes = row ? [spread(row, (run) => run.longestBlockMs, ms)] : [];
	if (row?.pageParseMs !== undefined)
		notes.push(`JSON.parse of its slowest page alone: ${ms(row.pageParseMs)}`);
	return [
		`longest event-loop block ≤ ${BLOCK_GOAL_MS} ms`,
		where,
		notes.length > 0 ? `${ms(longest)} (${notes.join('; ')})` : ms(longest),
		longest <= BLOCK_GOAL_MS,
	];
};

export function goalsSection(r: GoalInputs): string {
	const lines: Line[] = [];
	for (const row of r.memory.filter((m) => m.memoryCase.targets === 20))
		lines.push(...twentyLines(row));
	for (const row of r.memory.filter((m) => m.memoryCase.targets === 2))
		lines.push(
			blockLine(
				row.memoryCase.label.replace('2 targets', '2 competitors, Return All'),
				row.report.longestBlockMs,
				row,
			),
		);
	const onlyNew = r.onlyNew.find((row) => row.memory === 50_000);
	if (onlyNew)
		lines.push(blockLine('Return All, Only New with 50,000 remembered', onlyNew.longestMs));
	const c10 = r.returnAll.find((row) => row.label === '10');
	if (c10)
		lines.push([
			`wall ≤ ${ratio(C10_GOAL)} the bound through n8n-core`,
			'2 competitors, Return All, C = 10 (section 1)',
			`${ratio(c10.ms / c10.bound)} (${ms(c10.ms)} / ${ms(c10.bound)})`,
			c10.ms / c10.bound <= C10_GOAL,
		]);
	for (const row of r.real.rows) {
		const time = median(row.runs);
		lines.push([
			`node time ≤ ${ratio(REAL_GOAL)} the bound in real n8n`,
			`2 competitors, Return All, C = 10, ${row.label} (section 7)`,
			`${ratio(time / r.real.bound)} (${ms(time)} / ${ms(r.real.bound)})`,
			time / r.real.bound <= REAL_GOAL,
		]);
	}
	if (r.real.skipped)
		lines.push(['real n8n', 'section 7', `not run: ${r.real.skipped}`, undefined]);
	return `## Goals of issue 22 (performance at the documented maximum)

Ratios within this one run. The goal rows are the default columns (Key Metrics); All Metrics and version 1 are shown for comparison.

${table(
	['goal', 'case', 'figure', 'met'],
	lines.map(([goal, where, figure, ok]) => [goal, where, figure, ok === undefined ? '–' : met(ok)]),
)}`;
}
