import { activateWorkflows } from '../harness/n8n-activate';
import { importCredentials, importWorkflows } from '../harness/n8n-cli';
import { startN8n, type RunningN8n } from '../harness/n8n-server';
import { packOnce } from '../harness/pack-once';
import { prepareN8n, type PreparedN8n } from '../harness/profile';
import { startDocsServer, type DocsServer } from '../harness/docs-server';
import {
	FAKE_OPENAI_KEY,
	startFakeChatModel,
	type FakeChatModel,
} from '../harness/fake-chat-model';
import { startSimulator, SIM_PASSWORD, type RunningSimulator } from '../harness/simulator';
import { COMPAT_VERSIONS, getVersionSpec } from '../harness/versions';
import { fakeOpenAiCredential } from '../fixtures/agent-workflows';
import { CONVERSATIONS } from '../fixtures/agent-conversations';
import {
	docsResponseCredentials,
	liveSimCredentials,
	simulatorCredentials,
	WRONG_PASSWORD,
} from '../fixtures/dataforseo';
import { nodeWorkflows } from '../fixtures/node-workflows';
import { linkGapHookWorkflow } from '../fixtures/webhook-workflows';
import { LIVE_GRAPH_SIZE, type SuiteContext } from '../suite/context';
import { dataScenarios } from '../suite/data-scenarios';
import { compatAgentWorkflow } from './compat-agent';
import { loadingScenario, onlyNewPairScenario, toolScenario } from './compat-scenarios';

const SETUP_TIMEOUT_MS = 25 * 60_000;
const START_TIMEOUT_MS = 5 * 60_000;
const TEST_TIMEOUT_MS = 3 * 60_000;

/** Versions chosen by N8N_COMPAT_VERSIONS (comma-separated), default every compatibility version. */
function selected(version: string): boolean {
	const raw = process.env.N8N_COMPAT_VERSIONS?.trim();
	if (!raw) return COMPAT_VERSIONS.some((spec) => spec.version === version);
	return raw.split(',').some((part) => part.trim() === version);
}

export interface CompatContext extends SuiteContext {
	readonly server: RunningN8n;
	readonly fake: FakeChatModel;
}

/**
 * `npm run test:compat` on one n8n release: the package installed from the packed tarball as
 * n8n's installer does; the docs' request and response (the seed contract), Return All and
 * per-item targets with `n8n execute`; then on `n8n start` that n8n loaded the node, its tool
 * variant and its codex, one Only New pair over a production webhook, and the tool in an AI Agent.
 */
export function defineCompatSuite(version: string): void {
	jest.setTimeout(TEST_TIMEOUT_MS);
	const spec = getVersionSpec(version);

	(selected(version) ? describe : describe.skip)(`n8n ${version} (compatibility)`, () => {
		let n8n: PreparedN8n | undefined;
		let sim: RunningSimulator | undefined;
		let liveSim: RunningSimulator | undefined;
		let docs: DocsServer | undefined;
		let fake: FakeChatModel | undefined;
		let server: RunningN8n | undefined;
		const agent = compatAgentWorkflow(version);
		const context = (): SuiteContext => {
			if (!n8n || !sim || !liveSim || !docs)
				throw new Error(`n8n ${version} was not prepared (see the beforeAll error)`);
			return { n8n, sim, liveSim, docs };
		};
		const started = (): CompatContext => {
			if (!server || !fake)
				throw new Error(`n8n ${version} did not start (see the beforeAll error)`);
			return { ...context(), server, fake };
		};

		beforeAll(async () => {
			n8n = await prepareN8n(spec, { packed: await packOnce() });
			sim = await startSimulator();
			liveSim = await startSimulator(['--graph-size', String(LIVE_GRAPH_SIZE)]);
			docs = await startDocsServer();
			fake = await startFakeChatModel([CONVERSATIONS.completions]);
			await importCredentials(
				n8n,
				[
					...simulatorCredentials(sim.url),
					...liveSimCredentials(liveSim.url),
					...docsResponseCredentials(docs.url),
					fakeOpenAiCredential(fake.url),
				],
				[SIM_PASSWORD, WRONG_PASSWORD, FAKE_OPENAI_KEY],
			);
			await importWorkflows(n8n, [...nodeWorkflows, linkGapHookWorkflow, agent]);
			await activateWorkflows(n8n, [linkGapHookWorkflow.id, agent.id]);
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
			await sim?.stop();
			await liveSim?.stop();
			await docs?.stop();
			await fake?.stop();
			n8n?.dispose();
		});

		beforeEach(async () => {
			await sim?.reset();
			await liveSim?.reset();
		});

		describe('n8n execute', () => {
			dataScenarios(context);
		});

		describe('n8n start', () => {
			let startedAt = 0;
			beforeAll(async () => {
				startedAt = Date.now() - 1000;
				server = await startN8n(context().n8n, {
					secrets: [SIM_PASSWORD, WRONG_PASSWORD, FAKE_OPENAI_KEY],
				});
			}, START_TIMEOUT_MS);

			loadingScenario(started, () => startedAt, agent);
			onlyNewPairScenario(started);
			toolScenario(started, agent, version);
		});
	});
}
