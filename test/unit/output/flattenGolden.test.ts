import golden from './golden/flatten-golden.json';
import { CASES, goldenCases } from './golden/cases';
import { goldenItems } from './golden/page';

/**
 * A 20-competitor page, flattened as the node did before rows were built in one pass: the same
 * columns in the same order and, row by row, the same values of the same types.
 */
describe('flattening a 20-competitor page (golden)', () => {
	const now = goldenCases();
	const pinned = golden as Record<string, { columns: string[]; rows: string[] }>;

	it('covers sites that link to only some competitors and the odd shapes', () => {
		const items = goldenItems();
		expect(items.length).toBeGreaterThan(100);
		expect(items.some((item) => Object.values(item.domain_intersection).includes(null))).toBe(true);
		expect(pinned['All Metrics'].columns).toHaveLength(1 + 1 + 20 + 20 * 21);
	});

	it.each(CASES.map(({ name }) => name))('%s: same columns, same values', (name) => {
		expect(now[name].columns).toEqual(pinned[name].columns);
		const differing = now[name].rows.flatMap((digest, row) =>
			digest === pinned[name].rows[row] ? [] : [row],
		);
		expect(differing).toEqual([]);
		expect(now[name].rows).toHaveLength(pinned[name].rows.length);
	});
});
