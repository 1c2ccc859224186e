import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

import { killGroup, trackGroup, untrackGroup } from './proc';

const MAX_BUFFER_CHARS = 200_000;

/** A long-running child in its own process group, with its recent output kept for diagnostics. */
export class ManagedChild {
	private output = '';
	private exited = false;
	private readonly exitPromise: Promise<number | null>;
	readonly child: ChildProcessWithoutNullStreams;

	constructor(
		command: string,
		args: readonly string[],
		options: { cwd: string; env: NodeJS.ProcessEnv; uid?: number; gid?: number },
	) {
		this.child = spawn(command, args, { ...options, detached: true, stdio: 'pipe' });
		this.child.stdin.on('error', () => undefined);
		this.child.stdin.end();
		const keep = (chunk: Buffer): void => {
			this.output = (this.output + chunk.toString('utf8')).slice(-MAX_BUFFER_CHARS);
		};
		this.child.stdout.on('data', keep);
		this.child.stderr.on('data', keep);
		this.exitPromise = new Promise((resolve) => {
			this.child.on('error', () => resolve(null));
			this.child.on('exit', (code) => {
				this.exited = true;
				resolve(code);
			});
		});
		// Never leave orphans behind, even when the parent dies on an unhandled error.
		trackGroup(this.child.pid);
	}

	get recentOutput(): string {
		return this.output;
	}

	get hasExited(): boolean {
		return this.exited;
	}

	/** Polls check() until it returns a value; fails early when the child exits. */
	async waitFor<T>(
		check: () => Promise<T | undefined> | T | undefined,
		timeoutMs: number,
		what: string,
	): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited) throw new Error(`${what}: process exited early`);
			const value = await check();
			if (value !== undefined) return value;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`${what}: timed out after ${Math.round(timeoutMs / 1000)}s`);
	}

	/** SIGTERM to the whole group, SIGKILL after graceMs. */
	async stop(graceMs = 10_000): Promise<void> {
		if (this.exited) {
			untrackGroup(this.child.pid);
			return;
		}
		killGroup(this.child.pid, 'SIGTERM');
		const timer = setTimeout(() => killGroup(this.child.pid, 'SIGKILL'), graceMs);
		await this.exitPromise;
		clearTimeout(timer);
		// Grandchildren (task runners, tsx workers) may outlive the leader; make sure the group is gone.
		killGroup(this.child.pid, 'SIGKILL');
		untrackGroup(this.child.pid);
	}
}
