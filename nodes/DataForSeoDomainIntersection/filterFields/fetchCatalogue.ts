import { z } from 'zod';

import { BUNDLED_CATALOGUE, type FieldCatalogue } from './catalogue';
import type { Send } from '../api/sender';

export const AVAILABLE_FILTERS_PATH = '/v3/backlinks/available_filters';

/** available_filters changes a few times a year; an hour keeps dropdowns instant without going stale. */
export const CATALOGUE_TTL_MS = 60 * 60 * 1000;
/** After a failure, ask again soon: the credential may just have been fixed. */
export const FAILURE_TTL_MS = 60 * 1000;

const table = z.record(z.string(), z.enum(['num', 'str', 'time', 'bool', 'array']).catch('str'));
const answer = z.object({
	status_code: z.literal(20000),
	tasks: z
		.array(
			z.object({
				status_code: z.literal(20000),
				result: z
					.array(z.object({ domain_intersection: table, backlinks: table }).partial())
					.min(1),
			}),
		)
		.min(1),
});

/** The two entries the node uses from an available_filters answer, or undefined if it has neither. */
export function parseAvailableFilters(body: unknown): FieldCatalogue | undefined {
	const parsed = answer.safeParse(body);
	if (!parsed.success) return undefined;
	const result = parsed.data.tasks[0].result[0];
	if (!result.domain_intersection && !result.backlinks) return undefined;
	// An entry missing from the answer falls back on its own, so one gap does not empty a dropdown.
	return {
		domain_intersection: result.domain_intersection ?? BUNDLED_CATALOGUE.domain_intersection,
		backlinks: result.backlinks ?? BUNDLED_CATALOGUE.backlinks,
	};
}

export interface CatalogueSource {
	catalogue: FieldCatalogue;
	/** Where the list came from, for logs and tests. */
	from: 'api' | 'bundled';
	reason?: string;
}

const cache = new Map<string, { until: number; source: Promise<CatalogueSource> }>();

async function fetchCatalogue(send: Send): Promise<CatalogueSource> {
	try {
		const response = await send('GET', AVAILABLE_FILTERS_PATH);
		const catalogue =
			response.statusCode === 200 ? parseAvailableFilters(response.body) : undefined;
		if (catalogue) return { catalogue, from: 'api' };
		return {
			catalogue: BUNDLED_CATALOGUE,
			from: 'bundled',
			reason: `HTTP ${response.statusCode}, no field list`,
		};
	} catch (error) {
		return { catalogue: BUNDLED_CATALOGUE, from: 'bundled', reason: (error as Error).message };
	}
}

/**
 * The field list for one base URL, from module memory while fresh. Concurrent dropdowns share
 * one request; a failure gives the bundled list and is cached only briefly.
 */
export async function loadCatalogue(
	baseUrl: string,
	send: Send,
	now = Date.now(),
): Promise<CatalogueSource> {
	const hit = cache.get(baseUrl);
	if (hit && hit.until > now) return hit.source;
	const source = fetchCatalogue(send);
	cache.set(baseUrl, { until: now + CATALOGUE_TTL_MS, source });
	const result = await source;
	if (result.from === 'bundled') cache.set(baseUrl, { until: now + FAILURE_TTL_MS, source });
	return result;
}

export function clearCatalogueCache(): void {
	cache.clear();
}
