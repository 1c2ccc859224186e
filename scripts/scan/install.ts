import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { withLock } from '../../test/e2e/harness/install-lock';
import { PROJECT_ROOT } from '../../test/e2e/harness/paths';
import { cleanEnv, runCommand, tail } from '../../test/e2e/harness/proc';

export const SCANNER_PACKAGE = '@n8n/scan-community-package';
export const SCANNER_VERSION = '0.32.0';
/**
 * The scanner pins TypeScript 7, which its typescript-eslint cannot load; a 5.x beside it is
 * the one typescript-eslint resolves. n8n-workflow is a peer of n8n's ESLint plugin that
 * --legacy-peer-deps leaves out.
 */
const TYPESCRIPT_VERSION = '5.9.3';

const MARKER = '.scan-install-complete.json';

interface Marker {
	readonly what: string;
	readonly installedAt: string;
	readonly durationMs: number;
}

export function scanCacheDir(): string {
	return (
		process.env.N8N_SCAN_CACHE?.trim() || join(homedir(), '.cache', 'n8n-nodes-dataforseo-scan')
	);
}

/** The n8n-workflow the package is developed against, so the scanner's rules see the same one. */
function n8nWorkflowVersion(): string {
	const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		devDependencies: Record<string, string>;
	};
	return pkg.devDependencies['n8n-workflow'];
}

function dependencies(): Record<string, string> {
	return {
		[SCANNER_PACKAGE]: SCANNER_VERSION,
		typescript: TYPESCRIPT_VERSION,
		'n8n-workflow': n8nWorkflowVersion(),
	};
}

function describe(deps: Record<string, string>): string {
	return Object.entries(deps)
		.map(([name, version]) => `${name}@${version}`)
		.join(' ');
}

function readMarker(dir: string): Marker | undefined {
	const file = join(dir, MARKER);
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Marker;
	} catch {
		return undefined;
	}
}

/** Path of the scanner's module that exports analyzePackage. */
export function scannerModule(dir = scanCacheDir()): string {
	return join(dir, 'node_modules', SCANNER_PACKAGE, 'scanner', 'scanner.mjs');
}

/**
 * Installs the scanner into the cache folder once (outside the repo, so it never enters
 * package.json or the lockfile). The marker is written only after a complete install; a lock
 * keeps two runs from installing at the same time. Returns the cache folder.
 */
export async function ensureScanner(log: (line: string) => void): Promise<string> {
	const dir = scanCacheDir();
	const deps = dependencies();
	const what = describe(deps);
	const cached = readMarker(dir);
	if (cached?.what === what) {
		log(`scanner cached in ${dir} (installed ${cached.installedAt})`);
		return dir;
	}
	mkdirSync(dir, { recursive: true });
	return withLock(`${dir}.lock`, '[scan install]', async () => {
		if (readMarker(dir)?.what === what) return dir;
		const started = Date.now();
		const logFile = join(dir, 'install.log');
		log(`installing ${what} into ${dir} (log: ${logFile})`);
		const pkg = { name: 'n8n-nodes-dataforseo-scan', private: true, dependencies: deps };
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, '\t')}\n`);
		const args = ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund'];
		const result = await runCommand('npm', args, {
			cwd: dir,
			env: cleanEnv(),
			logFile,
			heartbeat: { label: '[scan install]', everyMs: 15_000 },
		});
		if (result.code !== 0 || !existsSync(scannerModule(dir))) {
			throw new Error(
				`npm ${args.join(' ')} failed (exit ${result.code ?? result.signal}); full log: ${logFile}\n${tail(result.stderr, 30)}`,
			);
		}
		const marker: Marker = {
			what,
			installedAt: new Date().toISOString(),
			durationMs: Date.now() - started,
		};
		writeFileSync(join(dir, MARKER), `${JSON.stringify(marker, null, '\t')}\n`);
		log(`scanner installed in ${Math.round(marker.durationMs / 1000)}s`);
		return dir;
	});
}
