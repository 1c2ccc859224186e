import type { IDataObject } from 'n8n-workflow';

import { BUNDLED_CATALOGUE } from './availableFilters';
import { buildFilters, buildOrderBy } from './builders';
import { validateFilters, validateOrderBy, type FilterExpression } from './filters';
import { InputError } from './inputError';

/** The builder parameters: three top-level ones, two inside Options. */
export interface BuilderParameters {
	filterBuilder?: unknown;
	filterCombine?: unknown;
	sortBuilder?: unknown;
}

export const BUILDER_FIELD = {
	filters: 'Filters (filterBuilder)',
	orderBy: 'Sort (sortBuilder)',
	backlinksFilters: 'Options > Backlinks Filters (backlinksFilterBuilder)',
};

/** The JSON forms, parsed but not yet checked, and their labels. */
interface JsonForms {
	filters: unknown;
	orderBy: unknown;
	backlinksFilters: unknown;
	labels: { filters: string; orderBy: string; backlinksFilters: string };
}

export interface Criteria {
	filters?: FilterExpression;
	orderBy?: string[];
	backlinksFilters?: FilterExpression;
}

/**
 * Both forms of a filter must hold: the builder's conditions AND the JSON expression, each
 * checked under its own label first so an error points at the form that has it.
 */
function both(
	built: FilterExpression | undefined,
	json: unknown,
	labels: [builder: string, json: string],
	targetCount?: number,
): FilterExpression | undefined {
	const fromBuilder = built && validateFilters(built, { field: labels[0], targetCount });
	const fromJson =
		json === undefined ? undefined : validateFilters(json, { field: labels[1], targetCount });
	if (!fromBuilder || !fromJson) return fromBuilder ?? fromJson;
	// Re-checked together for the 8-condition limit, which counts both.
	return validateFilters([fromBuilder, 'and', fromJson], {
		field: `${labels[0]} with ${labels[1]}`,
		targetCount,
	});
}

/** Filters, sort and backlinks filters from the builders and the JSON options, validated. */
export function resolveCriteria(
	builders: BuilderParameters,
	options: IDataObject,
	targetCount: number,
	json: JsonForms,
): Criteria {
	const table = BUNDLED_CATALOGUE.domain_intersection;
	const filters = both(
		buildFilters(builders.filterBuilder, builders.filterCombine, {
			label: BUILDER_FIELD.filters,
			table,
			targetCount,
		}),
		json.filters,
		[BUILDER_FIELD.filters, json.labels.filters],
		targetCount,
	);
	const backlinksFilters = both(
		buildFilters(options.backlinksFilterBuilder, options.backlinksFilterCombine, {
			label: BUILDER_FIELD.backlinksFilters,
			table: BUNDLED_CATALOGUE.backlinks,
		}),
		json.backlinksFilters,
		[BUILDER_FIELD.backlinksFilters, json.labels.backlinksFilters],
	);

	const built = buildOrderBy(builders.sortBuilder, {
		label: BUILDER_FIELD.orderBy,
		table,
		targetCount,
	});
	if (built && json.orderBy !== undefined) {
		// Which of two sort lists ranks first is a guess either way, so the node does not guess.
		throw new InputError(
			BUILDER_FIELD.orderBy,
			`is set, and so is ${json.labels.orderBy}. Use one of them: remove the Sort (JSON) option, or the sort rules.`,
		);
	}
	const orderRaw = built ?? json.orderBy;
	const orderBy =
		orderRaw === undefined
			? undefined
			: validateOrderBy(orderRaw, {
					field: built ? BUILDER_FIELD.orderBy : json.labels.orderBy,
					targetCount,
				});
	return { filters, orderBy, backlinksFilters };
}
