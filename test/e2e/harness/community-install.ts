import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import type { PackedPackage } from './pack';
import { runCommand, tail } from './proc';
import { npmCliPath, runtimeEnv, type NodeRuntime } from './runtime';

type PackageJson = Record<string, unknown> & { dependencies?: Record<string, string> };

const STRIPPED_FIELDS = ['devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

function readJson(file: string): PackageJson {
	return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

function writeJson(file: string, value: unknown): void {
	writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** <userFolder>/.n8n/nodes/package.json as n8n keeps it: installed community packages are its dependencies. */
function registerInNodesPackageJson(nodesDir: string, pkg: PackedPackage): void {
	const file = join(nodesDir, 'package.json');
	const manifest: PackageJson = existsSync(file)
		? readJson(file)
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = { ...(manifest.dependencies ?? {}), [pkg.name]: pkg.version };
	writeJson(file, manifest);
}

/**
 * Installs a packed community package the way n8n's community-package installer does:
 * extract to <userFolder>/.n8n/nodes/node_modules/<name>, strip dev/peer/optional dependencies,
 * `npm install --ignore-scripts` inside it, and list it in nodes/package.json.
 */
export async function installCommunityPackage(
	userFolder: string,
	pkg: PackedPackage,
	runtime: NodeRuntime,
): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', pkg.name);
	mkdirSync(join(target, '..'), { recursive: true });
	// Extract next to the target so the final rename never crosses filesystems.
	const scratch = mkdtempSync(join(nodesDir, '.extract-'));
	try {
		const untar = await runCommand('tar', ['-xzf', pkg.tarball, '-C', scratch]);
		if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);
		rmSync(target, { recursive: true, force: true });
		renameSync(join(scratch, 'package'), target);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	const manifestFile = join(target, 'package.json');
	const manifest = readJson(manifestFile);
	for (const field of STRIPPED_FIELDS) delete manifest[field];
	writeJson(manifestFile, manifest);
	const install = await runCommand(
		runtime.nodeBin,
		[npmCliPath(), 'install', '--ignore-scripts', '--no-audit', '--no-fund'],
		{
			cwd: target,
			env: runtimeEnv(runtime),
		},
	);
	if (install.code !== 0)
		throw new Error(
			`npm install in ${target} failed (exit ${install.code}):\n${tail(install.stderr, 30)}`,
		);
	registerInNodesPackageJson(nodesDir, pkg);
	return target;
}
