import { activateWorkflows } from '../harness/n8n-activate';
import { importCredentials, importWorkflows } from '../harness/n8n-cli';
import { startN8n, type RunningN8n } from '../harness/n8n-server';
import {
	FAKE_OPENAI_KEY,
	startFakeChatModel,
	type FakeChatModel,
	type ModelRequest,
} from '../harness/fake-chat-model';
import type { ChatScript } from '../harness/fake-chat-model';
import { sendChatMessage } from '../harness/webhook';
import {
	ANSWER_MAX_CHARS,
	ANSWER_MAX_ROWS,
} from '../../../nodes/DataForSeoDomainIntersection/output/compact';
import {
	TOOL_DESCRIPTION,
	TOOL_LIMIT,
} from '../../../nodes/DataForSeoDomainIntersection/fields/tool';
import {
	ARG,
	CHAT_SCRIPTS,
	chatMessage,
	CONVERSATIONS,
	quoteOf,
} from '../fixtures/agent-conversations';
import {
	agentWorkflows,
	chatCompletionsAgentWorkflow,
	chatWebhookId,
	editorAgentWorkflow,
	fakeOpenAiCredential,
	modelLimitAgentWorkflow,
	streamingAgentWorkflow,
	TOOL_NAME,
	type AgentWorkflow,
} from '../fixtures/agent-workflows';
import { CHAT_TRIGGER_TYPE, exampleByKey, exampleId } from '../fixtures/examples';
import {
	MCP_EXAMPLE,
	MCP_TOKEN,
	mcpBearerCredential,
	mcpToolWorkflow,
} from '../fixtures/mcp-workflows';
import { SIM_CREDENTIAL } from '../fixtures/dataforseo';
import { chatOutput, compactLines, report, schemaProperties } from './agent-answers';
import type { ContextGetter } from './context';
import { mcpScenarios, NO_MONEY_TEXT, REFUSED_TEXT } from './mcp-scenarios';
import { SECRETS } from './production-scenarios';
import { domainsOfTask, intersectionTasks } from './sim-oracle';

// Generous: this hook imports, publishes seven workflows (one n8n CLI run each) and starts n8n.
const START_TIMEOUT_MS = 10 * 60_000;
const AGENT_EXAMPLE = 'link-gap-ai-agent-chat';

/** The task every link-gap conversation asks for (its Limit aside). */
const LINK_GAP_TASK = {
	targets: { '1': 'moz.com', '2': 'ahrefs.com' },
	exclude_targets: ['semrush.com'],
};

export interface AgentRun {
	/** What the chat webhook answered: the agent's final output. */
	readonly output: string;
	/** The model calls of this conversation, in order. */
	readonly calls: ModelRequest[];
	/** The tool's answer as the model received it in its second call. */
	readonly toolAnswer: string;
}

/**
 * n8n's AI Agent (Chat Trigger → AI Agent + OpenAI Chat Model + this node's tool variant), built
 * as the 2.41 editor saves it, on `n8n start` with the Chat Trigger's production webhook. The
 * OpenAI Chat Model's credential points at a fake OpenAI-compatible model on 127.0.0.1.
 */
