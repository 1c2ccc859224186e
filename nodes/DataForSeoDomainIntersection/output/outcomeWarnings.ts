import { PAGE_SIZE } from '../api/limits';
import { FIELDS } from '../fields';
import type { IntersectionRequest } from '../request/task';
import { estimateCost } from '../run/cost';
import type { PagingOutcome } from '../run/pages';

const n = (value: number) => value.toLocaleString('en-US');
const usd = (value: number) => `$${value.toFixed(2)}`;

/** The price of `rows` more rows in pages of PAGE_SIZE. */
export function restCost(rows: number): number {
	const full = Math.floor(rows / PAGE_SIZE);
	const last = rows % PAGE_SIZE;
	return full * estimateCost(PAGE_SIZE) + (last > 0 ? estimateCost(last) : 0);
}

/**
 * What a person must know about one request series to trust its rows: where Max Results or
 * Max Cost cut it, and whether DataForSEO's index moved while it was read. Each is a sentence
 * for the run hint.
 */
export function outcomeWarnings(
	request: IntersectionRequest,
	outcome: PagingOutcome,
	emitted: number,
): string[] {
	const warnings: string[] = [];
	const start = request.offset ?? 0;
	const readsOn = request.readLimit > request.wanted;
	if (readsOn && emitted < request.wanted && (outcome.total ?? 0) > start + request.readLimit) {
		warnings.push(
			`Only New read the first ${n(request.readLimit)} rows for ${request.targets.join(', ')} (${FIELDS.maxResults.ui.displayName}) and found ${n(emitted)} new of the ${n(request.wanted)} asked for; raise ${FIELDS.maxResults.ui.displayName} to look further.`,
		);
	}
	const cap = FIELDS.maxCost.ui.displayName;
	const who = `${request.targets.join(', ')}`;
	if (outcome.cutBy === 'maxResults' && outcome.total !== null) {
		// The hint's first sentence already says "Showing the first 1,500 of 40,921": this one
		// says how to get the rest and what it costs.
		const rest = outcome.total - start - outcome.rows;
		const results = FIELDS.maxResults.ui.displayName;
		warnings.push(
			`${results} stopped ${who} at ${n(outcome.rows)}: to get the other ${n(rest)}, raise ${results} (0 means no cap), for about ${usd(restCost(rest))} more.`,
		);
	}
	if (outcome.cutBy === 'maxCost') {
		if (outcome.total === null) {
			warnings.push(
				`${cap} stopped ${who} before its first request, which would cost about ${usd(outcome.plannedCost)}; nothing was fetched.`,
			);
		} else {
			warnings.push(
				`${cap} stopped ${who} after the first ${n(outcome.rows)} of ${n(outcome.planned ?? outcome.rows)} rows, with no gap; all of them would cost about ${usd(outcome.plannedCost)}.`,
			);
		}
	}
	const { totals } = outcome;
	if (totals && totals.max !== totals.min) {
		const moved = totals.max - totals.min;
		warnings.push(
			`DataForSEO's data for ${who} changed while it was read (its total moved by ${n(moved)} row${moved === 1 ? '' : 's'}, between ${n(totals.min)} and ${n(totals.max)}): repeats were removed, but up to ${n(moved)} rows may have shifted past a page boundary. Run again for an exact list.`,
		);
	}
	return warnings;
}
