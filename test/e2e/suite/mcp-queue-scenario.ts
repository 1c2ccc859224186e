import { connectRefusal, connectWhenLive } from '../harness/mcp-client';
import { ARG, TWENTY_ONE_COMPETITORS } from '../fixtures/agent-conversations';
import {
	MCP_TOKEN,
	MCP_TOOL_NAME,
	mcpBearerCredential,
	mcpToolWorkflow,
	mcpUrl,
} from '../fixtures/mcp-workflows';
import { QUEUE_SIM_CREDENTIAL } from '../fixtures/queue-workflows';
import { expectCompactAnswer, expectLinkGapTool, MCP_ARGS, REFUSED_TEXT } from './mcp-scenarios';
import type { QueueDeployment, QueueExtras } from './queue-deployment';
import { intersectionTasks } from './sim-oracle';

const TEST_TIMEOUT_MS = 10 * 60_000;

/** The MCP Server Trigger workflow in the queue deployment's database, next to its own ones. */
export const MCP_QUEUE_EXTRAS: QueueExtras = {
	credentials: [mcpBearerCredential()],
	workflows: [mcpToolWorkflow(QUEUE_SIM_CREDENTIAL)],
	secrets: [MCP_TOKEN],
};

/**
 * Queue mode: main answers the MCP client and enqueues each tool call; a worker runs this node
 * (its `execute`, as n8n runs a plain `usableAsTool` node) and main relays the answer.
 */
export function mcpQueueScenario(deployment: () => QueueDeployment): void {
	it(
		'MCP Server Trigger: main lists the tool, a worker runs the call, the client gets the answer',
		async () => {
			const queue = deployment();
			if (queue.workers.length === 0) await queue.startWorkers();
			const { sim, main } = queue;
			if (!sim || !main) throw new Error('deployment not up');
			await sim.reset();
			const url = mcpUrl(main.url);
			const session = await connectWhenLive(url, MCP_TOKEN, main);
			try {
				expectLinkGapTool(await session.listTools());
				const known = queue.enqueued().length;
				await expectCompactAnswer(session, sim);
				const call = await queue.nextEnqueued(known);
				expect(queue.workersOf(call)).toHaveLength(1);

				await sim.reset();
				const refused = await session.callTool(MCP_TOOL_NAME, {
					...MCP_ARGS,
					[ARG.competitors]: TWENTY_ONE_COMPETITORS,
				});
				// A worker's tool error reaches the client as n8n's JSON of it (no Details added).
				expect(refused).toEqual({
					isError: true,
					text: JSON.stringify({ error: { message: REFUSED_TEXT, name: 'NodeOperationError' } }),
				});
				expect(intersectionTasks(await sim.log())).toEqual([]);
			} finally {
				await session.close();
			}
			expect(await connectRefusal(url)).toBe(403);
		},
		TEST_TIMEOUT_MS,
	);
}
