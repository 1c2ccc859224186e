import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { DataForSeoDomainIntersection } from '../../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import {
	TOOL_DESCRIPTION,
	TOOL_LIMIT,
} from '../../../nodes/DataForSeoDomainIntersection/fields/tool';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import {
	fromAiKey,
	toolInputMessage,
} from '../../../nodes/DataForSeoDomainIntersection/output/toolErrors';
import { nodeParameters } from '../nodeParameters';

const TYPE = 'n8n-nodes-dataforseo-domain-intersection.dataForSeoDomainIntersection';
const plain = new DataForSeoDomainIntersection().description;
/** What n8n's tool generation does to the name (…Tool), which is what `@tool` looks at. */
const tool: INodeTypeDescription = { ...plain, name: `${plain.name}Tool` };

/** The parameters n8n fills in for a fresh node, as the editor and the engine both do. */
function defaults(description: INodeTypeDescription, parameters = {}) {
	const node: INode = {
		id: '1',
		name: 'Domain Intersection',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	return NodeHelpers.getNodeParameters(
		description.properties,
		parameters,
		true,
		false,
		node,
		description,
	);
}

describe('the tool variant (n8n shows @tool properties only in "…Tool")', () => {
	it('defaults to the compact answer, Limit 20 and a description for the model', () => {
		expect(defaults(tool)).toMatchObject({
			limit: TOOL_LIMIT,
			outputFormat: 'compact',
			toolDescription: TOOL_DESCRIPTION,
		});
	});

	it('leaves the plain node as it was: Limit 50, flat rows, no tool description', () => {
		const values = defaults(plain);
		expect(values).toMatchObject({ limit: 50, outputFormat: 'flat' });
		expect(values).not.toHaveProperty('toolDescription');
	});

	it('has its own toolDescription, so n8n does not add its one-line default', () => {
		expect(plain.properties.filter((p) => p.name === 'toolDescription')).toHaveLength(1);
	});

	it('keeps the tool description short, since it is sent on every model call', () => {
		expect(TOOL_DESCRIPTION.length).toBeLessThan(1200);
		expect(TOOL_DESCRIPTION).toContain('"moz.com, ahrefs.com"');
		expect(TOOL_DESCRIPTION).toMatch(/1 to 20 competitor/);
		expect(TOOL_DESCRIPTION).toMatch(/up to 10 of the user's own domains/);
		expect(TOOL_DESCRIPTION).toMatch(/about \$0\.02 per call/);
	});
});

describe('errors for the model', () => {
	const editor = (key: string) =>
		`={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, 'string') }}`;
	const node = (parameters: Record<string, unknown>): INode => ({
		id: '1',
		name: 'Domain Intersection',
		type: `${TYPE}Tool`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	});
	const refusal = (targets: string): InputError => {
		try {
			buildRequest(nodeParameters({ targets, limit: 20, outputFormat: 'compact' }));
		} catch (error) {
			if (error instanceof InputError) return error;
		}
		throw new Error('expected an InputError');
	};

	it('reads the argument name from $fromAI', () => {
		expect(fromAiKey(editor('Your_Domains__Exclude_'))).toBe('Your_Domains__Exclude_');
		expect(fromAiKey("={{ $fromAI('competitors', 'the domains') }}")).toBe('competitors');
		expect(fromAiKey('moz.com')).toBeUndefined();
	});

	it("names the model's argument and says what to send instead", () => {
		const many = Array.from({ length: 21 }, (_, i) => `c${i}.com`).join(', ');
		const message = toolInputMessage(node({ targets: editor('Competitors') }), refusal(many));
		expect(message).toMatch(/^Argument Competitors: 21 entries given/);
		expect(message).toContain(
			'Send Competitors as 1 to 20 competitor domains separated by commas, e.g. "moz.com, ahrefs.com"',
		);
		expect(message).toMatch(/nothing was charged\.$/);
	});

	it('keeps the UI label when the workflow fixed the value (the model cannot change it)', () => {
		const message = toolInputMessage(node({ targets: 'notadomain' }), refusal('notadomain'));
		expect(message).toMatch(/^The tool's setting Competitors is wrong \(entry 1 "notadomain"/);
		expect(message).toContain('Tell the user to correct it in n8n.');
	});
});
