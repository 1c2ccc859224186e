import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { n8nEnv, type N8nProfile } from './n8n-env';
import { freePort } from './ports';
import { runCommand, tail, type RunResult } from './proc';
import { redact } from './redact';
import { extractRunJson, logLinesOnly, type RunData } from './run-data';

const CLI_TIMEOUT_MS = 180_000;

let outputFiles = 0;

/**
 * Runs one `n8n <command>` to completion against the profile's user folder. stdout goes through a
 * file: `n8n execute` logs the run JSON and exits right after, which can cut megabytes short on a pipe.
 */
export async function runN8nCli(profile: N8nProfile, args: readonly string[]): Promise<RunResult> {
	const env = n8nEnv(profile, await freePort());
	const stdoutFile = join(profile.userFolder, `.cli-stdout-${process.pid}-${++outputFiles}.txt`);
	return runCommand(profile.runtime.nodeBin, [profile.n8nBin, ...args], {
		cwd: profile.userFolder,
		env,
		timeoutMs: CLI_TIMEOUT_MS,
		stdoutFile,
	});
}

function describeFailure(label: string, result: RunResult, secrets: readonly string[]): string {
	const output = tail(`${result.stdout}\n--- stderr ---\n${result.stderr}`, 60);
	return redact(`${label} exited with ${result.code ?? result.signal}:\n${output}`, secrets);
}

async function importFile(
	profile: N8nProfile,
	kind: 'credentials' | 'workflow',
	items: readonly unknown[],
	secrets: readonly string[],
): Promise<void> {
	const file = join(profile.userFolder, `import-${kind}-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(items, null, '\t'));
	const result = await runN8nCli(profile, [`import:${kind}`, `--input=${file}`]);
	if (result.code !== 0) throw new Error(describeFailure(`n8n import:${kind}`, result, secrets));
}

/** Imports credentials; `data` given as a plain object is encrypted by n8n at import. */
export function importCredentials(
	profile: N8nProfile,
	credentials: readonly unknown[],
	secrets: readonly string[] = [],
): Promise<void> {
	return importFile(profile, 'credentials', credentials, secrets);
}

export function importWorkflows(profile: N8nProfile, workflows: readonly unknown[]): Promise<void> {
	return importFile(profile, 'workflow', workflows, []);
}

export interface ExecuteResult {
	readonly ok: boolean;
	readonly code: number | null;
	/** Parsed run; present whenever n8n printed one, also for failed executions. */
	readonly run?: RunData;
	/** stdout + stderr with secrets masked, for assertions on error messages. */
	readonly output: string;
	/** Like output, without the run JSON: what to show when something went wrong. */
	readonly logs: string;
	readonly durationMs: number;
	/** Whether n8n's unredacted output contains the secret, plainly or base64-encoded (as in Basic auth). */
	leaks(secret: string): boolean;
}

function leakChecker(raw: string): (secret: string) => boolean {
	return (secret) => {
		const base64 = Buffer.from(secret).toString('base64').replace(/=+$/, '');
		return raw.includes(secret) || raw.includes(base64);
	};
}

/**
 * `n8n execute --id=ID --rawOutput`. (1.x `--file` exits 0 without running, so only --id is used.)
 * ok means exit code 0 and a parsed run without a workflow-level error.
 */
export async function executeWorkflow(
	profile: N8nProfile,
	id: string,
	secrets: readonly string[] = [],
): Promise<ExecuteResult> {
	const result = await runN8nCli(profile, ['execute', `--id=${id}`, '--rawOutput']);
	const run = extractRunJson(result.stdout);
	const ok = result.code === 0 && run !== undefined && !run.data.resultData.error;
	return {
		ok,
		code: result.code,
		run,
		output: redact(`${result.stdout}\n${result.stderr}`, secrets),
		logs: redact(`${logLinesOnly(result.stdout)}\n${result.stderr}`, secrets),
		durationMs: result.durationMs,
		leaks: leakChecker(`${result.stdout}\n${result.stderr}`),
	};
}

/** Like executeWorkflow, but throws with n8n's (redacted) output unless the run succeeded. */
export async function executeOk(
	profile: N8nProfile,
	id: string,
	secrets: readonly string[] = [],
): Promise<RunData> {
	const result = await executeWorkflow(profile, id, secrets);
	if (!result.ok || !result.run) {
		const error = result.run?.data.resultData.error;
		const reason = error
			? `${error.message ?? ''} ${error.description ?? ''}`
			: 'no run data printed';
		throw new Error(
			redact(
				`workflow ${id} failed (exit ${result.code}): ${reason}\n${tail(result.logs, 40)}`,
				secrets,
			),
		);
	}
	return result.run;
}
