import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { ManagedChild } from './child';
import { withLock } from './install-lock';
import { makeTempDir, removeTempDir } from './paths';
import { freePort } from './ports';
import { cleanEnv, runCommand, tail } from './proc';
import { cacheRoot } from './versions';

const DEBIAN_REDIS = '/usr/bin/redis-server';

/** N8N_E2E_REDIS_SERVER, else Debian's binary, else redis-server on PATH. */
function findRedisServer(): string | undefined {
	const override = process.env.N8N_E2E_REDIS_SERVER?.trim();
	if (override) return existsSync(override) ? override : undefined;
	if (existsSync(DEBIAN_REDIS)) return DEBIAN_REDIS;
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && existsSync(join(dir, 'redis-server'))) return join(dir, 'redis-server');
	}
	return undefined;
}

async function aptGet(args: readonly string[]): Promise<{ ok: boolean; output: string }> {
	const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
	const result = await runCommand('apt-get', args, { env, timeoutMs: 10 * 60_000 });
	return { ok: result.code === 0, output: tail(`${result.stdout}\n${result.stderr}`, 20) };
}

/**
 * Debian's redis-server, installed with apt-get only when the binary is missing (CI images can
 * pre-install it). Serialized across jest workers: two apt-get runs would fight over dpkg's lock.
 */
export async function ensureRedisServer(): Promise<string> {
	const found = findRedisServer();
	if (found) return found;
	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(join(cacheRoot(), 'redis-apt.lock'), '[redis-server]', async () => {
		const other = findRedisServer();
		if (other) return other;
		if (process.env.N8N_E2E_REDIS_SERVER?.trim() || process.getuid?.() !== 0)
			throw new Error('redis-server not found; install it: sudo apt-get install -y redis-server');
		console.log('[redis-server]: not installed, running apt-get install -y redis-server');
		const install = ['install', '-y', '--no-install-recommends', 'redis-server'];
		let result = await aptGet(install);
		if (!result.ok) {
			await aptGet(['update']);
			result = await aptGet(install);
		}
		if (!result.ok || !existsSync(DEBIAN_REDIS))
			throw new Error(`apt-get install redis-server failed:\n${result.output}`);
		return DEBIAN_REDIS;
	});
}

export interface RunningRedis {
	readonly port: number;
	stop(): Promise<void>;
}

/** A throw-away Redis on 127.0.0.1 and a free port: no persistence, data dir in a temp folder. */
export async function startRedis(): Promise<RunningRedis> {
	const binary = await ensureRedisServer();
	const port = await freePort();
	const dir = makeTempDir('n8n-e2e-redis');
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
	const child = new ManagedChild(binary, [...args, '--dir', dir], { cwd: dir, env: cleanEnv() });
	const stop = async (): Promise<void> => {
		await child.stop();
		removeTempDir(dir);
	};
	try {
		await child.waitFor(
			() => (/Ready to accept connections/.test(child.recentOutput) ? true : undefined),
			20_000,
			`redis-server on port ${port}`,
		);
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}\n${tail(child.recentOutput, 20)}`);
	}
	return { port, stop };
}
