import { join } from 'node:path';

import { ManagedChild } from './child';
import { PROJECT_ROOT } from './paths';
import { cleanEnv } from './proc';

/** One scripted failure, consumed by the next matching request. */
export type SimFailure =
	| { readonly taskCode: number; readonly message?: string }
	| { readonly http: number; readonly retryAfter?: string }
	| { readonly envelopeCode: number; readonly message?: string }
	| { readonly drop: true };

export interface SimStats {
	readonly requests: number;
	readonly peakInFlight: number;
	readonly totalCost: number;
	readonly inFlight: number;
	/** Requests the answer gate holds right now. */
	readonly held: number;
}

/** Answers are held until `inFlight` /v3 requests are open at once (see test/simulator). */
export interface SimHold {
	readonly inFlight: number;
	/** Only pages at this offset or later are held (default 1: first pages get through). */
	readonly minOffset?: number;
}

/** A /v3 request as recorded by the simulator; body is the parsed JSON (the POSTed task array). */
export interface SimLogEntry {
	readonly method: string;
	readonly path: string;
	readonly body: unknown;
	readonly authorized: boolean;
	readonly httpStatus: number;
	readonly statusCode: number | null;
	readonly taskStatusCode: number | null;
	readonly cost: number;
	readonly startedAt: number;
	/** 0 while in flight. */
	readonly endedAt: number;
	/** The client closed the connection before the answer (aborted or timed out). */
	readonly aborted: boolean;
}

export const SIM_LOGIN = 'sim-login';
export const SIM_PASSWORD = 'sim-password';

export interface RunningSimulator {
	readonly url: string;
	fail(failures: readonly SimFailure[]): Promise<void>;
	reset(): Promise<void>;
	/** Appends n referring domains (fresh, live links only; first_seen = now). */
	grow(n: number): Promise<void>;
	/** The domain now links to the target (e.g. a prospect won by your domain); reset takes it out. */
	gainLink(domain: string, target: string): Promise<void>;
	hold(rule: SimHold): Promise<void>;
	release(): Promise<void>;
	setLatency(ms: number): Promise<void>;
	log(): Promise<SimLogEntry[]>;
	stats(): Promise<SimStats>;
	recentOutput(): string;
	stop(): Promise<void>;
}

async function control(
	url: string,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown,
): Promise<unknown> {
	const response = await fetch(`${url}/__sim/${path}`, {
		method,
		headers: body === undefined ? undefined : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`simulator ${method} /__sim/${path} -> ${response.status}: ${text}`);
	return text ? (JSON.parse(text) as unknown) : undefined;
}

function asLog(value: unknown): SimLogEntry[] {
	if (Array.isArray(value)) return value as SimLogEntry[];
	throw new Error(`unexpected /__sim/log answer: ${JSON.stringify(value).slice(0, 300)}`);
}

/** Starts `tsx test/simulator/cli.ts --port 0` and waits for its SIMULATOR_URL=… line. */
export async function startSimulator(extraArgs: readonly string[] = []): Promise<RunningSimulator> {
	const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
	const cli = join(PROJECT_ROOT, 'test', 'simulator', 'cli.ts');
	const child = new ManagedChild(tsx, [cli, '--port', '0', ...extraArgs], {
		cwd: PROJECT_ROOT,
		env: cleanEnv(),
	});
	let url: string;
	try {
		url = await child.waitFor(
			() => /^SIMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)\s*$/m.exec(child.recentOutput)?.[1],
			30_000,
			'simulator start',
		);
	} catch (error) {
		await child.stop();
		throw new Error(`${(error as Error).message}\n${child.recentOutput.slice(-4000)}`);
	}
	return {
		url,
		fail: async (failures) => void (await control(url, 'POST', 'fail', failures)),
		reset: async () => void (await control(url, 'POST', 'reset')),
		grow: async (n) => void (await control(url, 'POST', 'grow', { n })),
		gainLink: async (domain, target) =>
			void (await control(url, 'POST', 'gain-link', { domain, target })),
		hold: async (rule) => void (await control(url, 'POST', 'hold', rule)),
		release: async () => void (await control(url, 'POST', 'release')),
		setLatency: async (ms) => void (await control(url, 'POST', 'latency', { ms })),
		log: async () => asLog(await control(url, 'GET', 'log')),
		stats: async () => (await control(url, 'GET', 'stats')) as SimStats,
		recentOutput: () => child.recentOutput,
		stop: () => child.stop(),
	};
}
