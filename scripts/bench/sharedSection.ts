/** BENCHMARKS.md section 5: executions sharing one account's limits. */
import { median } from './model';
import { ms, table } from './report';
import {
	ACCOUNT_LIMIT,
	SHARED_CONCURRENCY,
	COMPETITOR_PAIRS,
	SHARED_EXECUTIONS,
	SHARED_GOAL,
	SHARED_PAGES,
	sharedBound,
	type SharedAccountRun,
	type SharedCase,
} from './sharedAccount';

const COLUMN_NAMES = { key: 'Key Metrics (default)', all: 'All Metrics' } as const;

const caseLabel = ({ executions, columns, latencyMs, refusalMs }: SharedCase): string =>
	`${executions} executions, ${COLUMN_NAMES[columns]}, pages ${ms(latencyMs)}, 40202 ${refusalMs === latencyMs ? 'as slow' : 'at once'}`;

function row(run: SharedAccountRun, index: number): string[] {
	const bound = sharedBound(run.case);
	const slowest = Math.max(...run.ms);
	const ratio = slowest / bound;
	return [
		caseLabel(run.case),
		String(index + 1),
		run.ms.map((value) => ms(value)).join(' / '),
		ms(slowest),
		ms(bound),
		`${ratio.toFixed(2)}×`,
		ratio <= SHARED_GOAL ? 'yes' : '**no**',
		`${ms(run.cpuMs)} (${(run.cpuMs / bound).toFixed(2)}×)`,
		String(run.refused),
		String(run.requests),
		`${run.peakInFlight} / ${ACCOUNT_LIMIT}`,
		run.problems.length === 0 ? 'yes' : '**no**',
	];
}

export function sharedAccountSection(runs: readonly SharedAccountRun[]): string {
	const pages = SHARED_EXECUTIONS * SHARED_PAGES;
	const seen = new Map<string, number>();
	const rows = runs.map((run) => {
		const label = caseLabel(run.case);
		const index = seen.get(label) ?? 0;
		seen.set(label, index + 1);
		return row(run, index);
	});
	const fast = runs.filter((run) => run.case.refusalMs === run.case.latencyMs);
	const cpuRatios = fast.map((run) => run.cpuMs / sharedBound(run.case));
	const cpuRatio = median(cpuRatios);
	return `## 5. One account, several executions at once

Each execution is a webhook run of a version 2 node, Return All of ${SHARED_PAGES} pages at Concurrency ${SHARED_CONCURRENCY} (competitors ${COMPETITOR_PAIRS.slice(0, SHARED_EXECUTIONS).join('; ')}), all started together against one simulator that answers 40202 to any request beyond ${ACCOUNT_LIMIT} in flight, as DataForSEO does for a whole account. **bound**: all pages in rounds of ${ACCOUNT_LIMIT} at the pages' latency, ⌈${pages} / ${ACCOUNT_LIMIT}⌉ round trips for ${SHARED_EXECUTIONS} executions. Goal: the slowest execution within ${SHARED_GOAL}× the bound.

- The bound counts latency only. The executions share this process's one thread, as executions share a regular-mode n8n, so reading ${pages} pages of 1,000 rows (${pages} × ~1.5 MB of JSON) is part of their time: **node CPU** is what the executions used together (all threads, garbage collection included). At the bench's latency that CPU alone is ${cpuRatio.toFixed(1)}× the bound (median), so the ratio there measures this machine's CPU as much as the node's scheduling. Both column sets read the same responses; All Metrics also writes the breakdowns as JSON text.
- The cases with 2-second pages are closer to DataForSEO: answers take seconds (6.2 s in its docs' example) and a refusal, which needs no work, comes back at once, so a refused execution finds the account still full when it retries. The last adds ${COMPETITOR_PAIRS.length - SHARED_EXECUTIONS} more executions (${COMPETITOR_PAIRS.slice(SHARED_EXECUTIONS).join('; ')}): ${COMPETITOR_PAIRS.length * SHARED_PAGES} pages, ${COMPETITOR_PAIRS.length * (SHARED_PAGES - 1)} requests at once after the first pages, for ${ACCOUNT_LIMIT} places.

${table(
	[
		'case',
		'run',
		'wall per execution',
		'slowest',
		'bound',
		'slowest / bound',
		`within ${SHARED_GOAL}×`,
		'node CPU, all executions (/ bound)',
		'answered 40202',
		'requests',
		'peak in flight / account limit',
		'every row once, in order',
	],
	rows,
)}`;
}
