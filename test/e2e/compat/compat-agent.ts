import { TOOL_LIMIT } from '../../../nodes/DataForSeoDomainIntersection/fields/tool';
import {
	chatAgentWorkflow,
	EDITOR_2_41_VERSIONS,
	EDITOR_TOOL_PARAMETERS,
	type AgentNodeVersions,
	type AgentWorkflow,
} from '../fixtures/agent-workflows';

export const COMPAT_AGENT_KEY = 'compat';

interface AgentRelease {
	/** The newest Chat Trigger, AI Agent and OpenAI Chat Model the release has (its node packages). */
	readonly nodeVersions: AgentNodeVersions;
	/**
	 * Whether the release knows the `@tool` display condition. Without it the tool variant shows
	 * the plain node's fields (Limit 50, Output Format Flat) and not the tool's own Description,
	 * so the model reads the node's one-line description; the README tells users to set Output
	 * Format Compact and Limit 20 there, which is what this workflow does on such a release.
	 */
	readonly toolCondition: boolean;
}

const LATEST: AgentRelease = { nodeVersions: EDITOR_2_41_VERSIONS, toolCondition: true };

const RELEASES: Readonly<Record<string, AgentRelease>> = {
	'1.85.4': {
		nodeVersions: { chatTrigger: 1.1, agent: 1.8, chatModel: 1.2 },
		toolCondition: false,
	},
	'2.4.8': { nodeVersions: { ...EDITOR_2_41_VERSIONS, chatTrigger: 1.4 }, toolCondition: true },
	'2.35.0': { nodeVersions: { ...EDITOR_2_41_VERSIONS, chatTrigger: 1.4 }, toolCondition: true },
	'2.40.7': LATEST,
	'2.41.1': LATEST,
};

export function agentRelease(version: string): AgentRelease {
	const release = RELEASES[version];
	if (!release) throw new Error(`no AI Agent node versions known for n8n ${version}`);
	return release;
}

/** Chat Trigger → AI Agent + OpenAI Chat Model (Chat Completions) + this node's tool variant. */
export function compatAgentWorkflow(version: string): AgentWorkflow {
	const { nodeVersions, toolCondition } = agentRelease(version);
	const toolParameters = toolCondition
		? EDITOR_TOOL_PARAMETERS
		: { ...EDITOR_TOOL_PARAMETERS, limit: TOOL_LIMIT, outputFormat: 'compact' };
	return chatAgentWorkflow({
		key: COMPAT_AGENT_KEY,
		toolParameters,
		responsesApi: nodeVersions.chatModel >= 1.3 ? false : undefined,
		nodeVersions,
	});
}
