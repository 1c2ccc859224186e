// The unauthenticated /__sim control endpoints, and validation of what they are sent (shared with
// failNext() and hold()), so a typo in a test fails loudly instead of silently doing nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { bodyForLog, readBody, writeJson } from './http';
import type { HoldRule, ScriptedFailure, Simulator } from './types';

function isInt(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

function parseHttp(v: Record<string, unknown>): ScriptedFailure | null {
	if (!isInt(v.http) || v.http < 100 || v.http > 599) return null;
	if (v.retryAfter === undefined) return { http: v.http };
	return typeof v.retryAfter === 'string' ? { http: v.http, retryAfter: v.retryAfter } : null;
}

export function parseFailure(value: unknown): ScriptedFailure | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const v = value as Record<string, unknown>;
	const message = v.message;
	if (message !== undefined && typeof message !== 'string') return null;
	if ('http' in v) return parseHttp(v);
	if ('envelopeCode' in v)
		return isInt(v.envelopeCode) ? { envelopeCode: v.envelopeCode, message } : null;
	if ('taskCode' in v) return isInt(v.taskCode) ? { taskCode: v.taskCode, message } : null;
	if (v.drop === true) return { drop: true };
	return null;
}

/** Accepts one failure or an array of them; null if any entry is malformed. */
export function parseFailures(value: unknown): ScriptedFailure[] | null {
	const list = Array.isArray(value) ? value : [value];
	const out: ScriptedFailure[] = [];
	for (const item of list) {
		const failure = parseFailure(item);
		if (failure === null) return null;
		out.push(failure);
	}
	return out;
}

export function parseHoldRule(value: unknown): HoldRule | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const { inFlight, minOffset, backlinks } = value as Record<string, unknown>;
	if (!isInt(inFlight) || inFlight < 1) return null;
	if (backlinks === true) return { inFlight, backlinks };
	if (minOffset === undefined) return { inFlight };
	return isInt(minOffset) && minOffset >= 0 ? { inFlight, minOffset } : null;
}

/** Answers one /__sim request against `sim`. */
export async function handleControl(
	sim: Simulator,
	queueFailures: (failures: ScriptedFailure[]) => number,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
): Promise<void> {
	const body = bodyForLog(await readBody(req));
	const field = (name: string): unknown =>
		typeof body === 'object' && body !== null && !Array.isArray(body)
			? (body as Record<string, unknown>)[name]
			: undefined;
	const bad = (error: string) => writeJson(res, 400, { ok: false, error });
	const route = `${req.method ?? 'GET'} ${path}`;
	switch (route) {
		case 'POST /__sim/fail': {
			const failures = parseFailures(body);
			if (failures === null) return bad('body must be a ScriptedFailure or an array of them');
			return writeJson(res, 200, { ok: true, queued: queueFailures(failures) });
		}
		case 'POST /__sim/grow': {
			const n = field('n');
			if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
				return bad('body must be {"n": integer >= 0}');
			sim.grow(n);
			return writeJson(res, 200, { ok: true, size: sim.graph.size });
		}
		case 'POST /__sim/lose-link': {
			const domain = field('domain');
			const target = field('target');
			if (typeof domain !== 'string' || typeof target !== 'string')
				return bad('body must be {"domain": string, "target": string}');
			sim.loseLink(domain, target);
			return writeJson(res, 200, { ok: true });
		}
		case 'POST /__sim/gain-link': {
			const domain = field('domain');
			const target = field('target');
			if (typeof domain !== 'string' || typeof target !== 'string')
				return bad('body must be {"domain": string, "target": string}');
			if (sim.graph.indexOf(domain) < 0) return bad(`unknown referring domain ${domain}`);
			sim.gainLink(domain, target);
			return writeJson(res, 200, { ok: true });
		}
		case 'POST /__sim/latency': {
			const ms = field('ms');
			const refusalMs = field('refusalMs');
			const valid = (value: unknown) =>
				typeof value === 'number' && Number.isFinite(value) && value >= 0;
			if (!valid(ms) || (refusalMs !== undefined && !valid(refusalMs)))
				return bad('body must be {"ms": number >= 0, "refusalMs"?: number >= 0}');
			sim.setLatency(ms as number, refusalMs as number | undefined);
			return writeJson(res, 200, { ok: true, latencyMs: ms, refusalLatencyMs: refusalMs ?? ms });
		}
		case 'POST /__sim/hold': {
			const rule = parseHoldRule(body);
			if (rule === null)
				return bad('body must be {"inFlight": integer >= 1, "minOffset"?: integer >= 0}');
			sim.hold(rule);
			return writeJson(res, 200, { ok: true });
		}
		case 'POST /__sim/release':
			sim.release();
			return writeJson(res, 200, { ok: true });
		case 'POST /__sim/reset':
			sim.reset();
			return writeJson(res, 200, { ok: true });
		case 'GET /__sim/log':
			return writeJson(res, 200, sim.log);
		case 'GET /__sim/stats':
			return writeJson(res, 200, sim.stats());
		default:
			return writeJson(res, 404, { ok: false, error: `unknown control endpoint ${route}` });
	}
}
