import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { BacklinkItem } from '../api/responseSchema';

/**
 * Report Won Prospects marks every row of its item in one `status` column rather than on a
 * second output: the node keeps one output, so saved workflows, the Tool variant (one answer)
 * and older n8n versions read it as before, and an IF or Switch node on `status` splits it.
 */
export const STATUS = { fresh: 'new', won: 'won' } as const;

/** Why a won row's linking page is empty, in `won_note`. */
export const WON_NOTES = {
	lost: 'no backlink found to your domain: it may have been lost again',
	maxCost: 'not fetched: Max Cost (USD) would have been passed',
} as const;

/** A won row's columns after `status` and the domain, in this order. */
export const WON_FIELDS = [
	'won_domain',
	'won_linking_page',
	'won_links_to',
	'won_anchor',
	'won_dofollow',
	'won_first_seen',
	'won_note',
] as const;

/** The new rows of an item, marked: `status` comes first so a sheet can match or filter on it. */
export function markNew(items: INodeExecutionData[]): void {
	for (const item of items) item.json = { status: STATUS.fresh, ...item.json };
}

/** One won prospect: the domain, which of Your Domains it now links to, and the page that does. */
export function wonItem(
	itemIndex: number,
	domain: string,
	yours: string,
	found: BacklinkItem | undefined,
	note?: string,
	inputFields?: Record<string, unknown>,
): INodeExecutionData {
	const json: IDataObject = {
		status: STATUS.won,
		referring_domain: domain,
		won_domain: yours,
		won_linking_page: found?.url_from ?? null,
		won_links_to: found?.url_to ?? null,
		won_anchor: found?.anchor ?? null,
		won_dofollow: found?.dofollow ?? null,
		won_first_seen: found?.first_seen ?? null,
		won_note: found ? null : (note ?? WON_NOTES.lost),
		...(inputFields ?? {}),
	};
	return { json, pairedItem: { item: itemIndex } };
}
