/**
 * The size of a flat row, measured on the simulator's rows (their values are as long as in the
 * docs' example), for 2 and for 20 competitors: Return All's default must keep a manual run's
 * output well inside what n8n's editor sends back with the next "Execute step".
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { MAX_RESULTS_DEFAULT } from '../../../nodes/DataForSeoDomainIntersection/fields/main';
import type { ApiItem } from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { flattenItem } from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import {
	EDITOR_LIMIT_BYTES,
	outputBytes,
} from '../../../nodes/DataForSeoDomainIntersection/output/runHint';
import type { ColumnSet } from '../../../nodes/DataForSeoDomainIntersection/request/task';
import { computeRows, createGraph, renderItem, validateTask } from '../../simulator';

// Twenty hosts that the simulator links often, so that many domains link to all of them.
const TWENTY = [69, 132, 189, 21, 53, 8, 33, 273, 222, 145, 198, 64, 124, 151, 206, 277, 183, 239]
	.map((n) => `site${n}.com`)
	.concat('site212.com', 'site15.com');
const SAMPLE = 500;
const graph = createGraph(1, 20_000);

function sampleItems(targets: string[]): ApiItem[] {
	const validation = validateTask({
		targets: Object.fromEntries(targets.map((target, index) => [String(index + 1), target])),
	});
	if (!validation.ok) throw new Error(validation.message);
	const rows = computeRows(graph, validation.task).slice(0, SAMPLE);
	return rows.map((row) => renderItem(graph, validation.task, row) as unknown as ApiItem);
}

/** Bytes per output item, as the run hint measures them. */
function bytesPerRow(items: ApiItem[], targets: string[], set: ColumnSet): number {
	const output: INodeExecutionData[] = items.map((item) => ({
		json: flattenItem(item, targets, set),
		pairedItem: { item: 0 },
	}));
	return outputBytes(output) / output.length;
}

describe('row size and the Max Results default', () => {
	const two = ['moz.com', 'ahrefs.com'];
	const sizes = {
		2: { items: sampleItems(two), targets: two },
		20: { items: sampleItems(TWENTY), targets: TWENTY },
	};

	it('measures full rows: every competitor present in every sampled row', () => {
		for (const { items, targets } of Object.values(sizes)) {
			expect(items).toHaveLength(SAMPLE);
			for (const item of items)
				expect(Object.values(item.domain_intersection).filter(Boolean)).toHaveLength(
					targets.length,
				);
		}
	});

	it('keeps Return All at its default under half of n8n’s 16 MB, even for 20 competitors', () => {
		const measured = Object.fromEntries(
			Object.entries(sizes).flatMap(([count, { items, targets }]) =>
				(['key', 'all'] as const).map((set) => [
					`${count} ${set}`,
					Math.round(bytesPerRow(items, targets, set)),
				]),
			),
		);
		console.log(`bytes per row (competitors, columns): ${JSON.stringify(measured)}`);
		// The default columns, at the default cap, for the widest request.
		expect(MAX_RESULTS_DEFAULT * measured['20 key']).toBeLessThanOrEqual(EDITOR_LIMIT_BYTES / 2);
		// All Metrics for 2 competitors, the usual link gap, fits as well.
		expect(MAX_RESULTS_DEFAULT * measured['2 all']).toBeLessThanOrEqual(EDITOR_LIMIT_BYTES / 2);
		// 0.1.0's default of 10,000 did not: that is the toast the issue met.
		expect(10_000 * measured['2 all']).toBeGreaterThan(EDITOR_LIMIT_BYTES);
	});
});
