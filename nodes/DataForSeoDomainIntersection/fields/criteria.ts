import { MAX_FILTER_CONDITIONS, MAX_ORDER_RULES } from '../api/limits';
import { backlinksRow, combineUi, filterRow, sortRow } from '../description/builderRows';
import { defineFields } from './define';

/** Filters and sort by clicking; they fill the same `filters` and `order_by` as the JSON options. */
export const builderFields = defineFields('top', {
	filterBuilder: {
		api: 'filters',
		ui: {
			displayName: 'Filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Filter',
			default: {},
			description: `Keep only referring domains whose numbers match, e.g. Backlinks of competitor 1 greater than 10. At most ${MAX_FILTER_CONDITIONS} conditions. Advanced > Filters (JSON) may add nested groups; then both must hold.`,
			options: [{ displayName: 'Condition', name: 'conditions', values: filterRow }],
		},
	},
	filterCombine: { api: 'filters', ui: combineUi('Filters') },
	sortBuilder: {
		api: 'order_by',
		ui: {
			displayName: 'Sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: MAX_ORDER_RULES },
			placeholder: 'Add Sort Rule',
			default: {},
			description: `Order of the results, up to ${MAX_ORDER_RULES} rules, the first ranks highest, e.g. Backlinks of competitor 1, descending. Leave empty for DataForSEO’s order.`,
			options: [{ displayName: 'Rule', name: 'rules', values: sortRow }],
		},
	},
});

/** The same criteria inside Options: JSON forms, and the backlinks filters. */
export const criteriaOptionFields = defineFields('options', {
	filtersJson: {
		advanced: true,
		api: 'filters',
		ui: {
			displayName: 'Filters (JSON)',
			type: 'json',
			// n8n marks an empty JSON field as invalid; an empty list is valid and filters nothing.
			default: '[]',
			placeholder: '["1.backlinks", ">", 10]',
			description: `Keep only some referring domains, in DataForSEO’s filter format. The number before the dot is the competitor’s position, e.g. [["1.backlinks", ">", 10], "and", ["2.rank", ">=", 100]]. Operators: = &lt;&gt; &lt; &lt;= &gt; &gt;= in not_in like not_like ilike not_ilike match not_match regex not_regex. At most ${MAX_FILTER_CONDITIONS} conditions.`,
		},
	},
	orderByJson: {
		advanced: true,
		api: 'order_by',
		ui: {
			displayName: 'Sort (JSON)',
			type: 'json',
			default: '[]',
			placeholder: '["1.backlinks,desc"]',
			description: `Up to ${MAX_ORDER_RULES} sort rules as "field,asc" or "field,desc", e.g. ["1.backlinks,desc", "2.rank,desc"]`,
		},
	},
	backlinksFilterBuilder: {
		api: 'backlinks_filters',
		ui: {
			displayName: 'Backlinks Filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Backlinks Filter',
			default: {},
			description: `Which backlinks count towards the metrics, e.g. Dofollow equals true. At most ${MAX_FILTER_CONDITIONS} conditions; with Advanced > Backlinks Filters (JSON) both must hold.`,
			options: [{ displayName: 'Condition', name: 'conditions', values: backlinksRow }],
		},
	},
	backlinksFilterCombine: { api: 'backlinks_filters', ui: combineUi('Backlinks Filters') },
	backlinksFiltersJson: {
		advanced: true,
		api: 'backlinks_filters',
		ui: {
			displayName: 'Backlinks Filters (JSON)',
			type: 'json',
			default: '[]',
			placeholder: '[["dofollow", "=", true]]',
			description: `Which backlinks count towards the metrics, in DataForSEO’s filter format, e.g. [["dofollow", "=", true]] for followed links only. At most ${MAX_FILTER_CONDITIONS} conditions.`,
		},
	},
});
