import { CostGuard } from './cost';
import { referringDomainOf } from '../output/flatten';
import { PAGE_SIZE } from '../api/limits';
import type { DomainIntersectionTask, IntersectionRequest } from '../request/task';
import type { ApiItem } from '../api/responseSchema';

export interface Page {
	total: number;
	items: ApiItem[];
}

export type FetchPage = (task: DomainIntersectionTask) => Promise<Page>;

export interface PagingOutcome {
	/** total_count from the first page, or null when nothing was fetched. */
	total: number | null;
	pages: number;
	rows: number;
	cutBy: 'maxResults' | 'maxCost' | null;
}

/** Sort used across pages: the user's rules, then the referring domain, so pages never overlap. */
export const TIEBREAK_RULE = '1.target,asc';
export const DEFAULT_PAGED_ORDER = '1.rank,desc';

export function stableOrder(orderBy: string[] | undefined): string[] {
	const rules = orderBy && orderBy.length > 0 ? [...orderBy] : [DEFAULT_PAGED_ORDER];
	const hasTiebreak = rules.some((rule) => rule.startsWith('1.target,'));
	if (rules.length < 3 && !hasTiebreak) rules.push(TIEBREAK_RULE);
	return rules;
}

/** The task for one page. A single-request run sends the user's task untouched. */
export function pageTask(
	request: IntersectionRequest,
	offset: number,
	limit: number,
): DomainIntersectionTask {
	const task: DomainIntersectionTask = { ...request.task };
	if (request.paged) task.order_by = stableOrder(request.task.order_by);
	if (request.offset !== undefined || offset > 0) task.offset = offset;
	task.limit = limit;
	return task;
}

type Settled = { ok: true; page: Page | null } | { ok: false; error: unknown };

/**
 * Reads every page a request needs and hands items to `emit` in the API's order, each
 * referring domain once. After the first page gives total_count, the remaining pages are
 * requested `window` at a time; `emit` still sees them in order.
 */
export async function readPages(
	request: IntersectionRequest,
	fetchPage: FetchPage,
	emit: (items: ApiItem[]) => void,
	{ window, costGuard = new CostGuard() }: { window: number; costGuard?: CostGuard },
): Promise<PagingOutcome> {
	const seen = new Set<string>();
	const outcome: PagingOutcome = { total: null, pages: 0, rows: 0, cutBy: null };
	const start = request.offset ?? 0;

	const accept = (page: Page) => {
		outcome.pages++;
		const fresh = page.items.filter((item) => {
			const domain = referringDomainOf(item);
			if (domain === null) return true;
			if (seen.has(domain)) return false;
			seen.add(domain);
			return true;
		});
		outcome.rows += fresh.length;
		emit(fresh);
	};
	const fetchGuarded = async (offset: number, limit: number): Promise<Page | null> =>
		costGuard.tryReserve(limit) ? fetchPage(pageTask(request, offset, limit)) : null;

	const firstLimit = Math.min(PAGE_SIZE, request.wanted);
	const first = await fetchGuarded(start, firstLimit);
	if (!first) return { ...outcome, cutBy: 'maxCost' };
	outcome.total = first.total;
	accept(first);
	if (!request.paged) return outcome;

	const end = Math.min(first.total, start + request.wanted);
	if (request.cap === 'maxResults' && first.total > start + request.wanted)
		outcome.cutBy = 'maxResults';
	const offsets: number[] = [];
	for (let offset = start + firstLimit; offset < end; offset += PAGE_SIZE) offsets.push(offset);

	const pending: Array<Promise<Settled>> = [];
	let next = 0;
	let stopped = false;
	const launch = () => {
		const offset = offsets[next++];
		pending.push(
			fetchGuarded(offset, Math.min(PAGE_SIZE, end - offset)).then(
				(page): Settled => ({ ok: true, page }),
				(error: unknown): Settled => ({ ok: false, error }),
			),
		);
	};
	while (next < offsets.length && pending.length < window) launch();
	let failure: Settled | undefined;
	while (pending.length > 0) {
		const settled = await pending.shift()!;
		if (!settled.ok) {
			failure ??= settled;
			stopped = true;
		} else if (settled.page === null) {
			outcome.cutBy = 'maxCost';
			stopped = true;
		} else if (!stopped) {
			accept(settled.page);
		}
		if (!stopped && next < offsets.length) launch();
	}
	if (failure && !failure.ok) throw failure.error;
	return outcome;
}
