import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** Full type names of the harness's own node types (register-free: runWorkflow adds them). */
export const FIXTURE_INPUT_TYPE = 'n8n-nodes-harness.fixtureInput';
export const NO_OP_TYPE = 'n8n-nodes-harness.noOp';
/** Stand-ins under n8n-nodes-base names, so workflows exported from n8n load unchanged. */
export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
export const BASE_NO_OP_TYPE = 'n8n-nodes-base.noOp';

function toItems(node: IExecuteFunctions, value: unknown): IDataObject[] {
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value) : value;
	const list = Array.isArray(parsed) ? parsed : [parsed];
	for (const entry of list) {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new NodeOperationError(node.getNode(), 'Fixture items must be JSON objects');
		}
	}
	return list as IDataObject[];
}

/**
 * A start node that emits the items given in its `items` parameter: a JSON array of
 * objects (as a string, or an array/object value). Every item pairs with the single
 * empty item n8n feeds a start node, as a trigger's output would.
 */
export class FixtureInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fixture Input',
		name: 'fixtureInput',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items for tests',
		defaults: { name: 'Fixture Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Items (JSON)',
				name: 'items',
				type: 'json',
				default: '[{}]',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = toItems(this, this.getNodeParameter('items', 0));
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/** Passes its input through unchanged, like n8n's "No Operation, do nothing" node. */
export class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Passes items through',
		defaults: { name: 'No Operation' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * Plays n8n's Manual Trigger: one empty item. Unlike the real one it is a plain
 * execute node, so it also emits that item in 'trigger' and 'webhook' mode.
 */
export class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow with one empty item',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {}, pairedItem: { item: 0 } }]];
	}
}

export const BUILT_IN_NODE_TYPES: Record<string, new () => INodeType> = {
	[FIXTURE_INPUT_TYPE]: FixtureInput,
	[NO_OP_TYPE]: NoOp,
	[MANUAL_TRIGGER_TYPE]: ManualTrigger,
	[BASE_NO_OP_TYPE]: NoOp,
};
