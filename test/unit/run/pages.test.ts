import { outcomeWarnings } from '../../../nodes/DataForSeoDomainIntersection/output/outcomeWarnings';
import { CostGuard } from '../../../nodes/DataForSeoDomainIntersection/run/cost';
import {
	pageTask,
	readPages,
	type FetchPage,
} from '../../../nodes/DataForSeoDomainIntersection/run/pages';
import {
	TIEBREAK_RULE,
	stableOrder,
} from '../../../nodes/DataForSeoDomainIntersection/request/sortOrder';
import type { DomainIntersectionTask } from '../../../nodes/DataForSeoDomainIntersection/request/task';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { nodeParameters } from '../nodeParameters';

const request = (overrides: Partial<NodeParameters> = {}) =>
	buildRequest(nodeParameters({ targets: 'a.com, b.com', ...overrides }));

const item = (domain: string): ApiItem => ({
	domain_intersection: { '1': { target: domain }, '2': { target: domain } },
	summary: { intersections_count: 2 },
});

/** A fake index of `total` rows named d0..dN, answering pages in random order. */
function fakeIndex(total: number, { shuffle = true } = {}) {
	const tasks: DomainIntersectionTask[] = [];
	let inFlight = 0;
	let peak = 0;
	const fetch: FetchPage = async (task) => {
		tasks.push(task);
		inFlight++;
		peak = Math.max(peak, inFlight);
		await new Promise((resolve) => setImmediate(resolve));
		if (shuffle) for (let i = 0; i < Math.random() * 5; i++) await Promise.resolve();
		inFlight--;
		const start = task.offset ?? 0;
		const end = Math.min(total, start + (task.limit ?? 100));
		const items = [];
		for (let i = start; i < end; i++) items.push(item(`d${i}`));
		return { total, items };
	};
	return { fetch, tasks, peak: () => peak };
}

async function collect(
	req: ReturnType<typeof request>,
	fetch: FetchPage,
	window = 4,
	costGuard?: CostGuard,
) {
	const domains: string[] = [];
	const outcome = await readPages(
		req,
		fetch,
		(items) => items.forEach((i) => domains.push(i.domain_intersection['1']!.target!)),
		{
			window,
			costGuard,
		},
	);
	return { domains, outcome };
}

describe('stableOrder', () => {
	it('adds the referring-domain tiebreak when there is room', () => {
		expect(stableOrder(undefined)).toEqual(['1.rank,desc', TIEBREAK_RULE]);
		expect(stableOrder(['2.backlinks,desc'])).toEqual(['2.backlinks,desc', TIEBREAK_RULE]);
		expect(stableOrder(['a,asc', 'b,asc', 'c,asc'])).toEqual(['a,asc', 'b,asc', 'c,asc']);
		expect(stableOrder(['1.target,desc'])).toEqual(['1.target,desc']);
	});
});

describe('pageTask', () => {
	it('sends a single-request task with the same stable order a paged one uses', () => {
		const req = request({ limit: 5, options: { orderByJson: '["1.backlinks,desc"]' } });
		expect(pageTask(req, 0, 5)).toEqual({
			...req.task,
			order_by: ['1.backlinks,desc', TIEBREAK_RULE],
			limit: 5,
		});
	});

	it('adds the offset the user set, even 0', () => {
		expect(pageTask(request({ options: { offset: 0 } }), 0, 50)).toMatchObject({ offset: 0 });
	});
});

