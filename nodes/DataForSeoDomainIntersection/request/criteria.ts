import type { IDataObject } from 'n8n-workflow';

import { FIELDS, label } from '../fields';
import { BUNDLED_CATALOGUE } from '../filterFields/catalogue';
import { buildFilters, buildOrderBy } from './builderRows';
import {
	parseJsonParameter,
	validateFilters,
	validateOrderBy,
	type FilterExpression,
} from './filterGrammar';
import { InputError } from './inputError';

/** The builder parameters: three top-level ones, two inside Options. */
export interface BuilderParameters {
	filterBuilder?: unknown;
	filterCombine?: unknown;
	sortBuilder?: unknown;
}

const BUILDER_LABEL = {
	filters: label('filterBuilder'),
	orderBy: label('sortBuilder'),
	backlinksFilters: label('backlinksFilterBuilder'),
};
const JSON_LABEL = {
	filters: label('filtersJson'),
	orderBy: label('orderByJson'),
	backlinksFilters: label('backlinksFiltersJson'),
};

/**
 * A JSON option as text (from the editor) or a value (from an expression), parsed. Empty, as
 * the option starts ("[]"; "" in workflows saved before), means not set: nothing is sent.
 */
function jsonOption(value: unknown, field: string): unknown {
	if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
	const parsed = typeof value === 'string' ? parseJsonParameter(value, field) : value;
	return Array.isArray(parsed) && parsed.length === 0 ? undefined : parsed;
}

export interface Criteria {
	filters?: FilterExpression;
	orderBy?: string[];
	/** The label of the form the sort came from, for errors about it. */
	orderByLabel: string;
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
): Criteria {
	const json = {
		filters: jsonOption(options.filtersJson, JSON_LABEL.filters),
		orderBy: jsonOption(options.orderByJson, JSON_LABEL.orderBy),
		backlinksFilters: jsonOption(options.backlinksFiltersJson, JSON_LABEL.backlinksFilters),
	};
	const table = BUNDLED_CATALOGUE.domain_intersection;
	const filters = both(
		buildFilters(builders.filterBuilder, builders.filterCombine, {
			label: BUILDER_LABEL.filters,
			table,
			targetCount,
		}),
		json.filters,
		[BUILDER_LABEL.filters, JSON_LABEL.filters],
		targetCount,
	);
	const backlinksFilters = both(
		buildFilters(options.backlinksFilterBuilder, options.backlinksFilterCombine, {
			label: BUILDER_LABEL.backlinksFilters,
			table: BUNDLED_CATALOGUE.backlinks,
		}),
		json.backlinksFilters,
		[BUILDER_LABEL.backlinksFilters, JSON_LABEL.backlinksFilters],
	);

	const built = buildOrderBy(builders.sortBuilder, {
		label: BUILDER_LABEL.orderBy,
		table,
		targetCount,
	});
	if (built && json.orderBy !== undefined) {
		// Which of two sort lists ranks first is a guess either way, so the node does not guess.
		throw new InputError(
			BUILDER_LABEL.orderBy,
			`has sort rules, and ${JSON_LABEL.orderBy} has too. Use one of them: remove the ${FIELDS.orderByJson.ui.displayName} option, or the sort rules.`,
		);
	}
	const orderRaw = built ?? json.orderBy;
	const orderBy =
		orderRaw === undefined
			? undefined
			: validateOrderBy(orderRaw, {
					field: built ? BUILDER_LABEL.orderBy : JSON_LABEL.orderBy,
					targetCount,
				});
	const orderByLabel = built ? BUILDER_LABEL.orderBy : JSON_LABEL.orderBy;
	return { filters, orderBy, orderByLabel, backlinksFilters };
}
