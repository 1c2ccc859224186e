import { executeOk, executeWorkflow } from '../harness/n8n-cli';
import { nodeJson, nodeOutput, nodeRan } from '../harness/run-data';
import { SIM_LOGIN } from '../harness/simulator';
import { WRONG_PASSWORD } from '../fixtures/dataforseo';
import {
	continueRegularWorkflow,
	DFS,
	errorOutputWorkflow,
	wrongPasswordWorkflow,
} from '../fixtures/node-workflows';
import { mixedErrorWorkflow, SAME, SPLIT } from '../fixtures/error-workflows';
import type { ContextGetter } from './context';

const INVALID_FIELD = "Invalid Field: 'filters'.";

export function errorScenarios(context: ContextGetter): void {
	it('routes an API error (40501) to the error output and the workflow continues', async () => {
		const { n8n, sim } = context();
		await sim.fail([{ taskCode: 40501, message: INVALID_FIELD }]);
		const run = await executeOk(n8n, errorOutputWorkflow.id);

		expect(nodeJson(run, DFS, 0)).toHaveLength(0);
		const errors = nodeJson(run, DFS, 1);
		expect(errors).toHaveLength(1);
		expect(JSON.stringify(errors[0])).toContain(INVALID_FIELD);
		expect(nodeRan(run, 'Succeeded')).toBe(false);
		expect(nodeJson(run, 'Handle Error')).toEqual([expect.objectContaining({ branch: 'error' })]);
	});

	it('turns an API error into a regular item with "continue" and the workflow goes on', async () => {
		const { n8n, sim } = context();
		await sim.fail([{ taskCode: 40501, message: INVALID_FIELD }]);
		const run = await executeOk(n8n, continueRegularWorkflow.id);

		const items = nodeJson(run, DFS);
		expect(items).toHaveLength(1);
		expect(String(items[0].error)).toContain('40501');
		expect(JSON.stringify(items[0])).toContain(INVALID_FIELD);
		expect(nodeJson(run, 'After')).toEqual([expect.objectContaining({ continued: 'yes' })]);
	});

	it('per item: the failing item goes to the error output, or stays on the regular one', async () => {
		const { n8n } = context();
		const run = await executeOk(n8n, mixedErrorWorkflow.id);
		const paired = (items: ReturnType<typeof nodeOutput>): unknown[] =>
			items.map((item) => item.pairedItem);

		const rows = nodeOutput(run, SPLIT, 0);
		expect(paired(rows)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const errors = nodeOutput(run, SPLIT, 1);
		expect(paired(errors)).toEqual([{ item: 1 }]);
		expect(JSON.stringify(errors[0].json)).toContain(INVALID_FIELD);
		expect(nodeJson(run, 'Rows')).toHaveLength(3);
		expect(nodeJson(run, 'Errors')).toEqual([expect.objectContaining({ branch: 'error' })]);

		const same = nodeOutput(run, SAME, 0);
		expect(paired(same)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }]);
		expect(same.slice(0, 3).every((item) => typeof item.json.referring_domain === 'string')).toBe(
			true,
		);
		expect(String(same[3].json.error)).toContain(INVALID_FIELD);
		expect(nodeOutput(run, SAME, 1)).toEqual([]);
	});

	it('fails with a clear credentials message on a wrong password, without printing it', async () => {
		const { n8n, sim } = context();
		const result = await executeWorkflow(n8n, wrongPasswordWorkflow.id, [WRONG_PASSWORD]);
		const log = await sim.log();
		expect(log.length).toBeGreaterThan(0);
		expect(log.filter((entry) => entry.authorized)).toEqual([]);

		expect(result.ok).toBe(false);
		const error = result.run?.data.resultData.error;
		expect(`${error?.message ?? ''} ${error?.description ?? ''}`).toMatch(
			/login|password|credential/i,
		);
		expect(result.leaks(WRONG_PASSWORD)).toBe(false);
		expect(result.leaks(`${SIM_LOGIN}:${WRONG_PASSWORD}`)).toBe(false);
	});
}
