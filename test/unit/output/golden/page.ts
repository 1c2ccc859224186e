/**
 * A 20-competitor answer page for the flattening golden test: simulator items (partial mode, so
 * some competitors are null) plus hand-made items with the shapes the API may also send.
 */
import { createHash } from 'node:crypto';

import type { ApiItem } from '../../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import type { FlatRow } from '../../../../nodes/DataForSeoDomainIntersection/output/flatten';
import { createGraph, intersect, renderItem, validateTask } from '../../../simulator';

export const TARGETS = Array.from({ length: 20 }, (_, i) => `competitor${i + 1}.com`);

function simulatorItems(): ApiItem[] {
	const graph = createGraph(1, 4000);
	const raw = {
		targets: Object.fromEntries(TARGETS.map((target, i) => [String(i + 1), target])),
		intersection_mode: 'partial',
		backlinks_status_type: 'all',
		limit: 1000,
	};
	const validation = validateTask(raw);
	if (!validation.ok) throw new Error(validation.message);
	return intersect(graph, raw)
		.slice(0, 120)
		.map((row) => renderItem(graph, validation.task, row) as unknown as ApiItem);
}

/** Shapes the simulator does not make: missing entries and fields, text breakdowns, odd values. */
function oddItems(): ApiItem[] {
	const entry = (i: number) => ({
		target: `odd${i}.example`,
		rank: i,
		backlinks: i * 10,
		first_seen: i % 2 ? '2020-01-02 03:04:05 +00:00' : null,
		backlinks_spam_score: i % 3 ? 1.5 : undefined,
		referring_pages: { nested: [i] },
		referring_links_tld: i % 2 ? { '': 1, com: i } : '{"com":1}',
		referring_links_types: [],
		referring_links_countries: null,
		broken_pages: true,
	});
	return [
		{ domain_intersection: { '1': entry(1), '3': entry(3), '20': entry(20) }, summary: null },
		{ domain_intersection: { '2': { rank: 5 }, '1': null }, summary: { intersections_count: 7 } },
		{ domain_intersection: {} },
		{ domain_intersection: Object.fromEntries(TARGETS.map((_, i) => [String(i + 1), entry(i)])) },
	] as unknown as ApiItem[];
}

export const goldenItems = (): ApiItem[] => [...simulatorItems(), ...oddItems()];

/** Column names in order, and one short digest per row of its keys and values (types included). */
export function fingerprint(rows: readonly FlatRow[]) {
	return {
		columns: Object.keys(rows[0]),
		rows: rows.map((row) =>
			createHash('sha1')
				.update(JSON.stringify(Object.entries(row).map(([k, v]) => [k, typeof v, v])))
				.digest('hex')
				.slice(0, 12),
		),
	};
}
