import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function ownerPid(lockDir: string): number | undefined {
	try {
		return Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Holds an exclusive cross-process lock (an atomic mkdir) while fn runs.
 * Waits for a live holder with progress lines; steals the lock of a dead one.
 */
export async function withLock<T>(
	lockDir: string,
	label: string,
	fn: () => Promise<T>,
): Promise<T> {
	const started = Date.now();
	let lastNotice = 0;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = ownerPid(lockDir);
			if (pid !== undefined && !Number.isNaN(pid) && !isAlive(pid)) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - lastNotice > 15_000) {
				lastNotice = Date.now();
				const seconds = Math.round((Date.now() - started) / 1000);
				console.log(
					`${label}: waiting for another install (pid ${pid ?? '?'}) to finish (${seconds}s)`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}
