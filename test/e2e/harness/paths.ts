import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Root of the clone (package.json of the community package). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

export function makeTempDir(prefix: string): string {
	return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Removes a temp dir unless N8N_E2E_KEEP=1 (then prints where it is, for debugging). */
export function removeTempDir(dir: string): void {
	if (process.env.N8N_E2E_KEEP === '1') {
		console.log(`N8N_E2E_KEEP=1: keeping ${dir}`);
		return;
	}
	rmSync(dir, { recursive: true, force: true });
}
