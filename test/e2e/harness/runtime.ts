import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

import { cleanEnv } from './proc';
import { node24InstallDir, type N8nVersionSpec } from './versions';

/** Where a Node.js runtime lives: the binary, its bin dir (first on PATH) and headers for node-gyp. */
export interface NodeRuntime {
	readonly nodeBin: string;
	readonly binDir: string;
	readonly nodedir?: string;
}

function majorOf(nodeBin: string): number {
	const version = execFileSync(nodeBin, ['-v'], { encoding: 'utf8' }).trim();
	return Number(version.replace(/^v/, '').split('.')[0]);
}

function findOnPath(major: number): string | undefined {
	if (majorOf(process.execPath) === major) return process.execPath;
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		const candidate = join(dir, 'node');
		if (dir && existsSync(candidate) && majorOf(candidate) === major) return candidate;
	}
	return undefined;
}

/** node@24 from npm: bin/node is a hard link to node-<platform>-<arch>/bin/node, which ships include/node. */
export function node24Runtime(): NodeRuntime {
	const pkgDir = join(node24InstallDir(), 'node_modules', 'node');
	const nodeBin = join(pkgDir, 'bin', 'node');
	const archPkg = `node-${process.platform}-${process.arch}`;
	const nodedir = [
		join(pkgDir, 'node_modules', archPkg),
		join(node24InstallDir(), 'node_modules', archPkg),
	].find((dir) => existsSync(join(dir, 'include', 'node', 'node.h')));
	return { nodeBin, binDir: dirname(nodeBin), nodedir };
}

export function machineRuntime(major: number): NodeRuntime {
	const override = process.env[`N8N_E2E_NODE${major}`];
	const nodeBin = override || findOnPath(major);
	if (!nodeBin)
		throw new Error(`No Node ${major} found on PATH (set N8N_E2E_NODE${major}=/path/to/node)`);
	return { nodeBin, binDir: dirname(nodeBin) };
}

export function runtimeFor(spec: N8nVersionSpec): NodeRuntime {
	return spec.nodeMajor === 24 ? node24Runtime() : machineRuntime(spec.nodeMajor);
}

/** Env with the runtime's bin dir first on PATH (so `npm`/`node` children use it) and no leaked npm_* config. */
export function runtimeEnv(runtime: NodeRuntime, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = cleanEnv();
	env.PATH = [runtime.binDir, env.PATH ?? ''].join(delimiter);
	if (runtime.nodedir) env.npm_config_nodedir = runtime.nodedir;
	return { ...env, ...extra };
}

/** The npm CLI script of the machine, run with the selected node binary. */
export function npmCliPath(): string {
	const fromEnv = process.env.N8N_E2E_NPM_CLI;
	if (fromEnv) return fromEnv;
	const npmBin = execFileSync('sh', ['-c', 'command -v npm'], {
		encoding: 'utf8',
		env: cleanEnv(),
	}).trim();
	const real = execFileSync('readlink', ['-f', npmBin], { encoding: 'utf8' }).trim();
	return real;
}
