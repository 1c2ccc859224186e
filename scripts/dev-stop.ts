/**
 * How `npm run dev` ends everything it started, however it ends.
 *
 * Ctrl-C reaches only the terminal's foreground process group: npm, tsx and this script. n8n and
 * the simulator run in process groups of their own (the harness starts them detached), so they
 * must be stopped here. Three things can go wrong, and each is handled:
 * - a second signal (npm and tsx both pass Ctrl-C on, people press it twice) would end this
 *   process at once with Node's default handler: the handlers stay installed, and later signals
 *   only say that stopping is under way;
 * - a signal during start-up, before n8n or the simulator is ready: every process group is
 *   known from the moment it is spawned (watchGroups), not from when its start returns;
 * - this process killed outright (tsx sends SIGKILL when its child is slow to answer a signal;
 *   kill -9), when no exit hook runs: a watchdog in a process group of its own
 *   (dev-reaper.mjs) holds a pipe to this process and stops the listed groups when it closes.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { watchGroups } from '../test/e2e/harness/proc';

const GRACE_MS = 15_000;
const POLL_MS = 100;

function alive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// already gone
	}
}

export interface DevStopper {
	/** True once a signal or a failure has started the stop: start-up steps check it. */
	readonly stopping: boolean;
	/** Stops every group (SIGTERM, SIGKILL after the grace time), then exits with `code`. */
	stop(code: number, reason?: string): Promise<void>;
}

/** Starts the watchdog and installs the signal handlers; call it before anything is spawned. */
export function installDevStopper(): DevStopper {
	const groups = new Set<number>();
	const reaper = spawn(process.execPath, [join(__dirname, 'dev-reaper.mjs')], {
		detached: true,
		stdio: ['pipe', 'ignore', 'ignore'],
	});
	reaper.stdin.on('error', () => undefined);
	reaper.unref();
	const tell = (line: string) => reaper.stdin.write(`${line}\n`);

	let stopping: Promise<void> | undefined;
	const stopper: DevStopper = {
		get stopping() {
			return stopping !== undefined;
		},
		stop(code, reason) {
			stopping ??= (async () => {
				console.log(`\n${reason ?? 'Stopping n8n and the simulator…'}`);
				for (const pgid of groups) signalGroup(pgid, 'SIGTERM');
				const deadline = Date.now() + GRACE_MS;
				while ([...groups].some(alive) && Date.now() < deadline)
					await new Promise((resolve) => setTimeout(resolve, POLL_MS));
				for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
				for (const pgid of groups) tell(`-${pgid}`);
				reaper.stdin.end();
				console.log('Stopped: n8n and the simulator are no longer running.');
				process.exit(code);
			})();
			return stopping;
		},
	};

	for (const pgid of watchGroups((pgid, live) => {
		if (live) groups.add(pgid);
		else groups.delete(pgid);
		tell(`${live ? '+' : '-'}${pgid}`);
		// Started by a step that was already under way when the stop began.
		if (live && stopper.stopping) signalGroup(pgid, 'SIGTERM');
	}))
		groups.add(pgid);

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			if (stopper.stopping) console.log('Still stopping n8n and the simulator…');
			else void stopper.stop(0);
		});
	}
	return stopper;
}