describe('readPages', () => {
	it('reads exactly the rows asked for with one request when limit <= 1000', async () => {
		const index = fakeIndex(5000);
		const { domains, outcome } = await collect(request({ limit: 1000 }), index.fetch);
		expect(domains).toHaveLength(1000);
		expect(index.tasks).toHaveLength(1);
		expect(outcome).toMatchObject({ total: 5000, pages: 1, rows: 1000, cutBy: null });
	});

	it('pages a limit above 1000 exactly', async () => {
		const index = fakeIndex(5000);
		const { domains } = await collect(request({ limit: 2500 }), index.fetch);
		expect(domains).toEqual(Array.from({ length: 2500 }, (_, i) => `d${i}`));
		expect(index.tasks.map((t) => [t.offset, t.limit])).toEqual([
			[undefined, 1000],
			[1000, 1000],
			[2000, 500],
		]);
		expect(index.tasks.every((t) => t.order_by?.at(-1) === TIEBREAK_RULE)).toBe(true);
	});

	it('returns all 40,921 rows in order with 41 requests', async () => {
		const index = fakeIndex(40921);
		const { domains, outcome } = await collect(
			request({ returnAll: true, maxResults: 0 }),
			index.fetch,
			10,
		);
		expect(domains).toHaveLength(40921);
		expect(domains.every((d, i) => d === `d${i}`)).toBe(true);
		expect(index.tasks).toHaveLength(41);
		expect(outcome).toMatchObject({ total: 40921, pages: 41, cutBy: null });
		expect(index.peak()).toBeLessThanOrEqual(10);
	});

	it('starts at the offset and stops at maxResults, saying so', async () => {
		const index = fakeIndex(40921);
		const { domains, outcome } = await collect(
			request({ returnAll: true, maxResults: 2500, options: { offset: 100 } }),
			index.fetch,
		);
		expect(domains[0]).toBe('d100');
		expect(domains).toHaveLength(2500);
		expect(outcome.cutBy).toBe('maxResults');
	});

	it('does not flag a cut when maxResults is not reached', async () => {
		const { outcome } = await collect(
			request({ returnAll: true, maxResults: 10000 }),
			fakeIndex(300).fetch,
		);
		expect(outcome).toMatchObject({ rows: 300, cutBy: null, pages: 1 });
	});

	it('emits each referring domain once when pages overlap', async () => {
		const fetch: FetchPage = async (task) => {
			// The index shifted by 3 between calls: each page repeats the tail of the last one.
			const start = Math.max(0, (task.offset ?? 0) - 3);
			return {
				total: 3000,
				items: Array.from({ length: task.limit! }, (_, i) => item(`d${start + i}`)),
			};
		};
		const { domains } = await collect(request({ returnAll: true, maxResults: 0 }), fetch);
		expect(new Set(domains).size).toBe(domains.length);
	});

	it('stops before a page would pass the cost cap', async () => {
		const index = fakeIndex(40921);
		// First page 0.02 + 1000 * 0.00003 = 0.05; three pages fit in 0.16, not four.
		const guard = new CostGuard(0.16);
		const { domains, outcome } = await collect(
			request({ returnAll: true, maxResults: 0 }),
			index.fetch,
			4,
			guard,
		);
		expect(domains).toHaveLength(3000);
		expect(outcome.cutBy).toBe('maxCost');
		expect(index.tasks).toHaveLength(3);
	});

	it('never buys a later, shorter page after the cap refused one', async () => {
		// 3,100 rows under $0.125: pages 0 and 1000 cost 0.10; 2000 would pass the cap, and the
		// short page at 3000 (0.023) would fit, but buying it would leave a gap of 1,000 rows.
		const index = fakeIndex(3100);
		const { domains, outcome } = await collect(
			request({ returnAll: true, maxResults: 0 }),
			index.fetch,
			4,
			new CostGuard(0.125),
		);
		expect(index.tasks.map((task) => task.offset ?? 0)).toEqual([0, 1000]);
		expect(domains).toEqual(Array.from({ length: 2000 }, (_, i) => `d${i}`));
		expect(outcome).toMatchObject({ cutBy: 'maxCost', rows: 2000, planned: 3100 });
		expect(outcome.plannedCost).toBeCloseTo(0.05 * 3 + 0.02 + 100 * 0.00003, 10);
		expect(outcomeWarnings(request({ returnAll: true, maxResults: 0 }), outcome, 2000)[0]).toMatch(
			/after the first 2,000 of 3,100 rows, with no gap; all of them would cost about \$0.17/,
		);
	});

	it('tells when the total moves between pages, and by how much', async () => {
		let calls = 0;
		const fetch: FetchPage = async (task) => {
			const total = calls++ === 0 ? 2500 : 2507;
			const start = task.offset ?? 0;
			const end = Math.min(total, start + task.limit!);
			return { total, items: Array.from({ length: end - start }, (_, i) => item(`d${start + i}`)) };
		};
		const req = request({ returnAll: true, maxResults: 0 });
		const { outcome } = await collect(req, fetch);
		expect(outcome.totals).toEqual({ min: 2500, max: 2507 });
		expect(outcomeWarnings(req, outcome, outcome.rows).join(' ')).toMatch(
			/changed while it was read \(its total moved by 7 rows, between 2,500 and 2,507\)/,
		);
	});

	it('sends nothing when even the first page is over the cap', async () => {
		const index = fakeIndex(100);
		const { outcome } = await collect(request(), index.fetch, 4, new CostGuard(0.01));
		expect(index.tasks).toHaveLength(0);
		expect(outcome.cutBy).toBe('maxCost');
	});

	it('fails with the first error and emits nothing after it', async () => {
		let calls = 0;
		const fetch: FetchPage = async (task) => {
			calls++;
			if (task.offset === 2000) throw new Error('boom');
			return {
				total: 10000,
				items: Array.from({ length: task.limit! }, (_, i) => item(`d${(task.offset ?? 0) + i}`)),
			};
		};
		const seen: string[] = [];
		await expect(
			readPages(
				request({ returnAll: true, maxResults: 0 }),
				fetch,
				(items) => {
					seen.push(...items.map((i) => i.domain_intersection['1']!.target!));
				},
				{
					window: 2,
				},
			),
		).rejects.toThrow('boom');
		expect(seen).toHaveLength(2000);
		expect(calls).toBeLessThan(10);
	});
});
