import type { FilterOperator } from '../request/filterGrammar';

/** Field types as `GET /v3/backlinks/available_filters` names them. */
export type FieldType = 'num' | 'str' | 'time' | 'bool' | 'array';

/** One endpoint's entry of available_filters: field name -> type. */
export type FieldTable = Record<string, FieldType>;

/** The two entries of available_filters this node uses. */
export interface FieldCatalogue {
	/** Per-target fields carry DataForSEO's "1." prefix; item-level fields have none. */
	domain_intersection: FieldTable;
	backlinks: FieldTable;
}

const TARGET_FIELDS: FieldTable = {
	type: 'str',
	target: 'str',
	rank: 'num',
	backlinks: 'num',
	first_seen: 'time',
	lost_date: 'time',
	backlinks_spam_score: 'num',
	broken_backlinks: 'num',
	broken_pages: 'num',
	referring_domains: 'num',
	referring_domains_nofollow: 'num',
	referring_main_domains: 'num',
	referring_main_domains_nofollow: 'num',
	referring_ips: 'num',
	referring_subnets: 'num',
	referring_pages: 'num',
	referring_pages_nofollow: 'num',
};

/**
 * Used when available_filters cannot be asked (no credential yet, offline, an error), and to
 * type builder values at run time without an extra request. A test keeps it equal to the
 * simulator's answer.
 */
export const BUNDLED_CATALOGUE: FieldCatalogue = {
	domain_intersection: {
		...Object.fromEntries(Object.entries(TARGET_FIELDS).map(([name, type]) => [`1.${name}`, type])),
		intersections_count: 'num',
	},
	backlinks: {
		type: 'str',
		domain_from: 'str',
		url_from: 'str',
		url_from_https: 'bool',
		domain_to: 'str',
		url_to: 'str',
		url_to_https: 'bool',
		tld_from: 'str',
		is_new: 'bool',
		is_lost: 'bool',
		backlink_spam_score: 'num',
		rank: 'num',
		page_from_rank: 'num',
		domain_from_rank: 'num',
		domain_from_platform_type: 'array',
		domain_from_is_ip: 'bool',
		domain_from_ip: 'str',
		domain_from_country: 'str',
		page_from_external_links: 'num',
		page_from_internal_links: 'num',
		page_from_size: 'num',
		page_from_encoding: 'str',
		page_from_language: 'str',
		page_from_title: 'str',
		page_from_status_code: 'num',
		first_seen: 'time',
		prev_seen: 'time',
		last_seen: 'time',
		item_type: 'str',
		attributes: 'array',
		dofollow: 'bool',
		original: 'bool',
		alt: 'str',
		image_url: 'str',
		anchor: 'str',
		text_pre: 'str',
		text_post: 'str',
		semantic_location: 'str',
		links_count: 'num',
		group_count: 'num',
		is_broken: 'bool',
		url_to_status_code: 'num',
		url_to_spam_score: 'num',
		url_to_redirect_target: 'str',
		is_indirect_link: 'bool',
		indirect_link_path: 'array',
	},
};

const TARGET_PREFIX = /^\d+\./;

/** A builder field: its name without the target prefix, whether it is per target, and its type. */
export interface BuilderField {
	name: string;
	perTarget: boolean;
	type: FieldType;
}

/**
 * The fields a builder offers for one endpoint entry. Array fields are left out: their operators
 * (has, has_not) are not part of the filter grammar the node checks, so they stay JSON-only.
 */
export function builderFields(table: FieldTable): BuilderField[] {
	const fields = new Map<string, BuilderField>();
	for (const [key, type] of Object.entries(table)) {
		if (type === 'array') continue;
		const perTarget = TARGET_PREFIX.test(key);
		const name = key.replace(TARGET_PREFIX, '');
		if (!fields.has(name)) fields.set(name, { name, perTarget, type });
	}
	return [...fields.values()];
}

/** The type of a builder field, or undefined when the list does not know it. */
export function fieldType(table: FieldTable, name: string): FieldType | undefined {
	return builderFields(table).find((field) => field.name === name)?.type;
}

const COMPARE: FilterOperator[] = ['=', '<>', '<', '<=', '>', '>='];
const TEXT: FilterOperator[] = [
	'=',
	'<>',
	'like',
	'not_like',
	'ilike',
	'not_ilike',
	'match',
	'not_match',
	'regex',
	'not_regex',
	'in',
	'not_in',
];

/** The operators a builder offers for a field type; all of them when the type is unknown. */
export function operatorsFor(type: FieldType | undefined): FilterOperator[] {
	switch (type) {
		case 'num':
			return ['<', '<=', '>', '>=', '=', '<>', 'in', 'not_in'];
		case 'time':
			return COMPARE;
		case 'bool':
			return ['=', '<>'];
		case 'str':
			return TEXT;
		default:
			return [...new Set([...COMPARE, ...TEXT])];
	}
}

/**
 * How a builder stores each operator. n8n reads any parameter value that starts with "=" as an
 * expression, so "=", "<=" and ">=" cannot be stored as they are; words are used for the
 * comparisons, and the API's own names for the rest.
 */
export const OPERATOR_TOKENS: Record<FilterOperator, string> = {
	'<': 'lt',
	'<=': 'lte',
	'>': 'gt',
	'>=': 'gte',
	'=': 'eq',
	'<>': 'ne',
	in: 'in',
	not_in: 'not_in',
	like: 'like',
	not_like: 'not_like',
	ilike: 'ilike',
	not_ilike: 'not_ilike',
	match: 'match',
	not_match: 'not_match',
	regex: 'regex',
	not_regex: 'not_regex',
};

/** A stored operator -> the API's; the API's own symbols (from an expression) pass too. */
export function apiOperator(token: unknown): FilterOperator | undefined {
	const text = typeof token === 'string' ? token.trim() : '';
	const entry = Object.entries(OPERATOR_TOKENS).find(
		([operator, stored]) => stored === text || operator === text,
	);
	return entry?.[0] as FilterOperator | undefined;
}
