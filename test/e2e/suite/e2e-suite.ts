import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { activateWorkflows } from '../harness/n8n-activate';
import { importCredentials, importWorkflows } from '../harness/n8n-cli';
import { packOnce } from '../harness/pack-once';
import { PROJECT_ROOT } from '../harness/paths';
import { prepareN8n, type PreparedN8n } from '../harness/profile';
import { SIM_PASSWORD, startSimulator, type RunningSimulator } from '../harness/simulator';
import { getVersionSpec, selectedVersions } from '../harness/versions';
import { startDocsServer, type DocsServer } from '../harness/docs-server';
import {
	docsResponseCredentials,
	liveSimCredentials,
	simulatorCredentials,
	WRONG_PASSWORD,
} from '../fixtures/dataforseo';
import { mixedErrorWorkflow } from '../fixtures/error-workflows';
import { readExamples, runnableExample } from '../fixtures/examples';
import { harnessWorkflows } from '../fixtures/harness-workflows';
import { nodeWorkflows } from '../fixtures/node-workflows';
import { runControlWorkflows } from '../fixtures/run-control-workflows';
import { trustWorkflows } from '../fixtures/trust-workflows';
import { webhookWorkflows } from '../fixtures/webhook-workflows';
import { onlyNewItemsWorkflow } from '../fixtures/only-new-workflows';
import { LIVE_GRAPH_SIZE, type SuiteContext } from './context';
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
		let liveSim: RunningSimulator | undefined;
		let docs: DocsServer | undefined;
		const context = (): SuiteContext => {
			if (!n8n || (withNode && (!sim || !liveSim || !docs)))
				throw new Error(`n8n ${version} was not prepared (see the beforeAll error)`);
			return {
				n8n,
				sim: sim as RunningSimulator,
				liveSim: liveSim as RunningSimulator,
				docs: docs as DocsServer,
			};
		};

		beforeAll(async () => {
			const packed = withNode ? await packOnce() : undefined;
			n8n = await prepareN8n(spec, { packed });
			if (!withNode) {
				await importWorkflows(n8n, harnessWorkflows);
				return;
			}
			sim = await startSimulator();
			liveSim = await startSimulator(['--graph-size', String(LIVE_GRAPH_SIZE)]);
			docs = await startDocsServer();
			const credentials = [
				...simulatorCredentials(sim.url),
				...liveSimCredentials(liveSim.url),
				...docsResponseCredentials(docs.url),
			];
			await importCredentials(n8n, credentials, [SIM_PASSWORD, WRONG_PASSWORD]);
			const examples = readExamples().map(runnableExample);
			await importWorkflows(n8n, [
				...harnessWorkflows,
				...nodeWorkflows,
				mixedErrorWorkflow,
				...runControlWorkflows,
				...webhookWorkflows,
				...trustWorkflows,
				onlyNewItemsWorkflow,
				...examples,
			]);
			// Production webhooks of every later `n8n start` (regular and queue mode).
			await activateWorkflows(n8n, [
				...webhookWorkflows.map((workflow) => workflow.id),
				onlyNewItemsWorkflow.id,
			]);
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			await sim?.stop();
			await liveSim?.stop();
			await docs?.stop();
			n8n?.dispose();
		});

		harnessScenarios(() => context().n8n);
		if (withNode) nodeScenarios(context, version);
	});
}
