import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { withLock } from './install-lock';
import { buildAndPack, type PackedPackage } from './pack';
import { PROJECT_ROOT } from './paths';

const SOURCE_ENTRIES = [
	'nodes',
	'credentials',
	'package.json',
	'tsconfig.json',
	'gulpfile.js',
	'README.md',
	'LICENSE.md',
];

function walk(path: string, out: string[]): void {
	if (!existsSync(path)) return;
	const stat = statSync(path);
	if (!stat.isDirectory()) {
		out.push(`${relative(PROJECT_ROOT, path)}:${stat.size}:${stat.mtimeMs}`);
		return;
	}
	for (const entry of readdirSync(path).sort()) walk(join(path, entry), out);
}

/** Changes whenever a file that goes into the package changes. */
function sourceFingerprint(): string {
	const entries: string[] = [];
	for (const entry of SOURCE_ENTRIES) walk(join(PROJECT_ROOT, entry), entries);
	return createHash('sha256').update(entries.join('\n')).digest('hex');
}

/**
 * buildAndPack, shared by all e2e test files of a run (and later runs while the sources
 * are unchanged): the tarball is cached in the OS temp dir keyed by project path.
 */
export async function packOnce(): Promise<PackedPackage> {
	const key = createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 12);
	const dir = join(tmpdir(), `n8n-e2e-pack-${key}`);
	mkdirSync(dir, { recursive: true });
	const infoFile = join(dir, 'packed.json');
	return withLock(join(dir, 'lock'), '[pack]', async () => {
		const fingerprint = sourceFingerprint();
		if (existsSync(infoFile)) {
			const cached = JSON.parse(readFileSync(infoFile, 'utf8')) as PackedPackage & {
				fingerprint: string;
			};
			if (cached.fingerprint === fingerprint && existsSync(cached.tarball)) return cached;
		}
		const packed = await buildAndPack(dir);
		writeFileSync(infoFile, JSON.stringify({ ...packed, fingerprint }));
		return packed;
	});
}
