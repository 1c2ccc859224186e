import { MAX_ORDER_RULES } from '../api/limits';
import { InputError } from './inputError';

/**
 * The referring domain: unique per row, so a sort that ends with it has no ties, and pages of
 * one run can neither overlap nor leave gaps between them.
 */
export const TIEBREAK_RULE = '1.target,asc';
/** The order when the user sets none: strongest referring domains first. */
export const DEFAULT_ORDER = '1.rank,desc';

const isTiebreak = (rule: string) => /^\d+\.target,/.test(rule);

/**
 * The order every request sends: the user's rules, then the tiebreak when there is room. It does
 * not depend on the Limit, so Limit 1000 and Limit 1001 give the same first 1,000 rows.
 */
export function stableOrder(orderBy: string[] | undefined): string[] {
	const rules = orderBy && orderBy.length > 0 ? [...orderBy] : [DEFAULT_ORDER];
	if (rules.length < MAX_ORDER_RULES && !rules.some(isTiebreak)) rules.push(TIEBREAK_RULE);
	return rules;
}

/**
 * With the API's maximum of rules and none unique, rows that tie across a page boundary could
 * be skipped without a trace, so a run that needs several pages is refused before it is sent.
 */
export function checkPagedOrder(
	orderBy: string[] | undefined,
	paged: boolean,
	field: string,
	atLeast = false,
): void {
	// At Least merges its combinations' calls row by row, so every call needs the tiebreak;
	// Intersections Count is the same for a whole call and is not sent.
	const rules = atLeast
		? orderBy?.filter((rule) => !rule.startsWith('intersections_count,'))
		: orderBy;
	if (!(paged || atLeast) || !rules || rules.length < MAX_ORDER_RULES || rules.some(isTiebreak))
		return;
	const why = atLeast
		? 'and Match Mode "At Least" merges its combinations row by row, so rows that tie could come out in a different order than Return All gives'
		: 'and this run needs more than one page, so rows that tie across pages could be lost';
	throw new InputError(
		field,
		`${rules.length} sort rules leave no room for the referring domain as a tiebreak, ${why}. Use at most ${MAX_ORDER_RULES - 1} sort rules (the node then adds the referring domain itself), or make the last rule Target (the referring domain).`,
	);
}
