// HTTP plumbing: binding to 127.0.0.1, Basic auth, latency, the in-flight cap, the answer gate,
// scripted failures and the request log (control endpoints: control.ts).
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	BACKLINKS_PATH,
	backlinksError,
	backlinksLive,
	lostKey,
	type LostLinks,
} from './backlinks';
import { createGraph, DOCS_EXAMPLE_TASK } from './calibrate';
import { handleControl, parseFailures, parseHoldRule } from './control';
import { errorEnvelope, formatTime, messageFor, round5, TaskIds } from './envelope';
import type { SyntheticGraph } from './graph';
import {
	ApiAnswer,
	availableFilters,
	AVAILABLE_FILTERS_PATH,
	DI_PATH,
	domainIntersection,
	HandlerContext,
	notFound,
	unauthorized,
	USER_DATA_PATH,
	userData,
} from './handlers';
import { AnswerGate } from './hold';
import { bodyForLog, credentials, readBody, writeJson } from './http';
import { QueryEngine } from './query';
import { answerParts, DEFAULT_PAGE_CACHE_MB, PageCache } from './pageCache';
import { renderPage } from './render';
import { validateTask } from './validate';
import {
	HoldRule,
	LoggedRequest,
	ScriptedFailure,
	SIM_LOGIN,
	SIM_PASSWORD,
	Simulator,
	SimulatorOptions,
	SimulatorStats,
} from './types';

class SimulatorServer implements Simulator {
	url = '';
	port = 0;
	readonly log: LoggedRequest[] = [];
	peakInFlight = 0;
	private inFlight = 0;
	private totalCost = 0;
	private latencyMs: number;
	/** A refusal needs no work, so a real server may answer it sooner than a page. */
	private refusalLatencyMs: number | undefined;
	private readonly maxInFlight: number;
	private readonly failures: ScriptedFailure[] = [];
	private readonly backlinksFailures: ScriptedFailure[] = [];
	private readonly gate = new AnswerGate();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly server: Server;
	private readonly engine: QueryEngine;
	private readonly ctx: HandlerContext & { lost: LostLinks };
	private readonly login: string;
	private readonly password: string;

