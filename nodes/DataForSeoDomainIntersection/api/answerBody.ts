import { editedText, type ItemTextEdit } from './itemText';
import type { Turns } from './turns';

/**
 * Below this size an answer is parsed in one go: it takes a few milliseconds. Above it (a page of
 * 1,000 rows for 20 competitors is ~14 MB) one JSON.parse blocks n8n for 50–100 ms and builds
 * the whole page's objects at once.
 */
export const WHOLE_PARSE_BYTES = 256 * 1024;

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const ITEMS_KEY = Buffer.from('"items"');

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

function skipSpace(bytes: Buffer, at: number): number {
	while (at < bytes.length && isSpace(bytes[at])) at++;
	return at;
}

function lastNonSpace(bytes: Buffer, before: number): number {
	let at = before - 1;
	while (at >= 0 && isSpace(bytes[at])) at--;
	return at;
}

/** The end (exclusive) of the object or array opening at `start`, or -1. */
function closingOf(bytes: Buffer, start: number): number {
	let depth = 0;
	for (let at = start; at < bytes.length; at++) {
		const byte = bytes[at];
		if (byte === QUOTE) {
			for (at++; at < bytes.length && bytes[at] !== QUOTE; at++) if (bytes[at] === BACKSLASH) at++;
		} else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
		else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
			if (--depth === 0) return at + 1;
		}
	}
	return -1;
}

/** Items parsed together, unless that would pass MAX_PIECE_BYTES. */
export const ITEMS_PER_PIECE = 64;

/**
 * However large the items, a run's text stays about this size (plus one item): 4 items at 20
 * competitors. V8 puts what JSON.parse builds from a text of 100 K characters or more straight
 * into the old generation, and a string over 128 KB into memory of its own, so longer runs left
 * ~0.5 GB of short-lived text and objects for full collections (measured: 230,000 page faults and
 * ~1 s of CPU more per 34,000 rows).
 */
const MAX_PIECE_BYTES = 64 * 1024;

/** An answer cut into the text around its items and runs of whole items. */
export interface AnswerCut {
	/** The answer with an empty items array. */
	outer: string;
	/** [start, end) of each run of items, in order, without the commas between runs. */
	pieces: Array<[number, number]>;
}

/**
 * Finds the items of `"items": [{"key": …}, {"key": …}, …]` by the first key they all start
 * with, and cuts them into runs of about ITEMS_PER_PIECE, jumping ahead by the first item's size
 * so that only the cuts are searched for. `{"` never occurs inside a JSON string (a quote there
 * is escaped), so every match starts an object with that key; one that starts an object inside
 * an item leaves a piece that is not whole JSON, and the caller then parses the answer in one go.
 * Undefined when the answer has no such list.
 */
export function cutAnswer(bytes: Buffer, from = 0): AnswerCut | undefined {
	let key = bytes.indexOf(ITEMS_KEY, from);
	if (key < 0) return undefined;
	let at = skipSpace(bytes, key + ITEMS_KEY.length);
	if (bytes[at] !== COLON) return undefined;
	const open = skipSpace(bytes, at + 1);
	if (bytes[open] !== OPEN_BRACKET) return undefined;
	const first = skipSpace(bytes, open + 1);
	if (bytes[first] !== OPEN_BRACE) return undefined;
	at = skipSpace(bytes, first + 1);
	if (bytes[at] !== QUOTE) return undefined;
	key = at + 1;
	while (key < bytes.length && bytes[key] !== QUOTE)
		if (bytes[key++] === BACKSLASH) return undefined;
	const pattern = bytes.subarray(first, key + 1);

	const last = bytes.lastIndexOf(pattern);
	const lastEnd = closingOf(bytes, last);
	if (lastEnd < 0) return undefined;
	const close = skipSpace(bytes, lastEnd);
	if (bytes[close] !== CLOSE_BRACKET) return undefined;
	const second = bytes.indexOf(pattern, first + 1);
	const jump = Math.min(Math.max(1, (second - first) * ITEMS_PER_PIECE), MAX_PIECE_BYTES);
	const pieces: Array<[number, number]> = [];
	let start = first;
	for (let next = bytes.indexOf(pattern, first + jump); next >= 0 && next <= last; ) {
		const comma = lastNonSpace(bytes, next);
		if (bytes[comma] !== COMMA) return undefined;
		pieces.push([start, comma]);
		start = next;
		next = bytes.indexOf(pattern, next + jump);
	}
	pieces.push([start, lastEnd]);
	const outer = bytes.toString('utf8', from, open + 1) + bytes.toString('utf8', close);
	return { outer, pieces };
}

