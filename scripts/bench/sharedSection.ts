/** BENCHMARKS.md section 5: three executions sharing one account's limits. */
import { ms } from './report';
import {
	ACCOUNT_LIMIT,
	SHARED_CONCURRENCY,
	SHARED_EXECUTIONS,
	SHARED_GOAL,
	SHARED_PAGES,
	sharedBound,
	type SharedAccountRun,
} from './sharedAccount';

export function sharedAccountSection(runs: readonly SharedAccountRun[], latencyMs: number): string {
	const bound = sharedBound(latencyMs);
	const pages = SHARED_EXECUTIONS.length * SHARED_PAGES;
	const rows = runs.map((run, index) => {
		const slowest = Math.max(...run.ms);
		const ratio = slowest / bound;
		return `| ${index + 1} | ${run.ms.map((value) => ms(value)).join(' / ')} | ${ms(slowest)} | ${ms(bound)} | ${ratio.toFixed(2)}× | ${ratio <= SHARED_GOAL ? 'yes' : '**no**'} | ${run.refused} | ${run.requests} | ${run.peakInFlight} / ${ACCOUNT_LIMIT} | ${run.problems.length === 0 ? 'yes' : '**no**'} |`;
	});
	return `## 5. One account, ${SHARED_EXECUTIONS.length} executions at once

Each execution is a Return All of ${SHARED_PAGES} pages at Concurrency ${SHARED_CONCURRENCY} (${SHARED_EXECUTIONS.join('; ')}), all started together against one simulator that answers 40202 to any request beyond ${ACCOUNT_LIMIT} in flight, as DataForSEO does for a whole account. **bound**: the ${pages} pages in rounds of ${ACCOUNT_LIMIT} at ${latencyMs} ms, ⌈${pages} / ${ACCOUNT_LIMIT}⌉ × ${latencyMs} ms. Goal: the slowest execution within ${SHARED_GOAL}× the bound. The three share this process's one thread, as executions share a regular-mode n8n, so parsing and flattening 60,000 rows is part of the time.

| run | wall per execution | slowest | bound | slowest / bound | within ${SHARED_GOAL}× | answered 40202 | requests | peak in flight / account limit | every row once, in order |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}
