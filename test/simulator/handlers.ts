// Endpoint bodies (what each /v3 path answers), independent of HTTP plumbing.
import { availableFiltersResult } from './fields';
import {
	envelope,
	EnvelopeJson,
	errorEnvelope,
	errorTask as sharedErrorTask,
	formatTime,
	messageFor,
	requestCost,
	TaskIds,
	TaskJson,
} from './envelope';
import type { LinkGraph } from './graph';
import type { QueryEngine } from './query';
import { ITEMS_MARK, type PageCache } from './pageCache';
import { renderItem } from './render';
import { validateTask } from './validate';

export const DI_PATH = '/v3/backlinks/domain_intersection/live';
export const USER_DATA_PATH = '/v3/appendix/user_data';
export const AVAILABLE_FILTERS_PATH = '/v3/backlinks/available_filters';
const DI_ROUTE = ['v3', 'backlinks', 'domain_intersection', 'live'];

export interface ApiAnswer {
	status: number;
	body: EnvelopeJson;
	headers?: Record<string, string>;
	/** The JSON bytes of the items where the body holds ITEMS_MARK. */
	items?: Buffer;
}

export interface HandlerContext {
	graph: LinkGraph;
	engine: QueryEngine;
	pages: PageCache;
	ids: TaskIds;
	login: string;
}

function ok(body: EnvelopeJson): ApiAnswer {
	return { status: 200, body };
}

function diData(task: unknown): Record<string, unknown> {
	const sent = typeof task === 'object' && task !== null && !Array.isArray(task) ? task : {};
	return { api: 'backlinks', function: 'domain_intersection', ...sent };
}

function errorTask(
	ctx: HandlerContext,
	code: number,
	message: string,
	task: unknown,
	started: number,
): TaskJson {
	return sharedErrorTask(ctx.ids, { code, message, started }, DI_ROUTE, diData(task));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** Everything a page's items depend on: the graph's state and the task as sent (tag aside). */
function pageKey(graph: LinkGraph, raw: Record<string, unknown>): string {
	return `${graph.version}|${graph.size}|${JSON.stringify({ ...raw, tag: undefined })}`;
}

/** The task at tasks[0] for the (first) posted task; forced = a scripted task-level failure. */
function firstTask(
	ctx: HandlerContext,
	raw: unknown,
	started: number,
	forced?: { code: number; message?: string },
): { task: TaskJson; items?: Buffer } {
	if (forced !== undefined) {
		const message = forced.message ?? messageFor(forced.code);
		return { task: errorTask(ctx, forced.code, message, raw, started) };
	}
	const validation = validateTask(raw);
	if (!validation.ok)
		return { task: errorTask(ctx, validation.statusCode, validation.message, raw, started) };
	const sent = raw as Record<string, unknown>;
	const page = ctx.engine.page(validation.task);
	const count = page.rows.length;
	const items =
		count === 0
			? undefined
			: ctx.pages.bytesOf(pageKey(ctx.graph, sent), () =>
					page.rows.map((row) => renderItem(ctx.graph, validation.task, row)),
				);
	const task: TaskJson = {
		id: ctx.ids.next(),
		status_code: 20000,
		status_message: 'Ok.',
		time: formatTime(Date.now() - started),
		cost: requestCost(count),
		result_count: 1,
		path: DI_ROUTE,
		data: diData(raw),
		result: [
			{
				targets: sent.targets,
				total_count: page.totalCount,
				items_count: count,
				// Like other DataForSEO endpoints, an empty page comes back as null rather than [].
				items: items === undefined ? null : ITEMS_MARK,
			},
		],
	};
	return { task, items };
}

export function domainIntersection(
	ctx: HandlerContext,
	body: string,
	started: number,
	forced?: { code: number; message?: string },
): ApiAnswer {
	const parsed = parseJson(body);
	if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) {
		return ok(errorEnvelope(40503, messageFor(40503), formatTime(Date.now() - started)));
	}
	const [first, ...extra] = parsed.value;
	const { task, items } = firstTask(ctx, first, started, forced);
	const tasks = [task];
	// The live endpoint runs one task per request; every further task is refused on its own.
	for (const other of extra) tasks.push(errorTask(ctx, 40000, messageFor(40000), other, started));
	return { ...ok(envelope(20000, 'Ok.', tasks, formatTime(Date.now() - started))), items };
}

function freeTask(
	ctx: HandlerContext,
	route: string[],
	result: unknown[],
	started: number,
): TaskJson {
	return {
		id: ctx.ids.next(),
		status_code: 20000,
		status_message: 'Ok.',
		time: formatTime(Date.now() - started),
		cost: 0,
		result_count: result.length,
		path: route,
		data: { api: route[1], function: route[2] },
		result,
	};
}

export function userData(ctx: HandlerContext, started: number): ApiAnswer {
	const result = {
		login: ctx.login,
		timezone: 'UTC',
		rates: {
			limits: { day: { total: 0 }, minute: { total: 2000 } },
			statistics: { day: { total: 0 }, minute: { total: 0 } },
		},
		money: {
			total: 100,
			balance: 100,
			limits: { day: { total: 0 }, minute: { total: 0 } },
			statistics: { day: { total: 0 }, minute: { total: 0 } },
		},
		price: {
			backlinks: {
				domain_intersection: { live: { price_per_request: 0.02, price_per_result: 0.00003 } },
			},
		},
		backlinks_subscription_expiry_date: '2099-12-31 00:00:00 +00:00',
	};
	return ok(
		envelope(
			20000,
			'Ok.',
			[freeTask(ctx, ['v3', 'appendix', 'user_data'], [result], started)],
			formatTime(Date.now() - started),
		),
	);
}

export function availableFilters(ctx: HandlerContext, started: number): ApiAnswer {
	const task = freeTask(
		ctx,
		['v3', 'backlinks', 'available_filters'],
		[availableFiltersResult()],
		started,
	);
	return ok(envelope(20000, 'Ok.', [task], formatTime(Date.now() - started)));
}

export function notFound(): ApiAnswer {
	return { status: 404, body: errorEnvelope(40400) };
}

export function unauthorized(): ApiAnswer {
	return { status: 401, body: errorEnvelope(40100) };
}
