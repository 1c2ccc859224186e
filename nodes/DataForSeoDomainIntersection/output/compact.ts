import type { ApiItem } from '../api/responseSchema';
import type { IntersectionRequest } from '../request/task';
import { referringDomainOf } from './flatten';
import { notesText } from './sentences';

/**
 * The `compact` format: one text answer per input item, small enough for an AI model's context.
 * A header line (totals, order, cost, anything cut), then one line per referring domain:
 * `domain | competitors it links to | rank/backlinks/first seen` for each competitor in order.
 */

/** Most characters of one answer as a model receives it (as JSON, see sentLength). */
export const ANSWER_MAX_CHARS = 12_000;
/** Most domains one answer lists, whatever the Limit. */
export const ANSWER_MAX_ROWS = 100;

// Typical widths, used to decide before buying how many rows fit: a domain with its count and
// separators, and one competitor's "rank/backlinks/first seen" with its separator.
const ROW_CHARS = 36;
const TARGET_CHARS = 22;
const HEADER_CHARS = 600;
/** A linking page without its scheme, e.g. "site.com/guide-123/". */
const PAGE_CHARS = 40;

const METRICS = [
	{ field: 'rank', label: 'rank' },
	{ field: 'backlinks', label: 'backlinks' },
	{ field: 'first_seen', label: 'first seen' },
] as const;

type Value = string | number | null;

export interface CompactRow {
	domain: string;
	/** How many of the competitors the domain links to. */
	linked: number;
	/** Per competitor, in request order: rank, backlinks, first seen (date only). */
	values: Value[][];
	/** prospect_score, with Prospect Score on. */
	score?: number;
	/** Per competitor: the linking page, with Linking Pages on. */
	pages?: Array<string | null>;
}

function metric(data: Record<string, unknown> | undefined, field: string): Value {
	const value = data?.[field];
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || value === '') return null;
	// "2023-06-16 13:55:22 +00:00" -> "2023-06-16": the day is what a prospect list needs.
	return field === 'first_seen' ? value.slice(0, 10) : value;
}

export function compactRow(item: ApiItem, targetCount: number): CompactRow {
	const perTarget = item.domain_intersection;
	const values: Value[][] = [];
	let present = 0;
	for (let index = 1; index <= targetCount; index++) {
		const data = perTarget[String(index)] ?? undefined;
		if (data) present++;
		values.push(METRICS.map(({ field }) => metric(data, field)));
	}
	return {
		domain: referringDomainOf(item) ?? '-',
		linked: item.summary?.intersections_count ?? present,
		values,
	};
}

/**
 * How many domains one answer may list for this request: the hard row cap, lowered for many
 * competitors so the answer stays under ANSWER_MAX_CHARS. Decided before anything is bought.
 */
export function compactRowCap(
	request: Pick<IntersectionRequest, 'targets' | 'excludeTargets'> &
		Partial<Pick<IntersectionRequest, 'prospects'>>,
) {
	const names = [...request.targets, ...request.excludeTargets].join(', ').length;
	const budget = ANSWER_MAX_CHARS - HEADER_CHARS - names;
	const page = request.prospects?.linkingPages ? PAGE_CHARS : 0;
	const perRow = ROW_CHARS + (TARGET_CHARS + page) * request.targets.length;
	return Math.max(1, Math.min(ANSWER_MAX_ROWS, Math.floor(budget / perRow)));
}

export interface CompactFacts {
	request: IntersectionRequest;
	rows: CompactRow[];
	/** Domains matching, as DataForSEO counts them; null when nothing was fetched. */
	total: number | null;
	requests: number;
	cost: number;
	/** The rows asked for (Infinity: Return All), when compactRowCap lowered it. */
	askedLimit?: number;
	/** Rows fetched before "only new" dropped the ones seen before. */
	fetched: number;
	/** Sentences the run hint also shows: Max Cost cuts, data that moved, how input was read. */
	warnings: readonly string[];
	/** The order the API was asked for, first rule used. */
	orderBy?: string[];
}

const count = (n: number) => n.toLocaleString('en-US');

/** "1.backlinks,desc" -> "moz.com backlinks, highest first". */
function orderText(rule: string, targets: readonly string[]): string {
	const [field, direction] = rule.split(',');
	const named = field.replace(/^(\d+)\./, (_, index: string) => `${targets[Number(index) - 1]} `);
	const way = direction === 'asc' ? 'lowest first' : 'highest first';
	return `${named.replace(/_/g, ' ')}, ${way}`;
}

