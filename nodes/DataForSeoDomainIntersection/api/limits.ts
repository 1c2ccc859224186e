/** DataForSEO's own limits for Domain Intersection, each written once. */

/** Most targets (competitors) one task may name. */
export const MAX_TARGETS = 20;
/** Most exclude_targets one task may name. */
export const MAX_EXCLUDE_TARGETS = 10;
/** Most rows one request returns. */
export const PAGE_SIZE = 1000;
/** Most conditions in one filter expression, nested ones included. */
export const MAX_FILTER_CONDITIONS = 8;
/** Most order_by rules. */
export const MAX_ORDER_RULES = 3;
/** Most entries in each breakdown list (internal_list_limit). */
export const MAX_INTERNAL_LIST_LIMIT = 1000;
/** Most characters in a task's tag. */
export const MAX_TAG_LENGTH = 255;
/** Requests an account may have in flight at once. */
export const MAX_CONCURRENCY = 30;
/** Requests an account may start per minute. */
export const MAX_REQUESTS_PER_MINUTE = 2000;
