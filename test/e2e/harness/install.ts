import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { withLock } from './install-lock';
import { ensureNode24 } from './install-node24';
import { describeMarker, npm, readMarker, sizeProgress, writeMarker } from './install-steps';
import { runCommand, tail } from './proc';
import { runtimeEnv, runtimeFor, type NodeRuntime } from './runtime';
import { cacheRoot, n8nInstallDir, type N8nVersionSpec } from './versions';

export function isN8nInstalled(spec: N8nVersionSpec): boolean {
	return readMarker(n8nInstallDir(spec.version))?.what === `n8n@${spec.version}`;
}

/** What a full n8n install takes on disk (2.41.1: 2.23 GB), for the progress line. */
const INSTALLED_BYTES = 2.2e9;

/** Installs n8n@version into the cache once; later calls return immediately. Returns the n8n bin script. */
export async function ensureN8n(spec: N8nVersionSpec): Promise<string> {
	const dir = n8nInstallDir(spec.version);
	const what = `n8n@${spec.version}`;
	const label = `[${what}]`;
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const existing = readMarker(dir);
	if (existing?.what === what) {
		console.log(`${label}: cached, ${describeMarker(existing)}`);
		return n8nBin;
	}
	if (spec.nodeMajor === 24) await ensureNode24();
	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(`${dir}.lock`, label, async () => {
		if (readMarker(dir)?.what === what) return n8nBin;
		const started = Date.now();
		const runtime = runtimeFor(spec);
		const logFile = join(cacheRoot(), `n8n-${spec.version}.install.log`);
		console.log(`${label}: installing into ${dir} with ${runtime.nodeBin} (log: ${logFile})`);
		console.log(
			`${label}: this happens once per n8n version: about 2.2 GB, typically 5 to 10 minutes. Later starts take seconds.`,
		);
		mkdirSync(dir, { recursive: true });
		const pkg = {
			name: `e2e-n8n-${spec.version.replace(/\./g, '-')}`,
			private: true,
			dependencies: { n8n: spec.version },
			overrides: spec.overrides,
		};
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, '\t')}\n`);
		const install = ['install', '--ignore-scripts', '--no-audit', '--no-fund'];
		await npm({
			runtime,
			args: install,
			cwd: dir,
			label,
			logFile,
			detail: sizeProgress(dir, "downloading n8n's packages (step 1 of 2)", INSTALLED_BYTES),
		});
		// Compile from source: prebuild-install would otherwise try to download a binary from GitHub.
		const rebuild = [
			'rebuild',
			'sqlite3',
			'--ignore-scripts=false',
			'--build-from-source',
			'--foreground-scripts',
		];
		await npm({
			runtime,
			args: rebuild,
			cwd: dir,
			label,
			logFile,
			detail: () => 'compiling sqlite3, the database n8n uses (step 2 of 2, about a minute)',
		});
		await verify(runtime, dir, n8nBin, spec, label);
		const marker = await writeMarker(dir, what, started);
		console.log(`${label}: done, ${describeMarker(marker)}`);
		return n8nBin;
	});
}

async function verify(
	runtime: NodeRuntime,
	dir: string,
	n8nBin: string,
	spec: N8nVersionSpec,
	label: string,
): Promise<void> {
	const sqlite = await runCommand(
		runtime.nodeBin,
		['-e', "require('sqlite3'); console.log('sqlite3 ok')"],
		{ cwd: dir, env: runtimeEnv(runtime) },
	);
	if (sqlite.code !== 0)
		throw new Error(`${label}: sqlite3 does not load:\n${tail(sqlite.stderr, 20)}`);
	const version = await runCommand(runtime.nodeBin, [n8nBin, '--version'], {
		cwd: dir,
		env: runtimeEnv(runtime, { ...spec.env }),
	});
	if (!version.stdout.includes(spec.version)) {
		throw new Error(
			`${label}: n8n --version printed ${JSON.stringify(version.stdout.trim())}:\n${tail(version.stderr, 20)}`,
		);
	}
	console.log(`${label}: verified (sqlite3 loads, n8n --version = ${version.stdout.trim()})`);
}
