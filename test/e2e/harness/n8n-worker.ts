import { ManagedChild } from './child';
import { n8nEnv, type N8nProfile } from './n8n-env';
import { isReady } from './n8n-server';
import { freePort } from './ports';
import { redact } from './redact';

/** Env of every process of one n8n queue-mode deployment (main, workers): Redis and the mode. */
export function queueModeEnv(redisPort: number): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
	};
}

export interface RunningWorker {
	/** Port of the worker's health-check server (/healthz, /healthz/readiness). */
	readonly port: number;
	recentOutput(): string;
	stop(): Promise<void>;
}

/**
 * `n8n worker` for the profile's user folder and database (the main process's encryption key),
 * with its own task broker and health-check port, plus `args` (e.g. `--concurrency=1`); resolved once /healthz/readiness answers 200
 * (DB and Redis connected).
 */
export async function startN8nWorker(
	profile: N8nProfile,
	env: NodeJS.ProcessEnv,
	secrets: readonly string[] = [],
	args: readonly string[] = [],
): Promise<RunningWorker> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const workerEnv = n8nEnv(profile, await freePort(), {
		...env,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_PORT: String(port),
	});
	const child = new ManagedChild(profile.runtime.nodeBin, [profile.n8nBin, 'worker', ...args], {
		cwd: profile.userFolder,
		env: workerEnv,
	});
	try {
		await child.waitFor(() => isReady(url), 5 * 60_000, `n8n worker (health check on ${url})`);
	} catch (error) {
		await child.stop();
		throw new Error(
			`${(error as Error).message}\n${redact(child.recentOutput.slice(-8000), secrets)}`,
		);
	}
	return {
		port,
		recentOutput: () => redact(child.recentOutput, secrets),
		stop: () => child.stop(),
	};
}
