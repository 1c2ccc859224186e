import { ManagedChild } from './child';
import { n8nEnv, type N8nProfile } from './n8n-env';
import { freePort } from './ports';
import { redact } from './redact';

export interface RunningN8n {
	readonly url: string;
	readonly port: number;
	recentOutput(): string;
	stop(): Promise<void>;
}

export interface StartN8nOptions {
	/** Fixed port (e.g. 5678 for `npm run dev`); default a free one. */
	readonly port?: number;
	readonly env?: NodeJS.ProcessEnv;
	readonly readyTimeoutMs?: number;
	readonly secrets?: readonly string[];
}

/** True once n8n at `url` answers /healthz/readiness (not /healthz, which answers before migrations). */
export async function isReady(url: string): Promise<true | undefined> {
	try {
		const response = await fetch(`${url}/healthz/readiness`);
		return response.status === 200 ? true : undefined;
	} catch {
		return undefined;
	}
}

/** `n8n start` on 127.0.0.1, resolved once /healthz/readiness answers 200 (DB migrated, nodes loaded). */
export async function startN8n(
	profile: N8nProfile,
	options: StartN8nOptions = {},
): Promise<RunningN8n> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const env = n8nEnv(profile, await freePort(), {
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: url,
		WEBHOOK_URL: `${url}/`,
		N8N_SECURE_COOKIE: 'false',
		...options.env,
	});
	const child = new ManagedChild(profile.runtime.nodeBin, [profile.n8nBin, 'start'], {
		cwd: profile.userFolder,
		env,
	});
	try {
		await child.waitFor(
			() => isReady(url),
			options.readyTimeoutMs ?? 120_000,
			`n8n start on ${url}`,
		);
	} catch (error) {
		await child.stop();
		const output = redact(child.recentOutput.slice(-8000), options.secrets);
		throw new Error(`${(error as Error).message}\n${output}`);
	}
	return {
		url,
		port,
		recentOutput: () => redact(child.recentOutput, options.secrets),
		stop: () => child.stop(),
	};
}
