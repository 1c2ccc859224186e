import { z } from 'zod';

import type { ItemTextEdit } from './itemText';

/** One API item: the per-target metrics of one referring domain. */
export interface ApiItem {
	domain_intersection: Record<
		string,
		({ target?: string | null } & Record<string, unknown>) | null
	>;
	summary?: { intersections_count?: number | null } | null;
	[key: string]: unknown;
}

// Only what the node relies on is checked; everything else passes through untouched. Items are
// checked by `checkItems` below: running zod over 1,000 items a page cost more than parsing them.
const resultSchema = z
	.object({
		total_count: z.number().int().nonnegative(),
		items_count: z.number().int().nullish(),
		items: z.array(z.unknown()).nullish(),
	})
	.passthrough();

const taskSchema = z
	.object({
		status_code: z.number().int(),
		status_message: z.string().nullish(),
		cost: z.number().nullish(),
		result: z.array(resultSchema).nullish(),
	})
	.passthrough();

export const envelopeSchema = z
	.object({
		status_code: z.number().int(),
		status_message: z.string().nullish(),
		cost: z.number().nullish(),
		tasks: z.array(taskSchema).nullish(),
	})
	.passthrough();

export type ApiEnvelope = z.infer<typeof envelopeSchema>;
export type ApiTask = z.infer<typeof taskSchema>;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one item's documented shape, as a path below the item and a problem. */
function itemProblem(item: unknown): string | undefined {
	if (!isObject(item)) return ': expected an object';
	const perTarget = item.domain_intersection;
	if (!isObject(perTarget)) return '.domain_intersection: expected an object';
	for (const key in perTarget) {
		const entry = perTarget[key];
		if (entry !== null && !isObject(entry))
			return `.domain_intersection.${key}: expected an object`;
	}
	if (item.summary != null && !isObject(item.summary)) return '.summary: expected an object';
	return undefined;
}

/**
 * An item checked and turned into what its reader makes of it (its output row) while its answer
 * was still being parsed; see ItemReader.
 */
export class ReadItem<T = unknown> {
	constructor(readonly value: T) {}
}

/** Turns a well-formed item into its row. Pure: the page it came in may still be refused. */
export interface ItemReader<T = unknown> {
	(item: ApiItem): T;
	/** How the parser may edit the items' text first: fields read only as text, or not at all. */
	edit?: ItemTextEdit;
}

/** Reads, in place, each item of a run that has the documented shape; findBadItem names the rest. */
export function readItems(items: unknown[], read: ItemReader): void {
	for (let i = 0; i < items.length; i++)
		if (itemProblem(items[i]) === undefined) items[i] = new ReadItem(read(items[i] as ApiItem));
}

/** Returns the path and problem of the first item that does not have the documented shape. */
export function findBadItem(items: readonly unknown[]): string | undefined {
	for (let i = 0; i < items.length; i++) {
		if (items[i] instanceof ReadItem) continue;
		const problem = itemProblem(items[i]);
		if (problem !== undefined) return `items.${i}${problem}`;
	}
	return undefined;
}

/** One backlinks/live item, as Linking Pages reads it. */
export interface BacklinkItem {
	domain_from: string;
	url_from?: string | null;
	url_to?: string | null;
	anchor?: string | null;
	dofollow?: boolean | null;
	first_seen?: string | null;
	[key: string]: unknown;
}

/** The backlinks/live counterpart of findBadItem: each item names the domain it links from. */
export function findBadBacklink(items: readonly unknown[]): string | undefined {
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		if (!isObject(item)) return `items.${i}: expected an object`;
		if (typeof item.domain_from !== 'string') return `items.${i}.domain_from: expected text`;
	}
	return undefined;
}
