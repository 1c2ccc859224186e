/**
 * `npm run dev` stops everything it started. It runs as a terminal runs it: in a process group of
 * its own, which receives Ctrl-C (SIGINT) as a whole. Every process it starts inherits a marker
 * in its environment, so the test finds them all in /proc, whoever their parent is by then.
 * Waits are on conditions (a line printed, a process present or gone); deadlines only guard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../harness/paths';
import { freePort } from '../harness/ports';
import { cleanEnv } from '../harness/proc';
import { until } from '../harness/until';
import { selectedVersions } from '../harness/versions';

const VERSION = '2.41.1';
const MARKER = 'N8N_DEV_TEST_MARKER';
const START_DEADLINE_MS = 10 * 60_000;
const STOP_DEADLINE_MS = 60_000;

const wanted = process.env.N8N_E2E_HARNESS_ONLY !== '1' && process.platform === 'linux';
const run =
	wanted && selectedVersions().some((spec) => spec.version === VERSION) ? describe : describe.skip;

/** Processes whose environment carries this marker, with their command lines. */
function marked(marker: string): Array<{ pid: number; command: string }> {
	const found: Array<{ pid: number; command: string }> = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
			if (!environ.split('\0').includes(`${MARKER}=${marker}`)) continue;
			const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
			found.push({ pid: Number(entry), command });
		} catch {
			// gone meanwhile, or not ours to read
		}
	}
	return found;
}

interface Dev {
	child: ChildProcess;
	marker: string;
	output: () => string;
	exited: Promise<number | null>;
}

async function startDev(userFolder: string): Promise<Dev> {
	const marker = randomUUID();
	let output = '';
	const child = spawn('npm', ['run', 'dev'], {
		cwd: PROJECT_ROOT,
		// Its own process group, as a terminal's foreground job: the group gets Ctrl-C.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...cleanEnv(),
			[MARKER]: marker,
			N8N_DEV_VERSION: VERSION,
			N8N_DEV_PORT: String(await freePort()),
			N8N_DEV_USER_FOLDER: userFolder,
		},
	});
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	return { child, marker, output: () => output, exited };
}

const isN8n = (command: string) => /\bn8n\b.*\bstart\b/.test(command);
const isSimulator = (command: string) => command.includes('test/simulator/cli.ts');
const isWatchdog = (command: string) => command.includes('dev-reaper.mjs');
/** What dev starts for the user: everything but its own watchdog. */
const isStarted = (command: string) => !isWatchdog(command);

const n8nSpawned = (dev: Dev) =>
	until(
		'n8n to be spawned',
		() => (marked(dev.marker).some((p) => isN8n(p.command)) ? true : undefined),
		{ deadlineMs: START_DEADLINE_MS },
	);

/** The processes dev started that are still running, its watchdog aside. */
const startedLeft = (dev: Dev) =>
	marked(dev.marker)
		.map((p) => p.command)
		.filter(isStarted);

/** Waits until no marked process is left at all, the watchdog included. */
const noneLeft = (dev: Dev) =>
	until(
		'every started process to end',
		() => (marked(dev.marker).length === 0 ? true : undefined),
		{ deadlineMs: STOP_DEADLINE_MS },
	);

run('npm run dev', () => {
	let userFolder: string;
	const started: Dev[] = [];

	beforeAll(() => {
		userFolder = mkdtempSync(join(tmpdir(), 'dev-stop-'));
	});

	afterAll(() => {
		// Whatever a failed test left, so the machine stays clean.
		for (const dev of started)
			for (const { pid } of marked(dev.marker)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// gone
				}
			}
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('Ctrl-C once it is up stops n8n and the simulator before the command returns, even pressed twice', async () => {
		const dev = await startDev(userFolder);
		started.push(dev);
		await until(
			'"Press Ctrl-C to stop."',
			() => (dev.output().includes('Press Ctrl-C to stop.') ? true : undefined),
			{ deadlineMs: START_DEADLINE_MS },
		);
		const before = marked(dev.marker).map((p) => p.command);
		expect(before.some(isN8n)).toBe(true);
		expect(before.some(isSimulator)).toBe(true);

		// The terminal sends SIGINT to the whole group; a second press follows at once.
		process.kill(-dev.child.pid!, 'SIGINT');
		process.kill(-dev.child.pid!, 'SIGINT');
		await dev.exited;
		// When npm returns, n8n and the simulator are gone; the watchdog ends right after.
		expect(startedLeft(dev)).toEqual([]);
		expect(dev.output()).toContain('Stopped: n8n and the simulator are no longer running.');
		await noneLeft(dev);
	});

	it('a signal to npm’s own PID (an IDE, a process manager) stops n8n and the simulator too', async () => {
		const dev = await startDev(userFolder);
		started.push(dev);
		await until(
			'"Press Ctrl-C to stop."',
			() => (dev.output().includes('Press Ctrl-C to stop.') ? true : undefined),
			{ deadlineMs: START_DEADLINE_MS },
		);
		// `kill -INT <npm pid>`: npm passes it on to its child only, not to the group.
		process.kill(dev.child.pid!, 'SIGINT');
		let exited = false;
		void dev.exited.then(() => (exited = true));
		await until('npm to exit after a signal to its own PID', () => (exited ? true : undefined), {
			deadlineMs: STOP_DEADLINE_MS,
		});
		expect(startedLeft(dev)).toEqual([]);
		expect(dev.output()).toContain('Stopped: n8n and the simulator are no longer running.');
		await noneLeft(dev);
	});

	it('Ctrl-C while n8n is starting stops what was started so far', async () => {
		const dev = await startDev(userFolder);
		started.push(dev);
		await n8nSpawned(dev);
		expect(dev.output()).not.toContain('Press Ctrl-C to stop.');
		process.kill(-dev.child.pid!, 'SIGINT');
		await dev.exited;
		expect(startedLeft(dev)).toEqual([]);
		await noneLeft(dev);
	});

	it('when dev itself is killed outright, its watchdog stops n8n and the simulator', async () => {
		const dev = await startDev(userFolder);
		started.push(dev);
		await n8nSpawned(dev);
		// SIGKILL runs no handler and no exit hook: only the watchdog can clean up.
		process.kill(-dev.child.pid!, 'SIGKILL');
		await dev.exited;
		await noneLeft(dev);
	});
});