/** The whole order of "at least K of N", as AtLeastOrder sorts it. */
function atLeastOrderText(request: IntersectionRequest): string[] {
	const rules = request.task.order_by ?? [];
	const count = rules.find((rule) => rule.startsWith('intersections_count,'));
	const rest = rules.filter((rule) => rule !== count);
	return [
		count?.endsWith(',asc') ? 'fewest competitors linked first' : 'most competitors linked first',
		...(rest.length > 0
			? rest.map((rule) => `by ${orderText(rule, request.targets)}`)
			: ['by rank toward the first listed competitor each links to, highest first']),
		'by domain A to Z',
	];
}

function matchText(request: IntersectionRequest): string {
	const all = request.targets.join(', ');
	const who = request.atLeast
		? `at least ${request.atLeast.minMatches} of ${all}`
		: `all of ${all}`;
	const not = request.excludeTargets.length
		? ` and not to ${request.excludeTargets.join(', ')}`
		: '';
	return `link to ${who}${not}`;
}

function header(facts: CompactFacts, shown: number, kept: boolean[], dropped: number): string {
	const { request, total } = facts;
	const parts = [
		total === null
			? `Link gap: nothing was fetched for the domains that ${matchText(request)}.`
			: `Link gap: ${count(total)} domains ${matchText(request)}.`,
	];
	const order = facts.orderBy?.[0];
	const by = request.atLeast
		? atLeastOrderText(request)
		: order
			? [`by ${orderText(order, request.targets)}`]
			: [];
	const chosen = by.length ? `, ${by.join(', then ')}` : '';
	// Sort by Prospect Score reorders only the rows chosen by the API's order, and says so.
	parts.push(
		request.prospects?.sortByScore
			? `Showing ${shown} chosen${chosen}, sorted by prospect score, highest first.`
			: `Showing ${shown}${chosen}.`,
	);
	if (request.onlyNew)
		parts.push(`Only new since the last run: ${facts.rows.length} of ${facts.fetched}.`);
	if (facts.askedLimit !== undefined) {
		const asked = facts.askedLimit === Infinity ? 'all' : count(facts.askedLimit);
		parts.push(
			`Asked for ${asked} domains, lowered to ${request.wanted}: the most one answer holds for ${request.targets.length} competitors.`,
		);
	}
	if (dropped > 0)
		parts.push(
			`${dropped} more domains were fetched but left out to keep this answer under ${count(ANSWER_MAX_CHARS)} characters.`,
		);
	// Notes on how input was read come without an ending; they become one sentence.
	parts.push(...notesText(facts.warnings));
	if (total === 0) parts.push('Try fewer competitors, or check how they are spelled.');
	const requests = `${facts.requests} request${facts.requests === 1 ? '' : 's'}`;
	parts.push(`Cost $${facts.cost.toFixed(4)} (${requests}).`);
	const labels: string[] = METRICS.filter((_, index) => kept[index]).map(({ label }) => label);
	if (facts.rows.some((row) => row.pages)) labels.push('linking page');
	if (shown > 0) {
		const perTarget = labels.length ? ` | ${labels.join('/')} for each competitor in order` : '';
		const score = facts.rows.some((row) => row.score !== undefined) ? ' | prospect score' : '';
		parts.push(`Lines: domain${score} | competitors linked${perTarget}; - means no data.`);
	}
	return parts.join(' ');
}

function line(row: CompactRow, kept: boolean[]): string {
	const cells = row.values.map((values, target) =>
		[...values.filter((_, index) => kept[index]), ...(row.pages ? [row.pages[target]] : [])]
			.map((value) => (value === null || value === undefined ? '-' : String(value)))
			.join('/'),
	);
	const score = row.score === undefined ? [] : [String(row.score)];
	const metrics = kept.some(Boolean) || row.pages ? cells : [];
	return [row.domain, ...score, String(row.linked), ...metrics].join(' | ');
}

/** The length the model receives: n8n hands a tool's items to it as JSON, `[{"answer":"…"}]`. */
const sentLength = (text: string) => JSON.stringify([{ answer: text }]).length;

/** The answer text; cuts trailing rows (and says so) if it would pass ANSWER_MAX_CHARS. */
export function compactAnswer(facts: CompactFacts): string {
	// A metric no row has (e.g. no first-seen dates at all) is left out, not shown as dashes.
	const kept = METRICS.map((_, index) =>
		facts.rows.some((row) => row.values.some((values) => values[index] !== null)),
	);
	const lines = facts.rows.map((row) => line(row, kept));
	let shown = lines.length;
	let text = '';
	for (;;) {
		text = [header(facts, shown, kept, lines.length - shown), ...lines.slice(0, shown)].join('\n');
		if (sentLength(text) <= ANSWER_MAX_CHARS || shown === 0) return text;
		shown--;
	}
}
