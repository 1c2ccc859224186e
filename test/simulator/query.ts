// Filtering, ordering and paging over the selected rows, plus a small LRU of full result sets so a
// client paging through 41 pages of 1000 rows pays for the graph scan only once.
import type { LinkGraph } from './graph';
import { buildSelector } from './select';
import type { IntersectionRow } from './row';
import { SortRule, validateTask, ValidatedTask } from './validate';

/**
 * Sorts rows by the task's rules. Sort keys are read once into columns first (numbers into typed
 * arrays), and the final tiebreak, referring domain ascending, uses the graph's precomputed name
 * order: comparing strings inside the comparator made a 40k-row sort several times slower.
 * Nulls (e.g. a target not linked in partial mode) sort last in both directions. The order is
 * total, so paging never repeats or skips a row.
 */
export function sortRows(
	graph: LinkGraph,
	rows: IntersectionRow[],
	rules: readonly SortRule[],
): IntersectionRow[] {
	const alpha = graph.alphabeticalRank();
	const n = rows.length;
	const tiebreak = new Int32Array(n);
	for (let i = 0; i < n; i++) tiebreak[i] = alpha[rows[i].index];
	const columns = rules.map((rule) => rows.map((row) => rule.get(row) ?? null));
	if (rules.length === 1) {
		const fast = sortByOneInteger(rows, columns[0], rules[0].desc, tiebreak);
		if (fast !== null) return fast;
	}
	const keys = columns.map((values, r) => comparator(values, rules[r].desc));
	const order = Array.from({ length: n }, (_, i) => i);
	order.sort((a, b) => {
		for (const key of keys) {
			const c = key(a, b);
			if (c !== 0) return c;
		}
		return tiebreak[a] - tiebreak[b];
	});
	return order.map((i) => rows[i]);
}

/** Compares row positions by one column; nulls last whatever the direction. */
function comparator(values: unknown[], desc: boolean): (a: number, b: number) => number {
	const sign = desc ? -1 : 1;
	if (values.every((v) => v === null || typeof v === 'number')) {
		// NaN marks null so the column can live in a typed array.
		const col = Float64Array.from(values, (v) => (v === null ? NaN : (v as number)));
		return (a, b) => {
			const x = col[a];
			const y = col[b];
			if (x === y) return 0;
			if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
			if (Number.isNaN(y)) return -1;
			return (x - y) * sign;
		};
	}
	const col = values.map((v) => (v === null ? null : String(v)));
	return (a, b) => {
		const x = col[a];
		const y = col[b];
		if (x === y) return 0;
		if (x === null) return 1;
		if (y === null) return -1;
		return (x < y ? -1 : 1) * sign;
	};
}

/**
 * Fast path for the common single-rule integer sort (1.rank desc, 1.backlinks desc...): packs
 * (value, name order) into one float so the engine's native typed-array sort does the work.
 * Returns null when the values do not fit exactly, and the generic comparator is used instead.
 */
function sortByOneInteger(
	rows: IntersectionRow[],
	values: unknown[],
	desc: boolean,
	tiebreak: Int32Array,
): IntersectionRow[] | null {
	const n = rows.length;
	let maxTie = 0;
	for (let i = 0; i < n; i++) if (tiebreak[i] > maxTie) maxTie = tiebreak[i];
	const scale = 2 ** Math.ceil(Math.log2(maxTie + 2));
	// Integers up to this bound times scale stay exact in a double (53-bit mantissa).
	const bound = Math.floor(2 ** 52 / scale) - 1;
	const packed = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		let key: number;
		if (v === null)
			key = bound; // nulls last in both directions
		else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < bound)
			key = desc ? -v : v;
		else return null;
		packed[i] = key * scale + tiebreak[i];
	}
	packed.sort();
	const byTie = new Map<number, IntersectionRow>();
	for (let i = 0; i < n; i++) byTie.set(tiebreak[i], rows[i]);
	const out = new Array<IntersectionRow>(n);
	for (let i = 0; i < n; i++) {
		const p = packed[i];
		out[i] = byTie.get(p - Math.floor(p / scale) * scale) as IntersectionRow;
	}
	return out;
}

/** The full ordered result (after excludes and filters, before offset/limit). */
export function computeRows(graph: LinkGraph, task: ValidatedTask): IntersectionRow[] {
	const select = buildSelector(graph, task);
	const rows: IntersectionRow[] = [];
	for (let i = 0; i < graph.size; i++) {
		const row = select(i);
		if (row !== null && (task.filter === null || task.filter(row))) rows.push(row);
	}
	return sortRows(graph, rows, task.orderBy);
}

/**
 * Pure reference implementation for tests: validates a raw task (as sent to the API) and returns
 * every result row in API order, ignoring offset/limit. Throws on a task the API would reject.
 */
export function intersect(graph: LinkGraph, task: unknown): IntersectionRow[] {
	const validation = validateTask(task);
	if (!validation.ok) throw new Error(`${validation.statusCode} ${validation.message}`);
	return computeRows(graph, validation.task);
}

export interface Page {
	totalCount: number;
	rows: IntersectionRow[];
}

export class QueryEngine {
	private readonly cache = new Map<string, IntersectionRow[]>();

	constructor(
		private readonly graph: LinkGraph,
		private readonly capacity = 8,
	) {}

	page(task: ValidatedTask): Page {
		const rows = this.rows(task);
		return { totalCount: rows.length, rows: rows.slice(task.offset, task.offset + task.limit) };
	}

	rows(task: ValidatedTask): IntersectionRow[] {
		const key = `${this.graph.version}|${this.graph.size}|${task.cacheKey}`;
		const hit = this.cache.get(key);
		if (hit !== undefined) {
			// Re-insert to mark as most recently used.
			this.cache.delete(key);
			this.cache.set(key, hit);
			return hit;
		}
		const rows = computeRows(this.graph, task);
		this.cache.set(key, rows);
		while (this.cache.size > this.capacity) {
			const oldest = this.cache.keys().next().value;
			if (oldest === undefined) break;
			this.cache.delete(oldest);
		}
		return rows;
	}

	clear(): void {
		this.cache.clear();
	}
}
