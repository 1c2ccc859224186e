// Field catalogues: what can be filtered/sorted on, and with which type. The same tables feed request
// validation and GET /v3/backlinks/available_filters, so the two can never disagree.

export type FieldType = 'num' | 'str' | 'time' | 'bool' | 'array';

/** Per-target scalar fields of a domain_intersection item, addressed as "N.field" (N = target key). */
export const TARGET_FIELDS: Readonly<Record<string, FieldType>> = {
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

/** Item-level fields (no "N." prefix), added by DataForSEO in 2023 with the summary object. */
export const ITEM_FIELDS: Readonly<Record<string, FieldType>> = {
	intersections_count: 'num',
};

/** Backlink-level fields accepted inside backlinks_filters (a subset of the backlinks endpoint's). */
export const BACKLINK_FIELDS: Readonly<Record<string, FieldType>> = {
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
};

/** Referring-domain fields, listed in available_filters for the referring_domains endpoint. */
export const REFERRING_DOMAIN_FIELDS: Readonly<Record<string, FieldType>> = {
	domain: 'str',
	rank: 'num',
	backlinks: 'num',
	first_seen: 'time',
	lost_date: 'time',
	backlinks_spam_score: 'num',
	broken_backlinks: 'num',
	broken_pages: 'num',
	referring_domains: 'num',
	referring_pages: 'num',
	referring_ips: 'num',
	referring_subnets: 'num',
};

/**
 * The domain_intersection entry of available_filters. DataForSEO lists per-target fields with the
 * "1." prefix only; any target key 1..20 is accepted by the endpoint itself.
 */
export function domainIntersectionFilterCatalogue(): Record<string, FieldType> {
	const out: Record<string, FieldType> = {};
	for (const [name, type] of Object.entries(TARGET_FIELDS)) out[`1.${name}`] = type;
	for (const [name, type] of Object.entries(ITEM_FIELDS)) out[name] = type;
	return out;
}

/** tasks[0].result[0] of GET /v3/backlinks/available_filters: endpoint name -> field -> type. */
export function availableFiltersResult(): Record<string, Record<string, FieldType>> {
	return {
		backlinks: { ...BACKLINK_FIELDS },
		referring_domains: { ...REFERRING_DOMAIN_FIELDS },
		domain_intersection: domainIntersectionFilterCatalogue(),
	};
}
