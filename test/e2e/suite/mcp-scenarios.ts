import {
	connectRefusal,
	connectWhenLive,
	type McpSession,
	type McpTool,
} from '../harness/mcp-client';
import type { RunningN8n } from '../harness/n8n-server';
import type { RunningSimulator } from '../harness/simulator';
import { TOOL_DESCRIPTION } from '../../../nodes/DataForSeoDomainIntersection/fields/tool';
import { ARG, TWENTY_ONE_COMPETITORS } from '../fixtures/agent-conversations';
import {
	MCP_EXAMPLE,
	MCP_EXAMPLE_PATH,
	MCP_TOKEN,
	MCP_TOOL_NAME,
	mcpUrl,
} from '../fixtures/mcp-workflows';
import { compactLines, report } from './agent-answers';
import type { ContextGetter } from './context';
import { domainsOfTask, intersectionTasks } from './sim-oracle';

/** A model's arguments as Claude or Cursor send them: the competitors in words, a Limit. */
export const MCP_ARGS = {
	[ARG.competitors]: 'moz.com and ahrefs.com',
	[ARG.exclude]: 'semrush.com',
	[ARG.limit]: 25,
};
export const MCP_TASK = {
	targets: { '1': 'moz.com', '2': 'ahrefs.com' },
	exclude_targets: ['semrush.com'],
	limit: 25,
};

/**
 * What a model reads when its Competitors argument has 21 domains, word for word. If the
 * wording of the 21-entries refusal changes (request/targets.ts), this text changes with it.
 */
export const REFUSED_TEXT =
	'Argument Competitors: 21 entries given, but DataForSEO accepts at most 20. Send Competitors as 1 to 20 competitor domains separated by commas, e.g. "moz.com, ahrefs.com" (a page as a full URL, e.g. "https://moz.com/blog/"). Nothing was sent, nothing was charged.';
/** What a model reads when the account has no money left. */
export const NO_MONEY_TEXT =
	'DataForSEO answered 40200 "Payment Required". The user\'s DataForSEO account has no money left. No argument can fix this: tell the user, and do not call the tool again.';

/**
 * The listed tool: named after the node, the model-ready description, three arguments (with
 * the descriptions the workflow's `$fromAI` gives them, if any).
 */
export function expectLinkGapTool(
	tools: readonly McpTool[],
	described: Partial<Record<string, unknown>> = {},
): void {
	expect(tools.map((tool) => tool.name)).toEqual([MCP_TOOL_NAME]);
	const [tool] = tools;
	expect(tool.description).toBe(TOOL_DESCRIPTION);
	const property = (type: string, arg: string) =>
		described[arg] ? { type, description: described[arg] } : { type };
	expect(tool.inputSchema.properties).toEqual({
		[ARG.competitors]: property('string', ARG.competitors),
		[ARG.exclude]: property('string', ARG.exclude),
		[ARG.limit]: property('number', ARG.limit),
	});
	expect([...(tool.inputSchema.required ?? [])].sort()).toEqual(
		[ARG.competitors, ARG.exclude, ARG.limit].sort(),
	);
}

/** One call with MCP_ARGS: exactly MCP_TASK bought, the compact answer the simulator's rows. */
export async function expectCompactAnswer(
	session: McpSession,
	sim: RunningSimulator,
): Promise<void> {
	const answer = await session.callTool(MCP_TOOL_NAME, MCP_ARGS);
	expect(answer.isError).toBe(false);
	const tasks = intersectionTasks(await sim.log());
	expect(tasks).toEqual([expect.objectContaining(MCP_TASK)]);
	const expected = await domainsOfTask(sim, tasks[0]);
	const lines = compactLines(answer.text);
	expect(lines.domains).toEqual(expected.domains.slice(0, MCP_TASK.limit));
	expect(lines.domains.length).toBeGreaterThan(0);
	expect(lines.header).toContain('link to all of moz.com, ahrefs.com and not to semrush.com.');
	expect(lines.header).toContain(`${expected.total.toLocaleString('en-US')} domains`);
	expect(lines.cellsPerLine).toEqual(new Set([2 + 2]));
	expect(answer.text.length).toBeLessThanOrEqual(4000);
	report(`MCP Limit ${MCP_TASK.limit}`, answer.text);
}

/**
 * n8n's MCP Server Trigger (streamable HTTP, Bearer auth) with this node's tool variant, on the
 * `n8n start` of the AI Agent scenarios; the client is the official MCP TypeScript SDK's.
 */
export function mcpScenarios(context: ContextGetter, server: () => RunningN8n | undefined): void {
	describe('MCP Server Trigger with the Domain Intersection tool (MCP SDK client)', () => {
		let session: McpSession | undefined;
		const open = async (): Promise<McpSession> =>
			(session ??= await connectWhenLive(mcpUrl(server()?.url ?? ''), MCP_TOKEN, server()));

		afterAll(async () => {
			await session?.close();
		});

		it('lists the tool with its description and arguments; without the token: refused', async () => {
			const { sim } = context();
			expectLinkGapTool(await (await open()).listTools());
			const url = mcpUrl(server()?.url ?? '');
			expect(await connectRefusal(url)).toBe(403);
			expect(await connectRefusal(url, 'not-the-token')).toBe(403);
			expect(intersectionTasks(await sim.log())).toEqual([]);
		});

		it('a call with model-style arguments gets the compact answer from the data', async () => {
			await expectCompactAnswer(await open(), context().sim);
		});

		it('a refused argument and an API failure: the exact text the model reads', async () => {
			const { sim } = context();
			const mcp = await open();
			const refused = await mcp.callTool(MCP_TOOL_NAME, {
				...MCP_ARGS,
				[ARG.competitors]: TWENTY_ONE_COMPETITORS,
			});
			expect(refused).toEqual({ isError: true, text: `NodeOperationError: ${REFUSED_TEXT}` });
			expect(intersectionTasks(await sim.log())).toEqual([]);

			await sim.fail([{ envelopeCode: 40200, message: 'Payment Required.' }]);
			const noMoney = await mcp.callTool(MCP_TOOL_NAME, MCP_ARGS);
			expect(noMoney).toEqual({ isError: true, text: `NodeOperationError: ${NO_MONEY_TEXT}` });
			expect(intersectionTasks(await sim.log())).toHaveLength(1);
		});

		it(`examples/${MCP_EXAMPLE}.json: a client lists its tool and gets the compact answer`, async () => {
			const example = await connectWhenLive(
				mcpUrl(server()?.url ?? '', MCP_EXAMPLE_PATH),
				MCP_TOKEN,
				server(),
			);
			try {
				expectLinkGapTool(await example.listTools(), {
					[ARG.competitors]: expect.stringContaining('moz.com, ahrefs.com'),
					[ARG.exclude]: expect.stringContaining('own domains'),
					[ARG.limit]: expect.stringContaining('How many domains'),
				});
				await expectCompactAnswer(example, context().liveSim);
			} finally {
				await example.close();
			}
		});
	});
}
