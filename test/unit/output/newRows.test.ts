import { NewRows } from '../../../nodes/DataForSeoDomainIntersection/output/newRows';

const rowsOf = (wanted: number, domains: Array<string | null>) => {
	const out: string[] = [];
	const rows = new NewRows<string>('k', wanted, (row) => out.push(row));
	domains.forEach((domain, i) => rows.add(domain, `row${i}`));
	return { rows, out };
};
const range = (from: number, to: number) =>
	Array.from({ length: to - from }, (_, i) => `d${from + i}`);

describe('NewRows', () => {
	it('hands the store no more rows than can be emitted, in order, skipping known ones', () => {
		const { rows, out } = rowsOf(3, ['a', null, 'a', 'b', 'c', 'd', 'e']);
		// 'a' twice: the second is a repeat from a moved index and dropped.
		expect(rows.take((domain) => domain === 'b')).toEqual(['a', 'c', 'd']);
		expect(out).toEqual(['row1']);
		expect(rows.accept((domain) => domain !== 'c')).toEqual([]);
		expect(out).toEqual(['row1', 'row0', 'row5']);
		expect(rows.full).toBe(true);
		expect(rows.unchecked).toBe(1);
	});

	const walk = (rows: NewRows<string>, isNew: (domain: string) => boolean) => {
		const surplus: string[] = [];
		let checks = 0;
		while (!rows.full && rows.unchecked > 0) {
			rows.take(() => false);
			surplus.push(...rows.accept(isNew));
			checks++;
		}
		return { surplus, checks };
	};

	it('a seen prefix of up to two slices is walked exactly, so nothing past the Limit is recorded', () => {
		const seen = new Set(range(0, 100));
		const { rows, out } = rowsOf(50, range(0, 300));
		expect(walk(rows, (domain) => !seen.has(domain))).toEqual({ surplus: [], checks: 3 });
		expect(out).toEqual(range(100, 150).map((d) => `row${d.slice(1)}`));
	});

	it('a longer seen prefix is walked in doubling slices; at most one slice is recorded too many', () => {
		const seen = new Set(range(0, 1000));
		const { rows, out } = rowsOf(50, range(0, 3000));
		const { surplus, checks } = walk(rows, (domain) => !seen.has(domain));
		expect(out).toEqual(range(1000, 1050).map((d) => `row${d.slice(1)}`));
		expect(checks).toBeLessThan(12);
		expect(surplus.length).toBeLessThanOrEqual(400);
	});

	it('with few new rows scattered, slices grow with their share, in few checks', () => {
		const all = range(0, 20_000);
		const { rows, out } = rowsOf(1000, all);
		const isNew = (domain: string) => Number(domain.slice(1)) % 50 === 0;
		const { surplus, checks } = walk(rows, isNew);
		expect(out).toHaveLength(400);
		expect(checks).toBeLessThan(12);
		expect(surplus).toEqual([]);
	});

	it('returns the new rows past the Limit for the store to forget', () => {
		const { rows, out } = rowsOf(2, ['a', 'b', 'c', 'd', 'e', 'f']);
		rows.take(() => false);
		rows.accept(() => false);
		rows.take(() => false);
		rows.accept(() => false);
		rows.take(() => false);
		rows.accept(() => false);
		// Three empty checks double the next slice: 4 rows for 2 wanted.
		expect(rows.take(() => false)).toEqual([]);
		const again = rowsOf(2, range(0, 12));
		for (let i = 0; i < 3; i++) {
			again.rows.take(() => false);
			again.rows.accept(() => false);
		}
		expect(again.rows.take(() => false)).toEqual(['d6', 'd7', 'd8', 'd9']);
		expect(again.rows.accept(() => true)).toEqual(['d8', 'd9']);
		expect(again.out).toEqual(['row6', 'row7']);
		expect(out).toEqual([]);
	});
});
