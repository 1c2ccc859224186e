// POST /v3/backlinks/backlinks/live, as the node's Linking Pages use it: one competitor as the
// target, mode "one_per_domain", and ["domain_from", "in", [...]] naming the prospects. Served from
// the same link graph and metrics as domain_intersection, so a prospect's best backlink to a
// competitor exists exactly when the intersection says it links, and its first_seen is the one the
// intersection reports for that competitor.
import {
	errorEnvelope,
	errorTask,
	envelope,
	formatTime,
	messageFor,
	requestCost,
	type TaskJson,
} from './envelope';
import { statusAccepts, type StatusType } from './graph';
import type { ApiAnswer, HandlerContext } from './handlers';
import { mix, Rng } from './hash';
import { computeMetrics, type MetricsContext } from './metrics';
import { parseTarget, stripWww } from './targets';

export const BACKLINKS_PATH = '/v3/backlinks/backlinks/live';
const ROUTE = ['v3', 'backlinks', 'backlinks', 'live'];
/** DataForSEO's documented maximum for limit; the docs give none for an "in" list. */
const MAX_LIMIT = 1000;
const MAX_IN_LIST = 1000;
const PAGE_SALT = 0x11f2;
const WORDS = ['guide', 'review', 'tools', 'resources', 'links', 'blog', 'news', 'best', 'seo'];

/** Links the tests have removed since the intersection counted them: "domain|target". */
export type LostLinks = Set<string>;
export const lostKey = (domain: string, target: string) => `${domain}|${stripWww(target)}`;

type Task = Record<string, unknown>;

export function backlinksError(
	ctx: HandlerContext,
	code: number,
	message: string,
	raw: unknown,
	started: number,
): ApiAnswer {
	const task = errorTask(ctx.ids, { code, message, started }, ROUTE, {
		api: 'backlinks',
		function: 'backlinks',
		...(raw as Task),
	});
	return { status: 200, body: envelope(20000, 'Ok.', [task], formatTime(Date.now() - started)) };
}

/** The prospects of `["domain_from", "in", [...]]`, alone or and-ed with other conditions. */
function domainsOf(filters: unknown): string[] | null {
	if (!Array.isArray(filters)) return null;
	if (filters[0] === 'domain_from' && filters[1] === 'in' && Array.isArray(filters[2]))
		return filters[2].filter((entry): entry is string => typeof entry === 'string');
	for (const part of filters) {
		const found = domainsOf(part);
		if (found) return found;
	}
	return null;
}

function slug(rng: Rng): string {
	return `${WORDS[Math.floor(rng.next() * WORDS.length)]}-${Math.floor(rng.next() * 900) + 100}`;
}

export function backlinksLive(
	ctx: HandlerContext & { lost: LostLinks },
	body: string,
	started: number,
): ApiAnswer {
	let tasks: unknown;
	try {
		tasks = JSON.parse(body);
	} catch {
		tasks = null;
	}
	if (!Array.isArray(tasks) || tasks.length === 0)
		return { status: 200, body: errorEnvelope(40503, messageFor(40503), formatTime(0)) };
	const raw = tasks[0] as Task;
	const target = parseTarget(raw.target, false);
	if (target === null) return backlinksError(ctx, 40501, "Invalid Field: 'target'.", raw, started);
	if (raw.mode !== 'one_per_domain')
		return backlinksError(ctx, 40501, "Invalid Field: 'mode'.", raw, started);
	const domains = domainsOf(raw.filters);
	if (domains === null || domains.length === 0 || domains.length > MAX_IN_LIST)
		return backlinksError(ctx, 40501, "Invalid Field: 'filters'.", raw, started);
	const limit = typeof raw.limit === 'number' ? raw.limit : 100;
	if (limit < 1 || limit > MAX_LIMIT)
		return backlinksError(ctx, 40501, "Invalid Field: 'limit'.", raw, started);
	const statusType = (raw.backlinks_status_type ?? 'live') as StatusType;
	const metricsCtx: MetricsContext = { statusType, rankScale: 'one_thousand', backlinksScale: 1 };
	const includeSubdomains = raw.include_subdomains !== false;
	const items: Record<string, unknown>[] = [];
	for (const domain of new Set(domains)) {
		const index = ctx.graph.indexOf(domain);
		if (index < 0 || ctx.lost.has(lostKey(domain, target.host))) continue;
		const state = ctx.graph.linkState(index, target, includeSubdomains);
		if (!statusAccepts(state, statusType)) continue;
		const metrics = computeMetrics(ctx.graph, index, target, state, metricsCtx);
		const rng = new Rng(mix(ctx.graph.hashAt(index), target.hash ^ PAGE_SALT));
		const to = target.kind === 'page' ? target.raw : `https://${target.host}/${slug(rng)}/`;
		items.push({
			type: 'backlink',
			domain_from: domain,
			url_from: `https://${domain}/${slug(rng)}/`,
			domain_to: target.host,
			url_to: to,
			anchor: `${WORDS[Math.floor(rng.next() * WORDS.length)]} ${target.host}`,
			dofollow: metrics.referring_pages_nofollow < metrics.referring_pages,
			rank: metrics.rank,
			first_seen: metrics.first_seen,
			is_lost: state === 3,
		});
	}
	items.sort((a, b) => (b.rank as number) - (a.rank as number));
	const page = items.slice(0, limit);
	const task: TaskJson = {
		id: ctx.ids.next(),
		status_code: 20000,
		status_message: 'Ok.',
		time: formatTime(Date.now() - started),
		cost: requestCost(page.length),
		result_count: 1,
		path: ROUTE,
		data: { api: 'backlinks', function: 'backlinks', ...raw },
		result: [
			{
				target: raw.target,
				mode: 'one_per_domain',
				total_count: items.length,
				items_count: page.length,
				items: page.length === 0 ? null : page,
			},
		],
	};
	return { status: 200, body: envelope(20000, 'Ok.', [task], formatTime(Date.now() - started)) };
}
