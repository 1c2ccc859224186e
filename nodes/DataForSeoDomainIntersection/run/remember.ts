import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { StoppedError } from '../api/stop';
import type { Execution } from './execution';
import { errorItem, stoppedError, toNodeError } from '../output/nodeErrors';
import type { SeenStore } from '../output/seenStore';
import type { OnlyNewSeries } from './onlyNewSeries';
import { settleAll } from './settleAll';

/** An Only New item whose first pages have been read. */
export interface Waiting {
	itemIndex: number;
	setKey: string;
	series: OnlyNewSeries;
}

interface State extends Waiting {
	/** Store entries this item emitted, taken out again if the run fails after all. */
	recorded: string[];
	/** Rows asked for by the last page bought, to size the next one. */
	lastBuy: number;
}

/**
 * Work on an item's final rows (Linking Pages, won prospects). If it throws, everything recorded
 * is taken out; if it gives other items instead (Continue On Fail), that item's entries are.
 */
export type Finishing = (
	at: { itemIndex: number; setKey: string },
	items: INodeExecutionData[],
	/** Entries the work wrote itself (Report Won Prospects), taken out with the item's. */
	record: (entries: readonly string[]) => void,
) => Promise<INodeExecutionData[] | undefined>;

/**
 * The next page for an item that found too few new rows. The node remembers `remembered`
 * domains, so at most that many rows ahead are seen ones: Limit rows past them always hold
 * enough new ones. Within that bound: enough for what is still missing at the share of new
 * rows seen so far, or the whole bound while none was new (twice the last page when n8n can't
 * count its memory).
 */
function nextPageSize(state: State, remembered: number | undefined): number {
	const { remaining, density, queued } = state.series.rows;
	const bound = remembered === undefined ? Infinity : remembered + remaining - queued;
	const guess = density ? Math.ceil((remaining / density) * 1.25) : bound;
	const size = Math.min(guess, bound);
	return Math.max(remaining, Number.isFinite(size) ? size : state.lastBuy * 2);
}

/**
 * Settles Only New once every item's first pages are in: asks n8n's store which rows are new
 * (each check records what it finds, as n8n's helpers do), emits them, and buys more pages only
 * for items with a Limit that found too few. One check serves all items; checks and pages
 * alternate, so a later check happens only when an item still needs rows.
 *
 * Domains are recorded only here, after every item's series has succeeded. If a page bought
 * here fails or the run is stopped, what this execution recorded is taken out again; with
 * Continue On Fail only the failing item's entries are. Returns each item's output.
 */
export async function settleOnlyNew(
	fn: IExecuteFunctions,
	execution: Execution,
	store: SeenStore,
	waiting: readonly Waiting[],
	finishing?: Finishing,
): Promise<Map<number, INodeExecutionData[]>> {
	const { signal } = execution;
	const states: State[] = [...waiting]
		.sort((a, b) => a.itemIndex - b.itemIndex)
		.map((item) => ({
			...item,
			recorded: [],
			lastBuy: Math.max(item.series.rows.unchecked, 1),
		}));
	const outputs = new Map<number, INodeExecutionData[]>();
	const undo = async (items: readonly State[]) =>
		store.forget(items.flatMap((state) => state.recorded));
	const stopped = () => {
		if (signal?.aborted) throw new StoppedError();
	};
	const open = () =>
		states.filter((state) => !state.series.rows.full && !outputs.has(state.itemIndex));
	let remembered: { count: number | undefined } | undefined;
	try {
		for (;;) {
			stopped();
			const asking = open().filter((state) => state.series.rows.unchecked > 0);
			if (asking.length > 0) await checkSlices(store, asking);
			stopped();
			const short = open().filter(
				(state) => state.series.rows.unchecked === 0 && state.series.hasMore(),
			);
			if (short.length === 0) {
				if (asking.length === 0) break;
				continue;
			}
			remembered ??= { count: await store.count() };
			const { count } = remembered;
			await settleAll(short.map(async (state) => buy(fn, execution, store, state, outputs, count)));
		}
		stopped();
		// Items whose page failed under Continue On Fail already hold their error item: no work on it.
		const erred = new Set(outputs.keys());
		for (const state of states)
			if (!outputs.has(state.itemIndex)) outputs.set(state.itemIndex, state.series.finish());
		if (finishing)
			await Promise.all(
				states
					.filter((state) => !erred.has(state.itemIndex))
					.map(async (state) => {
						const instead = await finishing(state, outputs.get(state.itemIndex) ?? [], (entries) =>
							state.recorded.push(...entries),
						);
						if (!instead) return;
						await store.forget(state.recorded);
						state.recorded = [];
						outputs.set(state.itemIndex, instead);
					}),
			);
		stopped();
	} catch (error) {
		await undo(states);
		// The abort also fires on a failure, which is what the user must see.
		if (execution.abort.stopped) throw stoppedError(fn);
		throw toNodeError(fn, error, 0);
	}
	return outputs;
}

/** One store call for every asking item's next slice; surplus new rows are forgotten again. */
async function checkSlices(store: SeenStore, asking: readonly State[]): Promise<void> {
	const slices = asking.map((state) => ({
		state,
		domains: state.series.rows.take((domain) => store.knownBefore(state.setKey, domain)),
	}));
	const entries = slices.flatMap(({ state, domains }) =>
		domains.map((domain) => store.entry(state.setKey, domain)),
	);
	const fresh = await store.check(entries);
	// Items with the same competitor set share entries: a new one goes to the first item.
	const claimed = new Set<string>();
	const unclaimed: string[] = [];
	for (const { state } of slices) {
		const surplus = state.series.rows.accept((domain, emits) => {
			const entry = store.entry(state.setKey, domain);
			if (!fresh.has(entry) || claimed.has(entry)) return false;
			if (emits) {
				claimed.add(entry);
				state.recorded.push(entry);
			}
			return true;
		});
		unclaimed.push(...surplus.map((domain) => store.entry(state.setKey, domain)));
	}
	const extra = unclaimed.filter((entry) => !claimed.has(entry));
	if (extra.length > 0) await store.forget(extra);
}

/**
 * Buys the next page for one item. A failing page fails the run, or with Continue On Fail only
 * this item: its entries are taken out and it emits the error.
 */
async function buy(
	fn: IExecuteFunctions,
	execution: Execution,
	store: SeenStore,
	state: State,
	outputs: Map<number, INodeExecutionData[]>,
	remembered: number | undefined,
): Promise<void> {
	const size = nextPageSize(state, remembered);
	state.lastBuy = size;
	try {
		await state.series.readMore(size);
	} catch (error) {
		if (execution.signal?.aborted) throw stoppedError(fn, state.itemIndex);
		const nodeError = toNodeError(fn, error, state.itemIndex);
		if (!fn.continueOnFail()) {
			// The first failure fails the execution; the other items' pages stop at once.
			execution.throttle.stop();
			throw nodeError;
		}
		await store.forget(state.recorded);
		state.recorded = [];
		outputs.set(state.itemIndex, [errorItem(nodeError, state.itemIndex)]);
	}
}
