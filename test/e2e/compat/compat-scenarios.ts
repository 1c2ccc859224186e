import { readKnownTypes, unknownTypes } from '../harness/node-types';
import { sendChatMessage, answerItems, callWebhook } from '../harness/webhook';
import {
	TOOL_DESCRIPTION,
	TOOL_LIMIT,
} from '../../../nodes/DataForSeoDomainIntersection/fields/tool';
import { chatMessage, CONVERSATIONS, quoteOf } from '../fixtures/agent-conversations';
import {
	chatWebhookId,
	TOOL_NAME,
	TOOL_NODE_TYPE,
	type AgentWorkflow,
} from '../fixtures/agent-workflows';
import { CREDENTIAL_TYPE, NODE_TYPE } from '../fixtures/dataforseo';
import { hookTask, LINK_GAP_HOOK_PATH } from '../fixtures/webhook-workflows';
import { chatOutput, compactLines, report } from '../suite/agent-answers';
import { domainsOf, sorted } from '../suite/rows';
import { added, allDomains, domainsOfTask, intersectionTasks } from '../suite/sim-oracle';
import { DataForSeoDomainIntersection } from '../../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import { agentRelease, COMPAT_AGENT_KEY } from './compat-agent';
import type { CompatContext } from './compat-suite';

type Started = () => CompatContext;

/** What n8n prints when a community package's node class fails to load (other packages' bug). */
const LOAD_FAILURES = /Class could not be found|Error loading package|could not be loaded/i;

export function loadingScenario(started: Started, since: () => number, agent: AgentWorkflow): void {
	it('loads the node (versions 1 to 3), its AI tool variant and its codex aliases, with no load error', async () => {
		const { n8n, server } = started();
		const known = await readKnownTypes(n8n.userFolder, since());
		expect(known.nodes.get(NODE_TYPE)).toEqual(new Set([1, 2, 3]));
		expect(known.nodes.has(TOOL_NODE_TYPE)).toBe(true);
		expect(known.credentials.has(CREDENTIAL_TYPE)).toBe(true);
		expect(known.aliases.get(NODE_TYPE)).toEqual(
			expect.arrayContaining(['link gap', 'backlinks', 'competitor backlinks']),
		);
		expect(unknownTypes(agent, known)).toEqual([]);
		expect(server.recentOutput()).not.toMatch(LOAD_FAILURES);
	});
}

/** Only New over two production webhook calls: every row, then (after the graph grew) only the new ones. */
export function onlyNewPairScenario(started: Started): void {
	it('Only New across two production executions: all rows, then only the new domains', async () => {
		const { liveSim, server } = started();
		const query = { competitors: 'moz.com, ahrefs.com', exclude: 'semrush.com' };
		const before = await allDomains(liveSim, hookTask(query));
		const call = async (): Promise<string[]> =>
			domainsOf(answerItems(await callWebhook(server.url, LINK_GAP_HOOK_PATH, query)));

		expect(sorted(await call())).toEqual(sorted(before));
		await liveSim.grow(300);
		const fresh = added(before, await allDomains(liveSim, hookTask(query)));
		expect(fresh.length).toBeGreaterThan(0);
		expect(sorted(await call())).toEqual(sorted(fresh));
	});
}

/** The tool variant in n8n's AI Agent, the model a fake OpenAI server speaking Chat Completions. */
export function toolScenario(started: Started, agent: AgentWorkflow, version: string): void {
	it(`the AI Agent calls the tool (${TOOL_NAME}) and gets the compact answer`, async () => {
		const { sim, server, fake } = started();
		const script = CONVERSATIONS.completions;
		const answer = await sendChatMessage(
			server.url,
			chatWebhookId(COMPAT_AGENT_KEY),
			chatMessage(script),
		);
		const calls = fake.conversation(script.marker);
		if (answer.status !== 200 || calls.length < 2) {
			const model = fake.requests.map(
				(request) =>
					`${request.path} (key ${request.authorized ? 'sent' : 'missing'}, tools: ${request.tools.map((t) => t.name).join(', ')})`,
			);
			throw new Error(
				`${agent.name}: chat answered ${answer.status}: ${answer.text.slice(0, 800)}\nthe fake model got: ${model.join('; ') || 'nothing'}\n${server.recentOutput().slice(-3000)}`,
			);
		}
		expect(calls.map((call) => call.path)).toEqual([
			'/v1/chat/completions',
			'/v1/chat/completions',
		]);
		const tool = calls[0].tools.find((candidate) => candidate.name === TOOL_NAME);
		const { toolCondition } = agentRelease(version);
		expect(tool?.description).toBe(
			toolCondition ? TOOL_DESCRIPTION : new DataForSeoDomainIntersection().description.description,
		);

		const tasks = intersectionTasks(await sim.log());
		expect(tasks).toEqual([
			expect.objectContaining({
				targets: { '1': 'moz.com', '2': 'ahrefs.com' },
				exclude_targets: ['semrush.com'],
				limit: TOOL_LIMIT,
			}),
		]);
		const toolAnswer = calls[1].toolOutputs[0] ?? '';
		const expected = await domainsOfTask(sim, tasks[0]);
		expect(compactLines(toolAnswer).domains).toEqual(expected.domains);
		expect(toolAnswer.length).toBeLessThanOrEqual(4000);
		expect(chatOutput(answer.text)).toContain(quoteOf(toolAnswer));
		report(`compat ${agent.name}`, toolAnswer);
	});
}
