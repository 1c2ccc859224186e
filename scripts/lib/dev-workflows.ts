/**
 * The workflows `npm run dev` imports: two that run at once against the simulator, and the
 * Sheets, Slack and AI Agent examples as shipped, with the simulator's credential in their
 * DataForSEO node. Each starts with a sticky note: what it does, and what to connect.
 */
import { TOOL_NODE_TYPE } from '../../test/e2e/fixtures/agent-workflows';
import { CREDENTIAL_TYPE, NODE_TYPE, SIM_CREDENTIAL } from '../../test/e2e/fixtures/dataforseo';
import { DOMAINS, exampleByKey, exampleId } from '../../test/e2e/fixtures/examples';
import { n8nId, type WorkflowNode } from '../../test/e2e/fixtures/workflow-builder';
import { LATEST_VERSION } from '../../nodes/DataForSeoDomainIntersection/fields';

/** What a new node is called: examples use the same name. */
const NODE_NAME = 'DataForSEO Domain Intersection';
const TRIGGER = 'When clicking ‘Execute workflow’';
const credentials = { [CREDENTIAL_TYPE]: { id: SIM_CREDENTIAL.id, name: SIM_CREDENTIAL.name } };

function sticky(content: string): WorkflowNode {
	return {
		id: 'about-this-workflow',
		name: 'About this workflow',
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: [0, -340],
		parameters: { content, width: 420, height: 300 },
	};
}

function workflow(key: string, name: string, nodes: WorkflowNode[], pinData = {}) {
	const connections: Record<string, unknown> = {};
	const steps = nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
	for (let index = 1; index < steps.length; index++)
		connections[steps[index - 1].name] = {
			main: [[{ node: steps[index].name, type: 'main', index: 0 }]],
		};
	return {
		id: n8nId(`dev${key}`),
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData,
	};
}

const trigger: WorkflowNode = {
	id: 'manual-trigger',
	name: TRIGGER,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function linkGapNode(parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: 'link-gap',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: LATEST_VERSION,
		position: [240, 0],
		parameters,
		credentials,
	};
}

const linkGap = workflow(
	'linkGap',
	'Link gap: sites linking to moz.com and ahrefs.com, not semrush.com',
	[
		sticky(
			'## Your first link gap\nThe sites that link to both **moz.com** and **ahrefs.com** but not to **semrush.com**: the 5 with the most backlinks to moz.com (the **Sort** rule).\n\nClick **Execute workflow**. It runs against the local simulator: nothing is paid. For real data, pick your own DataForSEO credential in the node.',
		),
		trigger,
		linkGapNode({
			targets: 'moz.com, ahrefs.com',
			excludeTargets: 'semrush.com',
			limit: 5,
			sortBuilder: { rules: [{ target: 1, field: 'backlinks', direction: 'desc' }] },
			options: { includeSubdomains: false, excludeInternalBacklinks: true },
		}),
	],
);

/** The table the trigger hands on, as a Sheet would: one row per client. */
const CLIENTS = [
	{ client: 'Acme', competitors: 'moz.com, ahrefs.com', my_domain: 'semrush.com' },
	{ client: 'Beta', competitors: 'semrush.com, majestic.com', my_domain: 'moz.com' },
	{ client: 'Gamma', competitors: 'moz.com, semrush.com', my_domain: 'ahrefs.com' },
];

const perClient = workflow(
	'perClient',
	'Link gap per client, one table row each',
	[
		sticky(
			'## One table row, one link gap\nThe trigger holds a small table (pinned data: open it to edit the rows), as a Google Sheet would send it: **client**, **competitors**, **my_domain**. Each row is one request; *Include Input Fields* copies **client** onto each result.\n\nTo use a real sheet, put a Google Sheets node between the two and connect your Google account.',
		),
		trigger,
		linkGapNode({
			targets: '={{ $json.competitors }}',
			excludeTargets: '={{ $json.my_domain }}',
			limit: 3,
			options: { includeInputFields: 'client' },
		}),
	],
	{ [TRIGGER]: CLIENTS.map((json) => ({ json })) },
);

/** An example as shipped, its DataForSEO node on the simulator, its other accounts to connect. */
function asShipped(key: string) {
	const example = exampleByKey(key);
	let text = JSON.stringify(example.workflow.nodes);
	for (const [from, to] of Object.entries(DOMAINS)) text = text.split(from).join(to);
	const nodes = (JSON.parse(text) as WorkflowNode[]).map((node) => {
		if (node.type === NODE_TYPE || node.type === TOOL_NODE_TYPE) return { ...node, credentials };
		// Credentials the example names but this n8n lacks: the editor asks for one instead.
		const { credentials: _placeholder, ...rest } = node;
		return rest;
	});
	return {
		...example.workflow,
		id: exampleId(example),
		name: `Example: ${example.workflow.name}`,
		active: false,
		nodes,
		settings: example.workflow.settings ?? { executionOrder: 'v1' },
		pinData: {},
	};
}

export const DEV_WORKFLOWS = [
	linkGap,
	perClient,
	asShipped('link-gap-to-google-sheets'),
	asShipped('weekly-new-prospects-to-slack'),
	asShipped('link-gap-ai-agent-chat'),
];
