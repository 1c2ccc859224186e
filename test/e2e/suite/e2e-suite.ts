import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { importCredentials, importWorkflows } from '../harness/n8n-cli';
import { packOnce } from '../harness/pack-once';
import { PROJECT_ROOT } from '../harness/paths';
import { prepareN8n, type PreparedN8n } from '../harness/profile';
import { SIM_PASSWORD, startSimulator, type RunningSimulator } from '../harness/simulator';
import { getVersionSpec, selectedVersions } from '../harness/versions';
import { simulatorCredentials, WRONG_PASSWORD } from '../fixtures/dataforseo';
import { harnessWorkflows } from '../fixtures/harness-workflows';
import { nodeWorkflows } from '../fixtures/node-workflows';
import type { SuiteContext } from './context';
import { harnessScenarios } from './harness-scenarios';
import { nodeScenarios } from './node-scenarios';

const SETUP_TIMEOUT_MS = 20 * 60_000;
const TEST_TIMEOUT_MS = 3 * 60_000;
const NODE_SOURCE = join(
	PROJECT_ROOT,
	'nodes',
	'DataForSeoDomainIntersection',
	'DataForSeoDomainIntersection.node.ts',
);

/**
 * Everything the e2e suite checks against one n8n release. One user folder and one simulator
 * per release: credentials and workflows are imported once, then each test executes one by id.
 * N8N_E2E_HARNESS_ONLY=1 checks the harness alone (plain n8n-nodes-base workflows).
 */
export function defineE2eSuite(version: string): void {
	jest.setTimeout(TEST_TIMEOUT_MS);
	const spec = getVersionSpec(version);
	const selected = selectedVersions().some((candidate) => candidate.version === version);
	const withNode = existsSync(NODE_SOURCE) && process.env.N8N_E2E_HARNESS_ONLY !== '1';

	(selected ? describe : describe.skip)(`n8n ${version}`, () => {
		let n8n: PreparedN8n | undefined;
		let sim: RunningSimulator | undefined;
		const context = (): SuiteContext => {
			if (!n8n || (withNode && !sim))
				throw new Error(`n8n ${version} was not prepared (see the beforeAll error)`);
			return { n8n, sim: sim as RunningSimulator };
		};

		beforeAll(async () => {
			const packed = withNode ? await packOnce() : undefined;
			n8n = await prepareN8n(spec, { packed });
			await importWorkflows(n8n, harnessWorkflows);
			if (!withNode) return;
			sim = await startSimulator();
			await importCredentials(n8n, simulatorCredentials(sim.url), [SIM_PASSWORD, WRONG_PASSWORD]);
			await importWorkflows(n8n, nodeWorkflows);
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			await sim?.stop();
			n8n?.dispose();
		});

		harnessScenarios(() => context().n8n);
		if (withNode) nodeScenarios(context);
	});
}
