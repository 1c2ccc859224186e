import { executeOk, executeWorkflow } from '../harness/n8n-cli';
import type { N8nProfile } from '../harness/n8n-env';
import { startN8n } from '../harness/n8n-server';
import { nodeJson } from '../harness/run-data';
import { harnessFailingWorkflow, harnessSmokeWorkflow } from '../fixtures/harness-workflows';

/** Checks of the harness itself; needs harnessWorkflows imported into the profile. */
export function harnessScenarios(profile: () => N8nProfile): void {
	describe('harness', () => {
		it('executes an imported workflow by id and returns its run data', async () => {
			const run = await executeOk(profile(), harnessSmokeWorkflow.id);
			expect(nodeJson(run, 'Set')).toEqual([{ greeting: 'hello', answer: 42 }]);
			expect(nodeJson(run, 'Code')).toEqual([
				{ n: 1, greeting: 'hello' },
				{ n: 2, greeting: 'hello' },
				{ n: 3, greeting: 'hello' },
			]);
		});

		it('reports a failing workflow with the node error', async () => {
			const result = await executeWorkflow(profile(), harnessFailingWorkflow.id);
			expect(result.ok).toBe(false);
			expect(result.output).toContain('e2e-intentional-failure');
		});

		it('starts n8n on 127.0.0.1 and stops it again', async () => {
			const server = await startN8n(profile());
			try {
				const response = await fetch(`${server.url}/healthz/readiness`);
				expect(response.status).toBe(200);
			} finally {
				await server.stop();
			}
			await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
		});
	});
}
