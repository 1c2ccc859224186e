import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCommand, tail, type RunResult } from './proc';
import { npmCliPath, runtimeEnv, type NodeRuntime } from './runtime';
import { MARKER_FILE } from './versions';

/** Written last, only after an install fully succeeded: its presence makes re-runs instant. */
export interface InstallMarker {
	readonly what: string;
	readonly installedAt: string;
	readonly durationMs: number;
	readonly sizeBytes?: number;
}

const HEARTBEAT_MS = 15_000;

export function readMarker(dir: string): InstallMarker | undefined {
	const file = join(dir, MARKER_FILE);
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as InstallMarker;
	} catch {
		return undefined;
	}
}

/**
 * A heartbeat detail for a long install: the phase, the megabytes on disk so far against what a
 * full install takes, e.g. "downloading n8n's packages (step 1 of 2): 812 of about 2,200 MB".
 * The size is measured in the background, so the heartbeat itself never waits for `du`.
 */
export function sizeProgress(dir: string, phase: string, expectedBytes: number): () => string {
	let bytes: number | undefined;
	let measuring = false;
	const measure = () => {
		if (measuring) return;
		measuring = true;
		void diskUsage(dir)
			.then((size) => (bytes = size ?? bytes))
			.finally(() => (measuring = false));
	};
	measure();
	return () => {
		measure();
		const mb = (value: number) => Math.round(value / 1e6).toLocaleString('en-US');
		const size = bytes === undefined ? '' : `: ${mb(bytes)} of about ${mb(expectedBytes)} MB`;
		return `${phase}${size}`;
	};
}

async function diskUsage(dir: string): Promise<number | undefined> {
	const result = await runCommand('du', ['-sb', dir]);
	const bytes = Number(result.stdout.split('\t')[0]);
	return Number.isFinite(bytes) ? bytes : undefined;
}

function check(result: RunResult, label: string, logFile: string): void {
	if (result.code === 0) return;
	throw new Error(
		`${label} failed (exit ${result.code ?? result.signal}); full log: ${logFile}\n${tail(result.stderr, 40)}`,
	);
}

export interface NpmStep {
	readonly runtime: NodeRuntime;
	readonly args: readonly string[];
	readonly cwd: string;
	readonly label: string;
	readonly logFile: string;
	readonly detail: () => string;
}

export async function npm(step: NpmStep): Promise<void> {
	const { runtime, args, cwd, label, logFile, detail } = step;
	console.log(`${label}: npm ${args.join(' ')}`);
	const result = await runCommand(runtime.nodeBin, [npmCliPath(), ...args], {
		cwd,
		env: runtimeEnv(runtime),
		logFile,
		heartbeat: { label, everyMs: HEARTBEAT_MS, detail },
	});
	check(result, `${label}: npm ${args[0]}`, logFile);
}

export async function writeMarker(
	dir: string,
	what: string,
	started: number,
): Promise<InstallMarker> {
	const marker: InstallMarker = {
		what,
		installedAt: new Date().toISOString(),
		durationMs: Date.now() - started,
		sizeBytes: await diskUsage(dir),
	};
	writeFileSync(join(dir, MARKER_FILE), `${JSON.stringify(marker, null, '\t')}\n`);
	return marker;
}

export function describeMarker(marker: InstallMarker): string {
	const size = marker.sizeBytes ? `, ${(marker.sizeBytes / 1e9).toFixed(2)} GB` : '';
	return `${marker.what} (installed ${marker.installedAt} in ${Math.round(marker.durationMs / 1000)}s${size})`;
}
