import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, openSync, readFileSync, rmSync } from 'node:fs';

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** Also append all output to this file. */
	readonly logFile?: string;
	/** Print "<label>: <detail, or still running>, N s elapsed" every heartbeatMs. */
	readonly heartbeat?: {
		readonly label: string;
		readonly everyMs: number;
		readonly detail?: () => string;
	};
	readonly timeoutMs?: number;
	readonly input?: string;
	/**
	 * Send the child's stdout to this file (removed afterwards) instead of a pipe. Writes to a file
	 * are synchronous in Node, so a child that prints megabytes and then calls process.exit()
	 * (n8n execute) cannot lose the end of its output, as it can on a full pipe.
	 */
	readonly stdoutFile?: string;
	/** Run as this user and group (root only), e.g. a database server that refuses root. */
	readonly uid?: number;
	readonly gid?: number;
}

export interface RunResult {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
	readonly durationMs: number;
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;
const groupWatchers = new Set<(pid: number, live: boolean) => void>();

/**
 * Calls `watcher` whenever a child's process group starts or ends, e.g. so `npm run dev` can
 * hand every group to a watchdog that outlives it. Returns the groups live right now.
 */
export function watchGroups(watcher: (pid: number, live: boolean) => void): number[] {
	groupWatchers.add(watcher);
	return [...liveGroups];
}

/** Remembers a detached child's process group so it is killed if this process exits first. */
export function trackGroup(pid: number | undefined): void {
	if (pid === undefined) return;
	liveGroups.add(pid);
	for (const watcher of groupWatchers) watcher(pid, true);
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const group of liveGroups) killGroup(group, 'SIGKILL');
	});
}

export function untrackGroup(pid: number | undefined): void {
	if (pid === undefined || !liveGroups.delete(pid)) return;
	for (const watcher of groupWatchers) watcher(pid, false);
}

/**
 * Ctrl-C reaches only the foreground process group, not detached children: turn the signals
 * into a normal exit so the exit hook above kills every child group.
 */
export function exitOnSignals(): void {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => process.exit(130));
	}
}

/** Runs a command to completion in its own process group, capturing output. Never throws on exit code. */
export function runCommand(
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<RunResult> {
	const started = Date.now();
	const stdoutFd = options.stdoutFile ? openSync(options.stdoutFile, 'w') : undefined;
	const fileOutput = (): Buffer[] => {
		if (!options.stdoutFile) return [];
		const content = readFileSync(options.stdoutFile);
		rmSync(options.stdoutFile, { force: true });
		return [content];
	};
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			// No stdin unless there is input: a child that exits before reading it made the write
			// fail with EPIPE, which crashed the whole test file.
			stdio: [options.input !== undefined ? 'pipe' : 'ignore', stdoutFd ?? 'pipe', 'pipe'],
			detached: true,
			uid: options.uid,
			gid: options.gid,
		});
		if (stdoutFd !== undefined) closeSync(stdoutFd);
		trackGroup(child.pid);
		const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => {
			out.push(chunk);
			log?.write(chunk);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			err.push(chunk);
			log?.write(chunk);
		});
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(options.input);
		const beat = options.heartbeat;
		const timer = beat
			? setInterval(() => {
					const seconds = Math.round((Date.now() - started) / 1000);
					const doing = beat.detail ? beat.detail() : 'still running';
					console.log(`${beat.label}: ${doing}, ${seconds} s elapsed`);
				}, beat.everyMs)
			: undefined;
		const killer = options.timeoutMs
			? setTimeout(() => killGroup(child.pid, 'SIGKILL'), options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			untrackGroup(child.pid);
			if (timer) clearInterval(timer);
			if (killer) clearTimeout(killer);
			log?.end();
			reject(error);
		});
		child.on('close', (code, signal) => {
			untrackGroup(child.pid);
			if (timer) clearInterval(timer);
			if (killer) clearTimeout(killer);
			log?.end();
			resolve({
				code,
				signal,
				stdout: Buffer.concat([...out, ...fileOutput()]).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				durationMs: Date.now() - started,
			});
		});
	});
}

/** Sends a signal to a whole process group started with detached: true. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Copy of env without npm_* variables (npm run leaks its config, e.g. the project's prefix). */
export function cleanEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(base)) {
		if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
	}
	return env;
}

export function tail(text: string, lines: number): string {
	return text.split('\n').slice(-lines).join('\n');
}