type Outer = { tasks?: Array<{ result?: Array<{ items?: unknown; items_count?: unknown }> }> };

/** The first result's items array and its items_count, when the cut emptied exactly that one. */
function emptiedItems(outer: unknown): { items: unknown[]; count: unknown } | undefined {
	const tasks = (outer as Outer | null)?.tasks;
	if (!Array.isArray(tasks) || tasks.length !== 1) return undefined;
	const results = tasks[0]?.result;
	if (!Array.isArray(results) || results.length !== 1) return undefined;
	const { items, items_count } = results[0] ?? {};
	if (!Array.isArray(items) || items.length !== 0) return undefined;
	return { items, count: items_count };
}

/**
 * A run of items as one JSON array. The bytes just outside the run (a comma, a bracket or a
 * space) stand in for the array's brackets during the parse and are then put back: copying
 * ~1 MB per run, or joining `[` + text + `]` (~40 % slower to parse), costs more.
 */
function parseRun(bytes: Buffer, start: number, end: number, edit?: ItemTextEdit): unknown[] {
	const before = bytes[start - 1];
	const after = bytes[end];
	bytes[start - 1] = OPEN_BRACKET;
	bytes[end] = CLOSE_BRACKET;
	try {
		const text = bytes.toString('utf8', start - 1, end + 1);
		return JSON.parse(editedText(text, edit)) as unknown[];
	} finally {
		bytes[start - 1] = before;
		bytes[end] = after;
	}
}

/** JSON.parse, or the text itself when it is not JSON (a proxy's error page). */
export function parseWhole(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Called with each run of items as soon as it is parsed; may replace them in place. Items read
 * into rows at once are garbage before the next minor GC, instead of being copied by it while
 * the rest of their page is parsed (measured: ~1 s of GC in 34 pages of 20 competitors).
 */
export type OnItems = (items: unknown[]) => void;

/**
 * The answer's JSON, the same value JSON.parse would give (but for what `onItems` replaces). A
 * large answer is parsed a run of items at a time from its bytes, handing the event loop back
 * between slices, so a 14 MB page neither blocks n8n for its whole parse nor needs its text as
 * one string beside its objects. A small one, or one not cut as expected, is parsed whole.
 * `edit` changes a cut answer's items before they are parsed (a whole parse is JSON.parse's
 * alone: the answer is small, or it is the fallback that must not depend on the cut).
 */
export async function parseAnswer(
	bytes: Buffer,
	turns?: Turns,
	onItems?: OnItems,
	edit?: ItemTextEdit,
): Promise<unknown> {
	// axios drops a byte-order mark from text answers; so does this.
	const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const whole = () => parseWhole(bytes.toString('utf8', from));
	if (turns) await turns.slice();
	const cut = bytes.length - from > WHOLE_PARSE_BYTES ? cutAnswer(bytes, from) : undefined;
	if (!cut) return whole();
	try {
		const outer = JSON.parse(cut.outer) as unknown;
		const emptied = emptiedItems(outer);
		if (!emptied) return whole();
		const { items, count } = emptied;
		for (const [start, end] of cut.pieces) {
			if (turns?.due) await turns.slice();
			const run = parseRun(bytes, start, end, edit);
			onItems?.(run);
			for (const item of run) items.push(item);
		}
		// A count that differs means a cut fell somewhere unexpected: trust only the whole parse.
		return typeof count === 'number' && count !== items.length ? whole() : outer;
	} catch {
		return whole();
	}
}
