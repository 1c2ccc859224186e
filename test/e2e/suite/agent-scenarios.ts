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
import { CHAT_SCRIPTS, chatMessage, CONVERSATIONS, quoteOf } from '../fixtures/agent-conversations';
import {
	agentWorkflows,
	chatCompletionsAgentWorkflow,
	chatWebhookId,
	editorAgentWorkflow,
	fakeOpenAiCredential,
	streamingAgentWorkflow,
	TOOL_NAME,
	type AgentWorkflow,
} from '../fixtures/agent-workflows';
import type { ContextGetter } from './context';
import { SECRETS } from './production-scenarios';
import { intersectionTasks } from './sim-oracle';

const START_TIMEOUT_MS = 5 * 60_000;

/**
 * The agent's reply in a chat webhook answer: `{"output": …}` (Response Mode "When Last Node
 * Finishes"), or with streaming one JSON object per line, the reply in its `item` chunks.
 */
export function chatOutput(text: string): string {
	try {
		const { output } = JSON.parse(text) as { output?: unknown };
		if (typeof output === 'string') return output;
	} catch {
		// Streaming: not one JSON document.
	}
	return text
		.split('\n')
		.filter((line) => line.trim().startsWith('{'))
		.map((line) => JSON.parse(line) as { type?: string; content?: unknown })
		.filter((chunk) => chunk.type === 'item' && typeof chunk.content === 'string')
		.map((chunk) => chunk.content as string)
		.join('');
}

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
			await importCredentials(n8n, [fakeOpenAiCredential(fake.url)], [FAKE_OPENAI_KEY]);
			await importWorkflows(n8n, agentWorkflows);
			await activateWorkflows(
				n8n,
				agentWorkflows.map((workflow) => workflow.id),
			);
			server = await startN8n(n8n, { secrets: [...SECRETS, FAKE_OPENAI_KEY] });
		}, START_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
			await fake?.stop();
		});

		const converse = async (workflow: AgentWorkflow, script: ChatScript): Promise<AgentRun> => {
			const key = workflow.name.replace('e2e agent ', '');
			const answer = await sendChatMessage(
				server?.url ?? '',
				chatWebhookId(key),
				chatMessage(script),
			);
			const calls = fake?.conversation(script.marker) ?? [];
			const detail = `chat answered ${answer.status}: ${answer.text.slice(0, 800)}\n${server?.recentOutput().slice(-3000) ?? ''}`;
			if (answer.status !== 200 || calls.length < 2) throw new Error(detail);
			return {
				output: chatOutput(answer.text),
				calls,
				toolAnswer: calls[1].toolOutputs[0] ?? '',
			};
		};

		it('Responses API by default: the model calls the tool, reads its answer, the agent finishes', async () => {
			const { sim } = context();
			const run = await converse(editorAgentWorkflow, CONVERSATIONS.limit5);

			expect(run.calls.map((call) => [call.path, call.authorized])).toEqual([
				['/v1/responses', true],
				['/v1/responses', true],
			]);
			const tool = run.calls[0].tools.find((candidate) => candidate.name === TOOL_NAME);
			expect(tool).toBeDefined();
			expect(intersectionTasks(await sim.log())).toEqual([
				expect.objectContaining({
					targets: { '1': 'moz.com', '2': 'ahrefs.com' },
					exclude_targets: ['semrush.com'],
					limit: 5,
				}),
			]);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
			process.stdout.write(
				`\n[agent] tool schema: ${JSON.stringify(tool?.parameters)}\n[agent] tool description (${tool?.description.length}): ${tool?.description}\n[agent] Limit 5 answer: ${run.toolAnswer.length} chars\n${run.toolAnswer.slice(0, 1500)}\n`,
			);
		});

		it('Limit 50 set by the model', async () => {
			const run = await converse(editorAgentWorkflow, CONVERSATIONS.limit50);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
			process.stdout.write(`\n[agent] Limit 50 answer: ${run.toolAnswer.length} chars\n`);
		});

		it('Chat Completions (Use Responses API off) works the same', async () => {
			const run = await converse(chatCompletionsAgentWorkflow, CONVERSATIONS.completions);
			expect(run.calls.map((call) => call.path)).toEqual([
				'/v1/chat/completions',
				'/v1/chat/completions',
			]);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		it('Chat Trigger streaming: the model is asked to stream and the reply streams back', async () => {
			const run = await converse(streamingAgentWorkflow, CONVERSATIONS.streaming);
			expect(run.calls.map((call) => [call.path, call.stream])).toEqual([
				['/v1/responses', true],
				['/v1/responses', true],
			]);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
		});

		it('a refused argument comes back to the model as the tool result, and nothing is bought', async () => {
			const { sim } = context();
			const run = await converse(editorAgentWorkflow, CONVERSATIONS.refused);
			expect(intersectionTasks(await sim.log())).toEqual([]);
			expect(run.output).toContain(quoteOf(run.toolAnswer));
			process.stdout.write(`\n[agent] refused answer: ${run.toolAnswer}\n`);
		});
	});
}
