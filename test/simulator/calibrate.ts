// Graph sizing. The docs' example task must report total_count 40921 (the number in DataForSEO's
// documentation), so the graph is grown domain by domain until that intersection reaches it.
import { SyntheticGraph } from './graph';
import { buildSelector } from './select';
import { validateTask } from './validate';

export const DOCS_EXAMPLE_TASK = {
	targets: { '1': 'moz.com', '2': 'ahrefs.com' },
	exclude_targets: ['semrush.com'],
	include_subdomains: false,
	exclude_internal_backlinks: true,
} as const;

export const DOCS_EXAMPLE_TOTAL = 40921;

/** Size found by calibrate(1); hard-coded so the default start skips the scan. A unit test pins it. */
export const DEFAULT_GRAPH_SIZE = 98_700;

const MAX_GRAPH_SIZE = 250_000;
const sizes = new Map<number, number>([[1, DEFAULT_GRAPH_SIZE]]);

/** Smallest size at which the docs' example reaches DOCS_EXAMPLE_TOTAL rows for this seed. */
export function calibrate(seed: number): SyntheticGraph {
	const graph = new SyntheticGraph(seed);
	const validation = validateTask(DOCS_EXAMPLE_TASK);
	if (!validation.ok) throw new Error('docs example task does not validate');
	const select = buildSelector(graph, validation.task);
	let count = 0;
	while (count < DOCS_EXAMPLE_TOTAL && graph.size < MAX_GRAPH_SIZE) {
		graph.appendBase(1);
		if (select(graph.size - 1) !== null) count++;
	}
	sizes.set(seed, graph.size);
	return graph;
}

/** A graph for the seed: explicit size, else the calibrated size (computed once per seed). */
export function createGraph(seed = 1, size?: number): SyntheticGraph {
	const known = size ?? sizes.get(seed);
	if (known === undefined || known === 0) return calibrate(seed);
	const graph = new SyntheticGraph(seed);
	graph.appendBase(known);
	return graph;
}
