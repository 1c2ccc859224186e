/** The column sets and row shapes the golden test pins, each as a fingerprint of its rows. */
import {
	flattenItem,
	type RowShape,
} from '../../../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ColumnSet } from '../../../../nodes/DataForSeoDomainIntersection/request/task';
import { fingerprint, goldenItems, TARGETS } from './page';

export const CASES: ReadonlyArray<{ name: string; set: ColumnSet; shape?: RowShape }> = [
	{ name: 'Key Metrics', set: 'key' },
	{
		name: 'Key Metrics, count and competitors varying',
		set: 'key',
		shape: { countVaries: true, competitorsVary: true },
	},
	{ name: 'All Metrics', set: 'all' },
	{
		name: 'All Metrics, count varying',
		set: 'all',
		shape: { countVaries: true, competitorsVary: false },
	},
	{ name: 'version 1 columns', set: 'legacy' },
];

export function goldenCases(): Record<string, ReturnType<typeof fingerprint>> {
	const items = goldenItems();
	return Object.fromEntries(
		CASES.map(({ name, set, shape }) => [
			name,
			fingerprint(items.map((item) => flattenItem(item, TARGETS, set, shape))),
		]),
	);
}
