import { runN8nCli } from './n8n-cli';
import type { N8nProfile } from './n8n-env';
import { tail } from './proc';

export function majorOf(profile: N8nProfile): number {
	return Number(profile.spec.version.split('.')[0]);
}

/**
 * Makes imported workflows active for the next `n8n start` (production webhooks, schedules).
 * 2.x publishes the current version (`publish:workflow`); 1.x sets `active`
 * (`update:workflow --active=true`). Both only take effect when n8n (re)starts.
 */
export async function activateWorkflows(
	profile: N8nProfile,
	ids: readonly string[],
): Promise<void> {
	for (const id of ids) {
		const args =
			majorOf(profile) >= 2
				? ['publish:workflow', `--id=${id}`]
				: ['update:workflow', `--id=${id}`, '--active=true'];
		const result = await runN8nCli(profile, args);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code ?? result.signal}:\n${tail(`${result.stdout}\n${result.stderr}`, 30)}`,
			);
	}
}
