import { FIELDS } from '../fields';
import type { IntersectionRequest } from '../request/task';
import type { MergeFacts } from '../run/atLeastMerge';
import { restCost } from './outcomeWarnings';

const n = (value: number) => value.toLocaleString('en-US');
const usd = (value: number) => `$${value.toFixed(2)}`;
const requests = (count: number) => `${n(count)} request${count === 1 ? '' : 's'}`;

export interface AtLeastRun {
	facts: MergeFacts;
	/** Rows of the merged list asked for (Offset included), and how many are final. */
	want: number;
	certain: number;
	/** Requests sent for this item, and the price of the first page of every combination. */
	requests: number;
	firstPagesCost: number;
	/** Rows written out, after Only New. */
	emitted: number;
}

/** The run hint's sentences for one "at least K of N" series, at most one per kind, and its cut. */
export function atLeastWarnings(
	request: IntersectionRequest,
	run: AtLeastRun,
): { warnings: string[]; cutBy: 'maxCost' | 'maxResults' | null } {
	const { facts } = run;
	const k = request.atLeast?.minMatches ?? 1;
	const combinations = request.atLeast?.subsets.length ?? 0;
	const who = `at least ${k} of ${request.targets.join(', ')}`;
	const warnings: string[] = [];
	const cap = FIELDS.maxCost.ui.displayName;
	const results = FIELDS.maxResults.ui.displayName;
	if (facts.refused && run.requests === 0) {
		warnings.push(
			`${cap} stopped ${who} ${facts.refused.requests === 1 ? 'before its first request, which' : `before its first requests: the ${n(facts.refused.requests)} it needs first`} would cost about ${usd(facts.refused.cost)} (the first page of all ${n(combinations)} combinations about ${usd(run.firstPagesCost)}); nothing was fetched.`,
		);
	} else if (facts.refused) {
		const target = run.want === Infinity ? 'all' : `the first ${n(run.want)}`;
		warnings.push(
			`${cap} stopped ${who} after the first ${n(run.certain)} rows, in order with no gap, of ${target} asked for; the next ${requests(facts.refused.requests)} would cost about ${usd(facts.refused.cost)} more, and the rest at least that.`,
		);
	}
	const more = facts.unread > 0 ? ' or more' : '';
	let cutBy: 'maxCost' | 'maxResults' | null = facts.refused ? 'maxCost' : null;
	if (!facts.refused && request.cap === 'maxResults' && run.certain >= run.want) {
		if (facts.total > run.want || facts.unread > 0) {
			cutBy = 'maxResults';
			const unread = Math.max(0, facts.total - facts.rowsPaid);
			warnings.push(
				`${results} stopped ${who} at the first ${n(run.want)} of ${n(facts.total)}${more} referring domains; raise ${results} (0 means no cap) to get the rest, for ${facts.unread > 0 ? '' : 'about '}${usd(restCost(unread) + facts.unread * restCost(1))}${facts.unread > 0 ? ' or more' : ''}.`,
			);
		}
	} else if (!facts.refused && facts.unread > 0) {
		warnings.push(
			`${n(facts.unread)} of the ${n(combinations)} combinations of competitors were not requested: their domains link to fewer competitors and could not reach the first ${n(run.want)} rows, so the total of ${n(facts.total)} leaves them out.`,
		);
	}
	const readsOn = request.readLimit > request.wanted;
	if (
		readsOn &&
		run.emitted < request.wanted &&
		run.certain >= (request.offset ?? 0) + request.readLimit
	) {
		warnings.push(
			`Only New read the first ${n(request.readLimit)} rows for ${who} (${results}) and found ${n(run.emitted)} new of the ${n(request.wanted)} asked for; raise ${results} to look further.`,
		);
	}
	if (facts.moved.length > 0) {
		const moved = Math.max(...facts.moved.map(({ min, max }) => max - min));
		warnings.push(
			`DataForSEO's data for ${who} changed while it was read (a combination's total moved by up to ${n(moved)} rows): repeats were removed, but rows may have shifted past a page boundary. Run again for an exact list.`,
		);
	}
	return { warnings, cutBy };
}
