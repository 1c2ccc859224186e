import { PAGE_SIZE } from '../api/limits';
import type { ApiItem } from '../api/responseSchema';
import { referringDomainOf } from '../output/flatten';
import { stableOrder } from '../request/sortOrder';
import type { DomainIntersectionTask, IntersectionRequest } from '../request/task';
import { CostGuard, estimateCost } from './cost';

export interface Page<T = ApiItem> {
	total: number;
	items: T[];
}

export type FetchPage<T = ApiItem> = (task: DomainIntersectionTask) => Promise<Page<T>>;

export interface PagingOutcome {
	/** total_count from the first page, or null when nothing was fetched. */
	total: number | null;
	/** The highest and lowest total_count seen: they differ when the index moved mid-run. */
	totals: { min: number; max: number } | null;
	pages: number;
	rows: number;
	/** Rows the run would have read without Max Cost; known once the first page has come. */
	planned: number | null;
	/** The estimated price of every page the run would have needed. */
	plannedCost: number;
	cutBy: 'maxResults' | 'maxCost' | null;
}

/** The task for one page: the same order for every page and every Limit. */
export function pageTask(
	request: IntersectionRequest,
	offset: number,
	limit: number,
): DomainIntersectionTask {
	const task: DomainIntersectionTask = {
		...request.task,
		order_by: stableOrder(request.task.order_by),
	};
	if (request.offset !== undefined || offset > 0) task.offset = offset;
	task.limit = limit;
	return task;
}

type Settled<T> = { ok: true; page: Page<T> | null } | { ok: false; error: unknown };

export interface PagingOptions<T = ApiItem> {
	/** Pages requested side by side after the first. */
	window: number;
	costGuard?: CostGuard;
	/** Stops further pages once true, e.g. when Only New has found enough new domains. */
	enough?: () => boolean;
	/** The referring domain of an item, for de-duplication; API items' own by default. */
	domainOf?: (item: T) => string | null;
}

/**
 * Reads every page a request needs and hands items to `emit` in the API's order, each
 * referring domain once. After the first page gives total_count, the remaining pages are
 * requested `window` at a time; `emit` still sees them in order. Once Max Cost refuses a page,
 * no later page is bought, so what is emitted is always the first rows with no gap.
 */
export async function readPages<T = ApiItem>(
	request: IntersectionRequest,
	fetchPage: FetchPage<T>,
	emit: (items: T[]) => void | Promise<void>,
	{
		window,
		costGuard = new CostGuard(),
		enough = () => false,
		domainOf = referringDomainOf as unknown as (item: T) => string | null,
	}: PagingOptions<T>,
): Promise<PagingOutcome> {
	const seen = new Set<string>();
	const outcome: PagingOutcome = {
		total: null,
		totals: null,
		pages: 0,
		rows: 0,
		planned: null,
		plannedCost: 0,
		cutBy: null,
	};
	const start = request.offset ?? 0;

	const accept = async (page: Page<T>) => {
		outcome.pages++;
		const { totals } = outcome;
		outcome.totals = totals
			? { min: Math.min(totals.min, page.total), max: Math.max(totals.max, page.total) }
			: { min: page.total, max: page.total };
		const fresh = page.items.filter((item) => {
			const domain = domainOf(item);
			if (domain === null) return true;
			if (seen.has(domain)) return false;
			seen.add(domain);
			return true;
		});
		outcome.rows += fresh.length;
		await emit(fresh);
	};
	let refused = false;
	const fetchGuarded = async (offset: number, limit: number): Promise<Page<T> | null> => {
		// A later, shorter page may still fit under the cap; buying it would leave a gap.
		if (refused || !costGuard.tryReserve(limit)) {
			refused = true;
			return null;
		}
		return fetchPage(pageTask(request, offset, limit));
	};

	const firstLimit = Math.min(PAGE_SIZE, request.readLimit);
	const first = await fetchGuarded(start, firstLimit);
	if (!first) {
		outcome.plannedCost = estimateCost(firstLimit);
		return { ...outcome, cutBy: 'maxCost' };
	}
	outcome.total = first.total;
	await accept(first);

	const end = Math.min(first.total, start + request.readLimit);
	if (request.cap === 'maxResults' && first.total > start + request.readLimit)
		outcome.cutBy = 'maxResults';
	const offsets: number[] = [];
	if (request.paged)
		for (let offset = start + firstLimit; offset < end; offset += PAGE_SIZE) offsets.push(offset);
	outcome.planned = Math.max(0, end - start);
	outcome.plannedCost =
		estimateCost(firstLimit) +
		offsets.reduce((sum, offset) => sum + estimateCost(Math.min(PAGE_SIZE, end - offset)), 0);

	const pending: Array<Promise<Settled<T>>> = [];
	let next = 0;
	let stopped = false;
	const launch = () => {
		const offset = offsets[next++];
		pending.push(
			fetchGuarded(offset, Math.min(PAGE_SIZE, end - offset)).then(
				(page): Settled<T> => ({ ok: true, page }),
				(error: unknown): Settled<T> => ({ ok: false, error }),
			),
		);
	};
	const more = () => !stopped && next < offsets.length && !enough();
	while (more() && pending.length < window) launch();
	let failure: Settled<T> | undefined;
	while (pending.length > 0) {
		const settled = await pending.shift()!;
		if (!settled.ok) {
			failure ??= settled;
			stopped = true;
		} else if (settled.page === null) {
			outcome.cutBy = 'maxCost';
			stopped = true;
		} else if (!stopped) {
			await accept(settled.page);
		}
		if (more()) launch();
	}
	if (failure && !failure.ok) throw failure.error;
	return outcome;
}
