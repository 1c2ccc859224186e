// Public types of the simulator (the contract other test code is written against).
import type { LinkGraph } from './graph';

export const SIM_LOGIN = 'sim-login';
export const SIM_PASSWORD = 'sim-password';

export interface SimulatorOptions {
	/** 0 (default) = a free port; the server always binds 127.0.0.1. */
	port?: number;
	/** Graph seed, default 1. */
	seed?: number;
	/** Delay before each /v3 answer, default 0. */
	latencyMs?: number;
	/** Extension: delay before a 40202 for too many in flight; default latencyMs. */
	refusalLatencyMs?: number;
	/** Default 30: a /v3 request arriving while this many are in flight gets envelope 40202. */
	maxInFlight?: number;
	login?: string;
	password?: string;
	/** Extension: fixed number of referring domains instead of the calibrated size (small = fast tests;
	 * the docs' example then no longer totals 40921). */
	graphSize?: number;
	/** Bytes of rendered pages kept for the next request of the same page; default 128 (MB). */
	pageCacheMb?: number;
}

export type ScriptedFailure =
	/** That HTTP status with a DataForSEO-like JSON body whose status_code is http * 100; a 429
	 * carries `retry-after: <retryAfter>` (default "1"; seconds or an HTTP date). */
	| { http: number; retryAfter?: string }
	/** HTTP 200, envelope status_code = envelopeCode, no tasks. */
	| { envelopeCode: number; message?: string }
	/** HTTP 200, envelope 20000, tasks[0].status_code = taskCode (no result, cost 0). */
	| { taskCode: number; message?: string }
	/** The socket is destroyed without an answer. */
	| { drop: true };

export interface LoggedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	/** Parsed JSON body; the raw text if it was not JSON; null when empty. */
	body: unknown;
	authorized: boolean;
	/** 0 while in flight and for dropped requests. */
	httpStatus: number;
	/** Envelope status_code of the answer; null while in flight and for dropped requests. */
	statusCode: number | null;
	/** Extension: tasks[0].status_code of the answer, when it had a task. */
	taskStatusCode: number | null;
	/** Extension: envelope cost charged by the answer. */
	cost: number;
	startedAt: number;
	/** 0 while in flight. */
	endedAt: number;
	/** Extension: the client closed the connection before the answer was sent (e.g. it aborted). */
	aborted: boolean;
}

/** Holds /v3 answers until `inFlight` requests are open at once, then lets all of them go. */
export interface HoldRule {
	inFlight: number;
	/** Only domain_intersection requests whose task offset is at least this are held (default 1),
	 * so a pager's first page, which it sends alone, gets through. */
	minOffset?: number;
	/** Hold backlinks/live requests (Linking Pages) instead, all of them. */
	backlinks?: boolean;
}

export interface SimulatorStats {
	/** Requests logged since start/reset (control endpoints are not logged). */
	requests: number;
	peakInFlight: number;
	/** Sum of envelope costs since start/reset. */
	totalCost: number;
	inFlight: number;
	/** Extension: requests held by `hold()` right now (open ones only). */
	held: number;
	graphSize: number;
}

export interface Simulator {
	/** 'http://127.0.0.1:PORT' */
	url: string;
	port: number;
	/** Every /v3 request in arrival order; entries are completed in place when answered. */
	log: LoggedRequest[];
	/** Most /v3 requests open at once since start/reset (requests rejected with 40202 included). */
	peakInFlight: number;
	/** `refusalMs`: the delay of 40202 answers for too many in flight, default `ms`. */
	setLatency(ms: number, refusalMs?: number): void;
	/** Queued; each is consumed by the next POST to /v3/backlinks/domain_intersection/live. */
	failNext(...failures: ScriptedFailure[]): void;
	/** Extension: the same for the next POSTs to /v3/backlinks/backlinks/live (Linking Pages). */
	failNextBacklinks(...failures: ScriptedFailure[]): void;
	/** Extension: arms the answer gate (one-shot; a later call replaces the rule). */
	hold(rule: HoldRule): void;
	/** Extension: opens the gate now, releasing every held request. */
	release(): void;
	/** Appends n new referring domains (first_seen = now, live links). */
	grow(n: number): void;
	/** Extension: backlinks/live no longer finds this domain's link to the target (lost since). */
	loseLink(domain: string, target: string): void;
	/**
	 * Extension: the domain now links to the target (e.g. your domain: a prospect won), in the
	 * intersection and backlinks/live alike.
	 */
	gainLink(domain: string, target: string): void;
	graph: LinkGraph;
	/** Clears log, queued failures, lost and gained links, peakInFlight and totalCost and opens the
	 * gate (not latency, not the grown graph). */
	reset(): void;
	/** Extension. */
	stats(): SimulatorStats;
	close(): Promise<void>;
}
