import type { IDataObject } from 'n8n-workflow';

import type { BacklinkItem } from '../api/responseSchema';
import { linkColumn, type LinkField } from './linkingColumns';

/** Why a prospect's linking page columns for a competitor are empty, in the `link_note` column. */
export const LINK_NOTES = {
	notLinked: 'does not link to this competitor',
	lost: 'no backlink left: lost since DataForSEO counted it',
	maxCost: 'not fetched: Max Cost (USD) would have been passed',
} as const;

/**
 * Whether the row's prospect links to competitor `index` (from 0): its backlinks count is filled
 * in. With At Least and Partial a row may not link to every competitor, and such pairs are not
 * asked for. Nodes of version 1 name the column `target{n}_backlinks`.
 */
export function linksToCompetitor(row: IDataObject, index: number): boolean {
	const count = row[`competitor${index + 1}_backlinks`] ?? row[`target${index + 1}_backlinks`];
	return count !== null && count !== undefined;
}

function write(row: IDataObject, index: number, values: Record<LinkField, unknown>): void {
	for (const [field, value] of Object.entries(values))
		row[linkColumn(index, field as LinkField)] = value ?? null;
}

/** Fills one prospect's columns for one competitor: the best backlink, or why there is none. */
export function fillLinkingPage(
	row: IDataObject,
	index: number,
	found: BacklinkItem | undefined,
	note?: string,
): void {
	write(row, index, {
		linking_page: found?.url_from,
		links_to: found?.url_to,
		anchor: found?.anchor,
		dofollow: found?.dofollow,
		link_first_seen: found?.first_seen,
		link_note: found ? null : (note ?? LINK_NOTES.lost),
	});
}

/** The compact answer's linking page per competitor, "-" when there is none. */
export function linkingPagesOf(row: IDataObject, competitors: number): Array<string | null> {
	return Array.from({ length: competitors }, (_, index) => {
		const page = row[linkColumn(index, 'linking_page')];
		return typeof page === 'string' ? page : null;
	});
}
