import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { withLock } from './install-lock';
import { describeMarker, npm, readMarker, writeMarker } from './install-steps';
import { runCommand } from './proc';
import { node24Runtime, type NodeRuntime } from './runtime';
import { cacheRoot, NODE24_PACKAGE, node24InstallDir } from './versions';

/** Installs node@24 from npm into the cache (its preinstall fetches node-<platform>-<arch> with binary + headers). */
export async function ensureNode24(): Promise<NodeRuntime> {
	const dir = node24InstallDir();
	const label = `[${NODE24_PACKAGE}]`;
	if (readMarker(dir)?.what === NODE24_PACKAGE) return node24Runtime();
	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(`${dir}.lock`, label, async () => {
		if (readMarker(dir)?.what === NODE24_PACKAGE) return node24Runtime();
		const started = Date.now();
		console.log(`${label}: installing into ${dir}`);
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			join(dir, 'package.json'),
			`${JSON.stringify({ name: 'e2e-node24', private: true }, null, '\t')}\n`,
		);
		const host: NodeRuntime = { nodeBin: process.execPath, binDir: join(process.execPath, '..') };
		const args = [
			'install',
			NODE24_PACKAGE,
			'--ignore-scripts=false',
			'--no-audit',
			'--no-fund',
			'--foreground-scripts',
		];
		const logFile = join(cacheRoot(), 'node24.install.log');
		await npm({
			runtime: host,
			args,
			cwd: dir,
			label,
			logFile,
			detail: () => 'downloading the Node binary',
		});
		const runtime = node24Runtime();
		const version = await runCommand(runtime.nodeBin, ['-v']);
		if (!version.stdout.startsWith('v24.'))
			throw new Error(`${label}: ${runtime.nodeBin} is not Node 24`);
		if (!runtime.nodedir) throw new Error(`${label}: Node headers (include/node/node.h) not found`);
		const marker = await writeMarker(dir, NODE24_PACKAGE, started);
		console.log(`${label}: done, ${describeMarker(marker)}`);
		return runtime;
	});
}