	constructor(
		readonly graph: SyntheticGraph,
		opts: SimulatorOptions,
	) {
		this.latencyMs = opts.latencyMs ?? 0;
		this.refusalLatencyMs = opts.refusalLatencyMs;
		this.maxInFlight = opts.maxInFlight ?? 30;
		this.login = opts.login ?? SIM_LOGIN;
		this.password = opts.password ?? SIM_PASSWORD;
		this.engine = new QueryEngine(graph);
		this.ctx = {
			graph,
			engine: this.engine,
			pages: new PageCache((opts.pageCacheMb ?? DEFAULT_PAGE_CACHE_MB) * 2 ** 20),
			ids: new TaskIds(graph.seed),
			login: this.login,
			lost: new Set(),
		};
		this.server = createServer((req, res) => {
			this.route(req, res).catch((error: unknown) => {
				// A simulator bug must look like a server fault to the client, not hang it.
				writeJson(res, 500, {
					...errorEnvelope(50000),
					status_message: `Internal Server Error. ${String(error)}`,
				});
			});
		});
		// Node's 5 s default closes idle keep-alive sockets while test code runs long synchronous
		// checks, and the client's next request then races the close (ECONNRESET). Production
		// front-ends keep idle connections for about a minute; close() still ends them at once.
		this.server.keepAliveTimeout = 65_000;
	}

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				const address = this.server.address() as AddressInfo;
				this.port = address.port;
				this.url = `http://127.0.0.1:${this.port}`;
				resolve();
			});
		});
	}

	setLatency(ms: number, refusalMs?: number): void {
		for (const value of [ms, refusalMs ?? 0])
			if (!Number.isFinite(value) || value < 0)
				throw new Error('setLatency(ms, refusalMs): both must be >= 0');
		this.latencyMs = ms;
		this.refusalLatencyMs = refusalMs;
	}

	failNext(...failures: ScriptedFailure[]): void {
		const parsed = parseFailures(failures);
		if (parsed === null)
			throw new Error(`failNext: malformed failure in ${JSON.stringify(failures)}`);
		this.failures.push(...parsed);
	}

	hold(rule: HoldRule): void {
		const parsed = parseHoldRule(rule);
		if (parsed === null) throw new Error(`hold: malformed rule ${JSON.stringify(rule)}`);
		this.gate.arm(parsed, this.inFlight);
	}

	release(): void {
		this.gate.open();
	}

	grow(n: number): void {
		this.graph.grow(n);
	}

	failNextBacklinks(...failures: ScriptedFailure[]): void {
		this.backlinksFailures.push(...failures);
	}

	loseLink(domain: string, target: string): void {
		this.ctx.lost.add(lostKey(domain, target));
	}

	gainLink(domain: string, target: string): void {
		this.graph.gainLink(domain, target);
		this.ctx.lost.delete(lostKey(domain, target));
	}

	reset(): void {
		this.ctx.lost.clear();
		this.graph.clearGained();
		this.log.length = 0;
		this.failures.length = 0;
		this.backlinksFailures.length = 0;
		this.peakInFlight = this.inFlight;
		this.totalCost = 0;
		this.gate.open();
	}

	stats(): SimulatorStats {
		return {
			requests: this.log.length,
			peakInFlight: this.peakInFlight,
			totalCost: round5(this.totalCost),
			inFlight: this.inFlight,
			held: this.gate.count,
			graphSize: this.graph.size,
		};
	}

	close(): Promise<void> {
		this.gate.open();
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/**
	 * Answers the docs' example once before listening: the first query of a cold process paid
	 * ~2.5x its steady cost in JIT compilation, and that example is also the likeliest first query.
	 */
	warmUp(): void {
		this.graph.alphabeticalRank();
		const validation = validateTask(DOCS_EXAMPLE_TASK);
		if (validation.ok) renderPage(this.graph, validation.task, this.engine);
	}

	/** Waits until `latencyMs` after `started`: work done since counts towards the latency. */
	private delay(started: number, latencyMs = this.latencyMs): Promise<void> {
		const remaining = latencyMs - (Date.now() - started);
		if (remaining <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, remaining);
			this.timers.add(timer);
		});
	}

	private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/(.)\/+$/, '$1');
		if (path.startsWith('/__sim/')) {
			const queue = (failures: ScriptedFailure[]) => this.failures.push(...failures);
			return handleControl(this, queue, req, res, path);
		}
		return this.api(req, res, path);
	}

	private async api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
		const started = Date.now();
		const method = req.method ?? 'GET';
		const entry: LoggedRequest = {
			method,
			path,
			body: null,
			authorized: false,
			httpStatus: 0,
			statusCode: null,
			taskStatusCode: null,
			cost: 0,
			startedAt: started,
			endedAt: 0,
			aborted: false,
		};
		this.log.push(entry);
		// The cap is judged on arrival, before this request counts itself.
		const overloaded = this.inFlight >= this.maxInFlight;
		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		let open = true;
		res.on('close', () => {
			if (!open) return;
			open = false;
			this.inFlight--;
			entry.endedAt = Date.now();
			// Closed before the whole answer went out: the client gave up (abort, timeout).
			entry.aborted = !res.writableFinished;
		});
		this.gate.onInFlight(this.inFlight);

		const creds = credentials(req.headers.authorization);
		entry.authorized = creds !== null && creds[0] === this.login && creds[1] === this.password;
		// Taken before any await, so concurrent requests consume failures in arrival order.
		const isDomainIntersection = method === 'POST' && path === DI_PATH;
		const isBacklinks = method === 'POST' && path === BACKLINKS_PATH;
		const queue = isDomainIntersection ? this.failures : isBacklinks ? this.backlinksFailures : [];
		const failure = overloaded ? undefined : queue.shift();
		const body = await readBody(req);
		entry.body = bodyForLog(body);
		if (!overloaded && this.gate.holds(isDomainIntersection, entry.body, isBacklinks))
			await this.gate.wait(() => open);
		if (!open) return;

		if (failure !== undefined && 'drop' in failure) {
			await this.delay(started);
			req.socket.destroy();
			return;
		}
		// The answer is computed and serialized inside the latency, as a real server's work is:
		// otherwise concurrent requests would queue behind each other's rendering after it.
		const answer = this.answer(method, path, body, started, entry.authorized, overloaded, failure);
		const parts = answerParts(answer.body, answer.items);
		await this.delay(started, overloaded ? (this.refusalLatencyMs ?? this.latencyMs) : undefined);
		entry.httpStatus = answer.status;
		entry.statusCode = answer.body.status_code;
		entry.taskStatusCode = answer.body.tasks[0]?.status_code ?? null;
		entry.cost = answer.body.cost;
		this.totalCost += answer.body.cost;
		writeJson(res, answer.status, answer.body, answer.headers, parts);
	}

	private answer(
		method: string,
		path: string,
		body: string,
		started: number,
		authorized: boolean,
		overloaded: boolean,
		failure: Exclude<ScriptedFailure, { drop: true }> | undefined,
	): ApiAnswer {
		const time = () => formatTime(Date.now() - started);
		if (overloaded) return { status: 200, body: errorEnvelope(40202, messageFor(40202), time()) };
		if (failure !== undefined) {
			if ('http' in failure) {
				const code = failure.http * 100;
				const headers: Record<string, string> =
					failure.http === 429 ? { 'retry-after': failure.retryAfter ?? '1' } : {};
				return {
					status: failure.http,
					body: errorEnvelope(code, messageFor(code), time()),
					headers,
				};
			}
			if ('envelopeCode' in failure) {
				const message = failure.message ?? messageFor(failure.envelopeCode);
				return { status: 200, body: errorEnvelope(failure.envelopeCode, message, time()) };
			}
		}
		const known = new Map<string, string>([
			[DI_PATH, 'POST'],
			[BACKLINKS_PATH, 'POST'],
			[USER_DATA_PATH, 'GET'],
			[AVAILABLE_FILTERS_PATH, 'GET'],
		]);
		if (known.get(path) !== method) return notFound();
		if (!authorized) return unauthorized();
		if (path === USER_DATA_PATH) return userData(this.ctx, started);
		if (path === AVAILABLE_FILTERS_PATH) return availableFilters(this.ctx, started);
		const forced =
			failure !== undefined && 'taskCode' in failure
				? { code: failure.taskCode, message: failure.message }
				: undefined;
		if (path === BACKLINKS_PATH)
			return forced
				? backlinksError(
						this.ctx,
						forced.code,
						forced.message ?? messageFor(forced.code),
						body,
						started,
					)
				: backlinksLive(this.ctx, body, started);
		return domainIntersection(this.ctx, body, started, forced);
	}
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
	const graph = createGraph(opts.seed ?? 1, opts.graphSize);
	const sim = new SimulatorServer(graph, opts);
	sim.warmUp();
	await sim.listen(opts.port ?? 0);
	return sim;
}
