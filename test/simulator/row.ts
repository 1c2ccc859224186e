// A result row. Rows are kept small (a 40k-row result is cached per query) and metrics are computed
// on first access per target: a query usually sorts and filters on one target's fields, and only the
// returned page needs every target, so eager metrics doubled both CPU time and garbage.
import type { LinkGraph, LinkState } from './graph';
import { computeMetrics, mapSeedOf, MetricsContext, rankOf, TimedMetrics } from './metrics';
import type { ParsedTarget } from './targets';

/** What every row of one query shares. */
export interface RowSource {
	graph: LinkGraph;
	targets: readonly ParsedTarget[];
	ctx: MetricsContext;
	/** The qualifying link state of domain `index` for the j-th target (0 = not linked). */
	stateAt(index: number, j: number): LinkState;
}

export class IntersectionRow {
	private cache: (TimedMetrics | null | undefined)[] | undefined;

	constructor(
		/** Index of the referring domain in the graph. */
		readonly index: number,
		/** How many of the task's targets this domain links to (summary.intersections_count). */
		readonly intersectionsCount: number,
		private readonly source: RowSource,
	) {}

	get referringDomain(): string {
		return this.source.graph.domainAt(this.index);
	}

	/** Metrics for the j-th target of the task (in target-key order); null if not linked. */
	metricAt(j: number): TimedMetrics | null {
		const cache = (this.cache ??= new Array<TimedMetrics | null | undefined>(
			this.source.targets.length,
		));
		let m = cache[j];
		if (m === undefined) {
			const state = this.source.stateAt(this.index, j);
			m =
				state === 0
					? null
					: computeMetrics(
							this.source.graph,
							this.index,
							this.source.targets[j],
							state,
							this.source.ctx,
						);
			cache[j] = m;
		}
		return m;
	}

	/** A per-target field as filters see it (the API's value; null if not linked). */
	valueAt(j: number, field: string): unknown {
		// rank is the default sort key: answer it without building the whole metrics object.
		if (field === 'rank' && this.cache?.[j] === undefined) {
			return this.source.stateAt(this.index, j) === 0
				? null
				: rankOf(this.source.graph, this.index, this.source.targets[j], this.source.ctx);
		}
		const m = this.metricAt(j);
		return m === null ? null : (m as unknown as Record<string, unknown>)[field];
	}

	/** A per-target field as sorting sees it: dates as epoch ms (same order as their text). */
	sortValueAt(j: number, field: string): unknown {
		if (field === 'first_seen' || field === 'lost_date') {
			const m = this.metricAt(j);
			if (m === null) return null;
			const ms = field === 'first_seen' ? m.firstSeenMs : m.lostMs;
			return Number.isNaN(ms) ? null : ms;
		}
		return this.valueAt(j, field);
	}

	/** All targets' metrics, aligned with the task's targets. */
	get metrics(): (TimedMetrics | null)[] {
		return this.source.targets.map((_, j) => this.metricAt(j));
	}

	/** Seed of the j-th target's link maps (rendering only). */
	mapSeedAt(j: number): number {
		return mapSeedOf(this.source.graph.hashAt(this.index), this.source.targets[j]);
	}
}
