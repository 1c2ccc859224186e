/** BENCHMARKS.md section 5: Only New's tables. */
import type { BlockingRow, PaidRow } from './onlyNew';
import { count, met, ms, ratio, table } from './report';

/** The bound for what a full memory may add to a Return All. */
export const ADDED_GOAL = 0.1;

export interface OnlyNewResults {
	concurrency: number;
	blocking: BlockingRow[];
	paid: PaidRow[];
}

const usd = (value: number) => `$${value.toFixed(4)}`;
const added = (value: number, base: number) =>
	`${value >= base ? '+' : ''}${Math.round((100 * (value - base)) / base)}%`;

export function onlyNewSection(r: OnlyNewResults): string {
	const base = r.blocking[0];
	const blocking = table(
		[
			'case',
			'rows out',
			'median wall',
			'wall added',
			'event loop busy',
			'busy added',
			'store busy',
			'store busy / plain busy',
			`within +${ADDED_GOAL * 100}%`,
			'longest block',
			'store calls (last run)',
			'rows as plain',
		],
		r.blocking.map((row) => [
			row.label,
			count(row.rows),
			ms(row.ms),
			added(row.ms, base.ms),
			ms(row.busyMs),
			added(row.busyMs, base.busyMs),
			row === base ? '–' : ms(row.storeMs),
			row === base ? '–' : `${((100 * row.storeMs) / base.busyMs).toFixed(1)}%`,
			row === base ? '(reference)' : met(row.storeMs <= base.busyMs * ADDED_GOAL),
			ms(row.longestMs),
			row.storeCalls,
			row.ok ? 'yes' : '**NO**',
		]),
	);
	const paid = table(
		[
			'case',
			'requests',
			'rows paid',
			'rows delivered',
			'paid / delivered',
			'cost',
			'plain Limit run',
			'cost / plain',
			'the next new rows, in order',
		],
		r.paid.map((row) => [
			row.label,
			String(row.requests),
			count(row.paid),
			count(row.delivered),
			ratio(row.paid / Math.max(1, row.delivered)),
			usd(row.cost),
			usd(row.plainCost),
			ratio(row.cost / row.plainCost),
			row.ok ? 'yes' : '**NO**',
		]),
	);
	return `## 6. Only New

Production runs with Only New on a deduplication store that does what n8n's \`DeduplicationHelper\` does (the node's row as JSON text, md5 hashes, a Set, the whole row written back after a database round trip), in the node's process, so its CPU counts as n8n's would. **event loop busy**: \`performance.eventLoopUtilization()\` active time during the run; **store busy**: the time the store's calls kept the event loop busy (reading and parsing the row, hashing, the Set, serialising it back), measured inside the store; the goal is that it adds at most 10 % to the plain run's busy time. **longest block**: the longest delay \`monitorEventLoopDelay\` saw. The remembered entries are of other domains, so every row is new and the output equals the plain run's. Medians of the counted runs after one warm-up, concurrency ${r.concurrency}.

${blocking}

Only New with a Limit of 50 (Max Results 1,500), docs example: the rows DataForSEO returned for the node's requests against the rows the node emitted, and their price (published price: $0.02 a request plus $0.00003 a row) against a plain Limit 50 run.

${paid}
`;
}
