/**
 * The simulator in a process of its own. In-process, its work (scanning the graph, rendering
 * about 1.5 MB of JSON per 1,000 rows) would run on the node's event loop and be billed to the
 * node; the real API does that work on DataForSEO's machines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface SimStats {
	requests: number;
	peakInFlight: number;
	inFlight: number;
}

export interface SimLogEntry {
	path: string;
	body: unknown;
	httpStatus: number;
	statusCode: number | null;
}

export interface SimProcess {
	url: string;
	reset(): Promise<void>;
	/** `refusalMs`: how soon a 40202 for too many in flight is answered, default `ms`. */
	setLatency(ms: number, refusalMs?: number): Promise<void>;
	stats(): Promise<SimStats>;
	log(): Promise<SimLogEntry[]>;
	/** CPU the simulator has used so far (Linux /proc), to tell when it, not the node, is busy. */
	cpuMs(): number | undefined;
	stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function processCpuMs(pid: number | undefined): number | undefined {
	try {
		// Fields after the command name; utime and stime are the 12th and 13th, in clock ticks.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return undefined;
	}
}

/** Stops every simulator this process started (by its own handle), e.g. on Ctrl-C. */
export function stopAllSims(): void {
	for (const child of running) child.kill('SIGTERM');
}

function waitForUrl(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => fail(new Error('no SIMULATOR_URL within 60 s')), 60_000);
		const fail = (error: Error) => {
			clearTimeout(timer);
			reject(new Error(`${error.message}\n${output.slice(-2000)}`));
		};
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /SIMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (!match) return;
			clearTimeout(timer);
			resolve(match[1]);
		});
		child.once('exit', (code) => fail(new Error(`simulator exited with ${code}`)));
	});
}

async function control(url: string, method: 'GET' | 'POST', path: string, body?: unknown) {
	const response = await fetch(`${url}/__sim/${path}`, {
		method,
		headers: body === undefined ? undefined : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${text}`);
	return JSON.parse(text) as unknown;
}

/**
 * Room for every page the bench asks for (20 competitors' ~35 pages are ~0.5 GB), so a page asked
 * for again is written from its bytes: on 2 cores, re-rendering it would take CPU from the node
 * that DataForSEO's own machines spend.
 */
const PAGE_CACHE_MB = 1024;

/** Starts test/simulator/cli.ts (seed 1) on a free 127.0.0.1 port. */
export async function startSimProcess(latencyMs: number, graphSize?: number): Promise<SimProcess> {
	const args = ['--import', 'tsx', join(ROOT, 'test', 'simulator', 'cli.ts'), '--port', '0'];
	args.push('--latency', String(latencyMs), '--page-cache-mb', String(PAGE_CACHE_MB));
	if (graphSize !== undefined) args.push('--graph-size', String(graphSize));
	// node --import tsx rather than the tsx wrapper: one process, so its pid is the one to stop.
	const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	void exited.then(() => running.delete(child));
	const url = await waitForUrl(child);
	return {
		url,
		reset: async () => void (await control(url, 'POST', 'reset')),
		setLatency: async (ms, refusalMs) =>
			void (await control(url, 'POST', 'latency', { ms, refusalMs })),
		stats: async () => (await control(url, 'GET', 'stats')) as SimStats,
		log: async () => (await control(url, 'GET', 'log')) as SimLogEntry[],
		cpuMs: () => processCpuMs(child.pid),
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}
