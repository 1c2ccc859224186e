/**
 * The Linking Pages columns, per competitor: `competitor{n}_linking_page` and so on, side by
 * side for every competitor like the metrics. `link_note` says why the others are empty.
 */
export const LINK_FIELDS = [
	'linking_page',
	'links_to',
	'anchor',
	'dofollow',
	'link_first_seen',
	'link_note',
] as const;

export type LinkField = (typeof LINK_FIELDS)[number];

export const linkColumn = (index: number, field: LinkField) => `competitor${index + 1}_${field}`;