export function agentScenarios(context: ContextGetter): void {
	describe('AI Agent with the Domain Intersection tool (fake chat model)', () => {
		let fake: FakeChatModel | undefined;
		let server: RunningN8n | undefined;

		beforeAll(async () => {
			const { n8n } = context();
			fake = await startFakeChatModel(CHAT_SCRIPTS);
			await importCredentials(
				n8n,
				[fakeOpenAiCredential(fake.url), mcpBearerCredential()],
				[FAKE_OPENAI_KEY, MCP_TOKEN],
			);
			// The MCP Server Trigger workflow shares this n8n start (see mcpScenarios).
			const workflows = [...agentWorkflows, mcpToolWorkflow(SIM_CREDENTIAL)];
			await importWorkflows(n8n, workflows);
			const ids = workflows.map((workflow) => workflow.id);
			// The examples' runnable copies were imported with the others by the suite.
			const examples = [AGENT_EXAMPLE, MCP_EXAMPLE].map((key) => exampleId(exampleByKey(key)));
			await activateWorkflows(n8n, [...ids, ...examples]);
			server = await startN8n(n8n, { secrets: [...SECRETS, FAKE_OPENAI_KEY, MCP_TOKEN] });
		}, START_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
			await fake?.stop();
		});

		const converse = async (webhookId: string, script: ChatScript): Promise<AgentRun> => {
			const answer = await sendChatMessage(server?.url ?? '', webhookId, chatMessage(script));
			const calls = fake?.conversation(script.marker) ?? [];
			const detail = `chat answered ${answer.status}: ${answer.text.slice(0, 800)}\n${server?.recentOutput().slice(-3000) ?? ''}`;
			if (answer.status !== 200 || calls.length < 2) throw new Error(detail);
			return {
				output: chatOutput(answer.text),
				calls,
				toolAnswer: calls[1].toolOutputs[0] ?? '',
			};
		};
		const chat = (workflow: AgentWorkflow, script: ChatScript) =>
			converse(chatWebhookId(workflow.name.replace('e2e agent ', '')), script);

		it('at the tool defaults (Responses API): limit 20, a compact answer, the agent finishes', async () => {
			const { sim } = context();
			const run = await chat(editorAgentWorkflow, CONVERSATIONS.defaults);

			expect(run.calls.map((call) => [call.path, call.authorized])).toEqual([
				['/v1/responses', true],
				['/v1/responses', true],
			]);
			const tool = run.calls[0].tools.find((candidate) => candidate.name === TOOL_NAME);
			expect(tool?.description).toBe(TOOL_DESCRIPTION);
			expect(Object.keys(schemaProperties(tool?.parameters))).toEqual([
				ARG.competitors,
				ARG.exclude,
			]);
			const tasks = intersectionTasks(await sim.log());
			expect(tasks).toEqual([expect.objectContaining({ ...LINK_GAP_TASK, limit: TOOL_LIMIT })]);

			const answer = compactLines(run.toolAnswer);
			const expected = await domainsOfTask(sim, tasks[0]);
			expect(answer.domains).toEqual(expected.domains);
			expect(answer.header).toContain(`${expected.total.toLocaleString('en-US')} domains`);
			expect(answer.header).toMatch(/Cost \$0\.\d{4} \(1 request\)/);
			expect(answer.cellsPerLine).toEqual(new Set([2 + 2]));
			expect(run.toolAnswer).not.toMatch(/\\"\{|null/);
			expect(run.toolAnswer.length).toBeLessThanOrEqual(4000);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
			report('tool defaults (Limit 20)', run.toolAnswer);
		});

		it('Limit 50 set by the model stays under 12,000 characters', async () => {
			const { sim } = context();
			const run = await chat(modelLimitAgentWorkflow, CONVERSATIONS.limit50);
			expect(intersectionTasks(await sim.log())).toEqual([
				expect.objectContaining({ ...LINK_GAP_TASK, limit: 50 }),
			]);
			expect(compactLines(run.toolAnswer).domains).toHaveLength(50);
			expect(run.toolAnswer.length).toBeLessThan(12_000);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
			report('Limit 50', run.toolAnswer);
		});

		it('a Limit above the answer cap buys only what the answer shows, and says so', async () => {
			const { sim } = context();
			const run = await chat(modelLimitAgentWorkflow, CONVERSATIONS.limit5000);
			expect(intersectionTasks(await sim.log())).toEqual([
				expect.objectContaining({ ...LINK_GAP_TASK, limit: ANSWER_MAX_ROWS }),
			]);
			const answer = compactLines(run.toolAnswer);
			expect(answer.domains).toHaveLength(ANSWER_MAX_ROWS);
			expect(answer.header).toContain(`Asked for 5,000 domains, lowered to ${ANSWER_MAX_ROWS}`);
			expect(run.toolAnswer.length).toBeLessThanOrEqual(ANSWER_MAX_CHARS);
			report('Limit 5000', run.toolAnswer);
		});

		it('Chat Completions (Use Responses API off) works the same', async () => {
			const run = await chat(chatCompletionsAgentWorkflow, CONVERSATIONS.completions);
			expect(run.calls.map((call) => call.path)).toEqual([
				'/v1/chat/completions',
				'/v1/chat/completions',
			]);
			expect(compactLines(run.toolAnswer).domains).toHaveLength(TOOL_LIMIT);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		it('Chat Trigger streaming: the model is asked to stream and the reply streams back', async () => {
			const run = await chat(streamingAgentWorkflow, CONVERSATIONS.streaming);
			expect(run.calls.map((call) => [call.path, call.stream])).toEqual([
				['/v1/responses', true],
				['/v1/responses', true],
			]);
			expect(compactLines(run.toolAnswer).domains).toHaveLength(TOOL_LIMIT);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		it(`examples/${AGENT_EXAMPLE}.json: the chat answers from the tool, arguments described`, async () => {
			const { liveSim } = context();
			const example = exampleByKey(AGENT_EXAMPLE);
			const trigger = example.workflow.nodes.find((node) => node.type === CHAT_TRIGGER_TYPE);
			const run = await converse(trigger?.webhookId ?? '', CONVERSATIONS.example);

			const tool = run.calls[0].tools.find(({ name }) => name === CONVERSATIONS.example.tool);
			expect(tool?.description).toBe(TOOL_DESCRIPTION);
			expect(schemaProperties(tool?.parameters)).toEqual({
				[ARG.competitors]: { type: 'string', description: expect.stringContaining('moz.com') },
				[ARG.exclude]: { type: 'string', description: expect.stringContaining('own domains') },
			});
			expect(JSON.stringify(run.calls[0].body)).toContain('You help with link building.');
			const tasks = intersectionTasks(await liveSim.log());
			expect(tasks).toEqual([expect.objectContaining({ ...LINK_GAP_TASK, limit: TOOL_LIMIT })]);
			const expected = await domainsOfTask(liveSim, tasks[0]);
			expect(compactLines(run.toolAnswer).domains).toEqual(expected.domains);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		it('takes lists as models write them ("and", a homepage URL, "N/A")', async () => {
			const { sim } = context();
			const run = await chat(editorAgentWorkflow, CONVERSATIONS.forgiving);
			const [task] = intersectionTasks(await sim.log());
			expect(task).toMatchObject({ targets: LINK_GAP_TASK.targets, limit: TOOL_LIMIT });
			expect(task).not.toHaveProperty('exclude_targets');
			const answer = compactLines(run.toolAnswer);
			expect(answer.header).toContain('link to all of moz.com, ahrefs.com.');
			expect(answer.domains).toHaveLength(TOOL_LIMIT);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		it('a refused argument comes back as one message saying what to send, nothing bought', async () => {
			const { sim } = context();
			const run = await chat(modelLimitAgentWorkflow, CONVERSATIONS.refused);
			expect(intersectionTasks(await sim.log())).toEqual([]);
			expect(JSON.parse(run.toolAnswer)).toEqual([{ error: REFUSED_TEXT }]);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
			report('refused', run.toolAnswer);
		});

		it('an API failure comes back as one message saying what to do, not "fix the node"', async () => {
			const { sim } = context();
			await sim.fail([{ envelopeCode: 40200, message: 'Payment Required.' }]);
			const run = await chat(modelLimitAgentWorkflow, CONVERSATIONS.noMoney);
			expect(intersectionTasks(await sim.log())).toHaveLength(1);
			expect(JSON.parse(run.toolAnswer)).toEqual([{ error: NO_MONEY_TEXT }]);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		mcpScenarios(context, () => server);
	});
}
