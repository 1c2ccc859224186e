import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { chain, fixtureInput, node, ProcessedDataStore, runWorkflow } from './harness';

// A tiny node, defined here so the harness's deduplication store is tested apart from the package.
class Dedup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dedup',
		name: 'dedup',
		group: ['transform'],
		version: 1,
		description: 'Passes items whose id no earlier run of this node passed',
		defaults: { name: 'Dedup' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Clear', name: 'clear', type: 'boolean', default: false }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = { mode: 'entries' as const, maxEntries: 3 };
		if (this.getNodeParameter('clear', 0))
			await this.helpers.clearAllProcessedItems('node', options);
		const ids = this.getInputData().map((item) => String(item.json.id));
		const result = await this.helpers.checkProcessedAndRecord(ids, 'node', options);
		return [result.new.map((id) => ({ json: { id } }))];
	}
}

const run = (ids: string[], store: ProcessedDataStore, nodeId = 'dedup-1', clear = false) =>
	runWorkflow({
		nodeTypes: { dedup: Dedup },
		processedData: store,
		workflow: {
			nodes: [
				fixtureInput(
					'Input',
					ids.map((id) => ({ id })),
				),
				node('Dedup', 'dedup', { clear }, { id: nodeId }),
			],
			connections: chain('Input', 'Dedup'),
		},
	}).then((result) => result.outputOf('Dedup').map((item) => item.json.id));

describe('deduplication helpers in the integration harness', () => {
	it('remember across runs that share a store, per node id, also in manual runs', async () => {
		const store = new ProcessedDataStore();
		expect(await run(['a', 'b'], store)).toEqual(['a', 'b']);
		expect(await run(['a', 'b', 'c'], store)).toEqual(['c']);
		expect(await run(['a', 'c'], store, 'dedup-2')).toEqual(['a', 'c']);
		expect(await run(['a'], new ProcessedDataStore())).toEqual(['a']);
	});

	it('drop the oldest beyond maxEntries, and clear a node on request', async () => {
		const store = new ProcessedDataStore();
		await run(['a', 'b', 'c', 'd'], store);
		expect(await run(['a', 'b', 'c', 'd'], store)).toEqual(['a']);
		expect(await run(['d'], store, 'dedup-1', true)).toEqual(['d']);
		expect(store.calls).toEqual(['check', 'check', 'clear', 'check']);
	});
});
