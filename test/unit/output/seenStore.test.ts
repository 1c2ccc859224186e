import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, WorkflowExecuteMode } from 'n8n-workflow';

import { fingerprint } from '../../../nodes/DataForSeoDomainIntersection/output/legacySeen';
import {
	MAX_SEEN_DOMAINS,
	SeenMemory,
	targetSetKey,
} from '../../../nodes/DataForSeoDomainIntersection/output/seenStore';
import { ProcessedDataStore } from '../../integration/harness/processed-data-store';

const NODE = { id: 'node-1', name: 'Domain Intersection' } as INode;
const WORKFLOW = { id: 'wf-1', active: true };

/**
 * The node's `this` as far as the store uses it: n8n's deduplication helpers bound to this node
 * (as n8n-core binds them) over an in-memory processed_data, the mode and static data.
 */
function context(
	store: ProcessedDataStore,
	mode: WorkflowExecuteMode = 'trigger',
	staticData: IDataObject = {},
): IExecuteFunctions {
	const data = { node: NODE, workflow: WORKFLOW };
	const helpers = {
		checkProcessedAndRecord: (items, scope, options) =>
			store.checkProcessedAndRecord(items, scope, data, options),
		removeProcessed: (items, scope, options) => store.removeProcessed(items, scope, data, options),
		clearAllProcessedItems: (scope, options) => store.clearAllProcessedItems(scope, data, options),
	} as Partial<IExecuteFunctions['helpers']>;
	return {
		helpers,
		getMode: () => mode,
		getNode: () => NODE,
		getWorkflowStaticData: () => staticData,
	} as unknown as IExecuteFunctions;
}

const SET = { targets: ['moz.com', 'ahrefs.com'], excludeTargets: ['me.com'], resetSeen: false };
const domains = (n: number, prefix = 'site') =>
	Array.from({ length: n }, (_, i) => `${prefix}-${i}.example.com`);

describe('targetSetKey', () => {
	it('keys a competitor set by content, not order or case', () => {
		expect(targetSetKey(['a.com', 'B.com'], ['me.com'])).toBe(
			targetSetKey(['b.com', 'a.com'], ['ME.com']),
		);
		expect(targetSetKey(['a.com'], [])).not.toBe(targetSetKey(['a.com'], ['me.com']));
	});
});

describe('SeenStore on n8n deduplication helpers', () => {
	it('records nothing while filtering, and remembers across runs after remember()', async () => {
		const db = new ProcessedDataStore();
		const first = await new SeenMemory(context(db)).for(SET, 0);
		expect(await first.filterNew(['a.org', 'b.org', 'a.org'])).toEqual(new Set(['a.org', 'b.org']));
		expect(db.size()).toBe(0);
		expect(await first.filterNew(['a.org'])).toEqual(new Set(['a.org']));
		await first.remember(['a.org']);
		expect(db.size()).toBe(1);

		const second = await new SeenMemory(context(db)).for(SET, 0);
		expect(await second.filterNew(['a.org', 'b.org'])).toEqual(new Set(['b.org']));
		expect(db.size()).toBe(1);
	});

	it('keeps competitor sets apart; the same set in another order and case shares', async () => {
		const db = new ProcessedDataStore();
		await (await new SeenMemory(context(db)).for(SET, 0)).remember(['a.org']);
		const memory = new SeenMemory(context(db));
		const other = await memory.for({ ...SET, excludeTargets: [] }, 0);
		expect(await other.filterNew(['a.org'])).toEqual(new Set(['a.org']));
		const same = await memory.for({ ...SET, targets: ['AHREFS.com', 'moz.com'] }, 1);
		expect(await same.filterNew(['a.org'])).toEqual(new Set());
	});

	it('reads in manual runs but records nothing, and a manual Forget clears nothing', async () => {
		const db = new ProcessedDataStore();
		await (await new SeenMemory(context(db)).for(SET, 0)).remember(['a.org']);
		const manual = await new SeenMemory(context(db, 'manual')).for(SET, 0);
		expect(await manual.filterNew(['a.org', 'b.org'])).toEqual(new Set(['b.org']));
		await manual.remember(['b.org']);
		const reset = await new SeenMemory(context(db, 'manual')).for({ ...SET, resetSeen: true }, 0);
		expect(await reset.filterNew(['a.org', 'b.org'])).toEqual(new Set(['a.org', 'b.org']));
		expect(db.size()).toBe(1);
		expect(db.calls).not.toContain('clear');
	});

	it('Forget Seen Domains clears the node once per execution, every set of it', async () => {
		const db = new ProcessedDataStore();
		const before = new SeenMemory(context(db));
		await (await before.for(SET, 0)).remember(['a.org']);
		await (await before.for({ ...SET, excludeTargets: [] }, 1)).remember(['b.org']);
		const memory = new SeenMemory(context(db));
		const reset = await memory.for({ ...SET, resetSeen: true }, 0);
		await reset.remember(['c.org']);
		await memory.for({ ...SET, resetSeen: true }, 1);
		expect(db.calls.filter((call) => call === 'clear')).toHaveLength(1);
		const other = await new SeenMemory(context(db)).for({ ...SET, excludeTargets: [] }, 0);
		expect(await other.filterNew(['b.org'])).toEqual(new Set(['b.org']));
		expect(db.size()).toBe(1);
	});

	it(`forgets the oldest beyond ${MAX_SEEN_DOMAINS.toLocaleString('en')} entries`, async () => {
		const db = new ProcessedDataStore();
		await (
			await new SeenMemory(context(db)).for(SET, 0)
		).remember(domains(MAX_SEEN_DOMAINS, 'old'));
		const next = await new SeenMemory(context(db)).for(SET, 0);
		await next.remember(domains(10, 'new'));
		expect(db.size()).toBe(MAX_SEEN_DOMAINS);
		const after = await new SeenMemory(context(db)).for(SET, 0);
		const probe = ['old-0.example.com', 'old-10.example.com', 'new-9.example.com'];
		expect(await after.filterNew(probe)).toEqual(new Set(['old-0.example.com']));
	});

	it("honours version 0.1.0's memory in static data; Forget drops it too", async () => {
		const key = targetSetKey(SET.targets, SET.excludeTargets);
		const staticData = { seenDomains: { [key]: { hashes: fingerprint('a.org'), updatedAt: '' } } };
		const db = new ProcessedDataStore();
		const upgraded = await new SeenMemory(context(db, 'trigger', staticData)).for(SET, 0);
		expect(await upgraded.filterNew(['a.org', 'b.org'])).toEqual(new Set(['b.org']));
		const reset = new SeenMemory(context(db, 'trigger', staticData));
		await reset.for({ ...SET, resetSeen: true }, 0);
		expect(staticData).toEqual({});
	});

	it('refuses with the n8n version it needs when the helpers are missing', async () => {
		const old = { ...context(new ProcessedDataStore()), helpers: {} } as IExecuteFunctions;
		const error = await new SeenMemory(old).for(SET, 3).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'Only New Since Last Run needs n8n 1.64 or newer',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
	});
});
