// Turns internal rows into the API's item JSON, with the exact key order of the docs' example.
import type { LinkGraph } from './graph';
import type { QueryEngine } from './query';
import { buildLinkMaps } from './maps';
import type { TargetMetrics } from './metrics';
import type { IntersectionRow } from './row';
import type { ValidatedTask } from './validate';

export interface DomainIntersectionEntry extends TargetMetrics {
	referring_links_tld: Record<string, number>;
	referring_links_types: Record<string, number>;
	referring_links_attributes: Record<string, number> | null;
	referring_links_platform_types: Record<string, number>;
	referring_links_semantic_locations: Record<string, number>;
	referring_links_countries: Record<string, number> | null;
}

export interface DomainIntersectionItem {
	/** Keyed by target key; null for a target the domain does not link to (intersection_mode partial). */
	domain_intersection: Record<string, DomainIntersectionEntry | null>;
	summary: { intersections_count: number };
}

function entry(
	graph: LinkGraph,
	row: IntersectionRow,
	m: TargetMetrics,
	mapSeed: number,
	limit: number,
): DomainIntersectionEntry {
	const maps = buildLinkMaps(row.referringDomain, graph.hashAt(row.index), mapSeed, m, limit);
	return {
		type: m.type,
		target: m.target,
		rank: m.rank,
		backlinks: m.backlinks,
		first_seen: m.first_seen,
		lost_date: m.lost_date,
		backlinks_spam_score: m.backlinks_spam_score,
		broken_backlinks: m.broken_backlinks,
		broken_pages: m.broken_pages,
		referring_domains: m.referring_domains,
		referring_domains_nofollow: m.referring_domains_nofollow,
		referring_main_domains: m.referring_main_domains,
		referring_main_domains_nofollow: m.referring_main_domains_nofollow,
		referring_ips: m.referring_ips,
		referring_subnets: m.referring_subnets,
		referring_pages: m.referring_pages,
		referring_links_tld: maps.referring_links_tld,
		referring_links_types: maps.referring_links_types,
		referring_links_attributes: maps.referring_links_attributes,
		referring_links_platform_types: maps.referring_links_platform_types,
		referring_links_semantic_locations: maps.referring_links_semantic_locations,
		referring_links_countries: maps.referring_links_countries,
		referring_pages_nofollow: m.referring_pages_nofollow,
	};
}

export function renderItem(
	graph: LinkGraph,
	task: ValidatedTask,
	row: IntersectionRow,
): DomainIntersectionItem {
	const perTarget: Record<string, DomainIntersectionEntry | null> = {};
	task.targets.forEach((t, j) => {
		const m = row.metricAt(j);
		perTarget[t.key] =
			m === null ? null : entry(graph, row, m, row.mapSeedAt(j), task.internalListLimit);
	});
	return {
		domain_intersection: perTarget,
		summary: { intersections_count: row.intersectionsCount },
	};
}

/** One page of a task as API items, plus the total (the result set comes from the engine's cache). */
export function renderPage(
	graph: LinkGraph,
	task: ValidatedTask,
	engine: QueryEngine,
): { totalCount: number; items: DomainIntersectionItem[] } {
	const page = engine.page(task);
	return {
		totalCount: page.totalCount,
		items: page.rows.map((row) => renderItem(graph, task, row)),
	};
}
