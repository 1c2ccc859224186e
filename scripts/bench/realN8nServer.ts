/**
 * Section 7 in production's shape: a warm `n8n start`, the process schedules and webhooks run
 * in, with the workflow active and started by its production webhook, run after run in the same
 * process. The node's time is read from the execution n8n saved, as the editor opens it.
 */
import { activateWorkflows } from '../../test/e2e/harness/n8n-activate';
import type { N8nProfile } from '../../test/e2e/harness/n8n-env';
import { n8nRest } from '../../test/e2e/harness/n8n-rest';
import { startN8n } from '../../test/e2e/harness/n8n-server';
import type { RunData } from '../../test/e2e/harness/run-data';
import { until } from '../../test/e2e/harness/until';
import { callWebhook } from '../../test/e2e/harness/webhook';
import { webhookTrigger } from '../../test/e2e/fixtures/base-nodes';
import type { NodeSpec } from '../../test/e2e/fixtures/workflow-builder';
import { SIM_PASSWORD } from '../../test/simulator';
import { step } from './runners';
import type { SimProcess } from './simProcess';

const WEBHOOK_PATH = 'bench-return-all';

/** Gets each saved run; the warm-up's with `counted` false. */
export type RecordRun = (run: RunData, counted: boolean) => Promise<void>;

/** The trigger in front of the node: it answers with the first item only, so that turning
 * 40,921 rows into an HTTP answer is not part of what each run asks of n8n. */
export function benchWebhook(): NodeSpec {
	const hook = webhookTrigger('Webhook', WEBHOOK_PATH);
	return { ...hook, parameters: { ...hook.parameters, responseData: 'firstEntryJson' } };
}

/**
 * Activates the workflow, starts n8n and calls its webhook `runs + 1` times, one run after the
 * other; `record` gets each saved run, the first (warm-up) with `counted` false.
 */
export async function runsInServer(
	n8n: N8nProfile,
	sim: SimProcess,
	workflowId: string,
	runs: number,
	record: RecordRun,
): Promise<void> {
	await activateWorkflows(n8n, [workflowId]);
	step('Real n8n: starting n8n (warm server)');
	const server = await startN8n(n8n, { secrets: [SIM_PASSWORD] });
	try {
		const rest = await n8nRest(server.url);
		const seen = new Set<string>();
		for (let run = 0; run <= runs; run++) {
			step(`Real n8n, warm server, ${run === 0 ? 'warm-up' : `run ${run}`}`);
			await sim.reset();
			const answer = await callWebhook(server.url, WEBHOOK_PATH);
			if (answer.status !== 200)
				throw new Error(`the webhook answered ${answer.status}: ${answer.text.slice(0, 500)}`);
			// n8n answers when the last node is done and saves the run right after.
			const saved = await until('n8n to save the run', async () =>
				(await rest.executions(workflowId)).find(
					(entry) => !seen.has(entry.id) && entry.status !== 'running' && entry.status !== 'new',
				),
			);
			seen.add(saved.id);
			await record(await rest.run(saved.id), run > 0);
		}
	} finally {
		await server.stop();
	}
}
