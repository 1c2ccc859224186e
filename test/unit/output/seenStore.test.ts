import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, WorkflowExecuteMode } from 'n8n-workflow';

import { fingerprint } from '../../../nodes/DataForSeoDomainIntersection/output/legacySeen';
import {
	MAX_SEEN_DOMAINS,
	openSeenStore,
	REMOVE_CHUNK,
	requireDedupHelpers,
	targetSetKey,
	type SeenStore,
} from '../../../nodes/DataForSeoDomainIntersection/output/seenStore';
import { ProcessedDataStore } from '../../integration/harness/processed-data-store';
import {
	RacingProcessedDataStore,
	ROW_CLASH,
} from '../../integration/harness/racing-processed-data-store';

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

const SET = {
	targets: ['moz.com', 'ahrefs.com'],
	excludeTargets: ['me.com'],
	resetSeen: false,
	onlyNew: true,
};
const KEY = targetSetKey(SET.targets, SET.excludeTargets);
const open = (fn: IExecuteFunctions, request = SET) => openSeenStore(fn, [request]) as SeenStore;
const entries = (store: SeenStore, domains: string[]) =>
	domains.map((domain) => store.entry(KEY, domain));
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
	it('check records and answers what was new; the next execution sees it', async () => {
		const db = new ProcessedDataStore();
		const first = open(context(db));
		const [a, b] = entries(first, ['a.org', 'b.org']);
		expect(await first.check([a, b, a])).toEqual(new Set([a, b]));
		expect(db.size()).toBe(2);
		expect(await open(context(db)).check([a, entries(first, ['c.org'])[0]])).toEqual(
			new Set([entries(first, ['c.org'])[0]]),
		);
	});

	it('is not opened in a manual run, nor without an Only New item', () => {
		const db = new ProcessedDataStore();
		expect(openSeenStore(context(db, 'manual'), [SET])).toBeUndefined();
		expect(openSeenStore(context(db), [{ ...SET, onlyNew: false }])).toBeUndefined();
		expect(openSeenStore(context(db), [SET])).toBeDefined();
	});

	it("serialises the execution's calls, so n8n's lock-free read/modify/write loses none", async () => {
		const db = new RacingProcessedDataStore();
		const store = open(context(db));
		await store.check(entries(store, ['first.org']));
		await Promise.all(
			[0, 1, 2, 3].map((i) => store.check(entries(store, domains(5, `batch${i}`)))),
		);
		expect(db.size()).toBe(21);
	});

	it('repeats a call that clashed with another execution creating the row', async () => {
		const db = new ProcessedDataStore();
		const fn = context(db);
		const check = fn.helpers.checkProcessedAndRecord;
		let clashes = 1;
		fn.helpers.checkProcessedAndRecord = async (...args) => {
			if (clashes-- > 0) throw new Error(ROW_CLASH);
			return check(...args);
		};
		const store = open(fn);
		expect(await store.check(entries(store, ['a.org']))).toEqual(
			new Set(entries(store, ['a.org'])),
		);
		fn.helpers.checkProcessedAndRecord = async () => {
			throw new Error('connection refused');
		};
		await expect(store.check(entries(store, ['b.org']))).rejects.toThrow('connection refused');
	});

	it(`forgets in calls of at most ${REMOVE_CHUNK} entries`, async () => {
		const db = new ProcessedDataStore();
		const store = open(context(db));
		const many = entries(store, domains(REMOVE_CHUNK * 2 + 2));
		await store.check(many);
		await store.forget(many.slice(1));
		expect(db.calls).toEqual(['check', 'remove', 'remove', 'remove']);
		expect(db.size()).toBe(1);
	});

	it('Forget Seen Domains clears the whole node once, just before the first check', async () => {
		const db = new ProcessedDataStore();
		await open(context(db)).check(['other-set x.org', `${KEY} a.org`]);
		const staticData: IDataObject = { seenDomains: { [KEY]: { hashes: fingerprint('a.org') } } };
		const store = open(context(db, 'trigger', staticData), { ...SET, resetSeen: true });
		expect(store.knownBefore(KEY, 'a.org')).toBe(false);
		expect(db.calls).toEqual(['check']);
		await store.check([`${KEY} a.org`]);
		await store.check([`${KEY} b.org`]);
		expect(db.calls).toEqual(['check', 'clear', 'check', 'check']);
		expect(db.size()).toBe(2);
		expect(staticData).toEqual({});
	});

	it(`forgets the oldest beyond ${MAX_SEEN_DOMAINS.toLocaleString('en')} entries`, async () => {
		const db = new ProcessedDataStore();
		const store = open(context(db));
		await store.check(entries(store, domains(MAX_SEEN_DOMAINS, 'old')));
		await store.check(entries(store, domains(10, 'new')));
		expect(db.size()).toBe(MAX_SEEN_DOMAINS);
		const probe = entries(store, ['old-0.example.com', 'old-10.example.com', 'new-9.example.com']);
		expect(await open(context(db)).check(probe)).toEqual(new Set([probe[0]]));
	});

	it("honours version 0.1.0's memory in static data, read-only", () => {
		const staticData = { seenDomains: { [KEY]: { hashes: fingerprint('a.org'), updatedAt: '' } } };
		const store = open(context(new ProcessedDataStore(), 'trigger', staticData));
		expect(store.knownBefore(KEY, 'a.org')).toBe(true);
		expect(store.knownBefore(KEY, 'b.org')).toBe(false);
		expect(store.knownBefore(targetSetKey(['x.com'], []), 'a.org')).toBe(false);
		expect(staticData.seenDomains[KEY].hashes).toBe(fingerprint('a.org'));
	});

	it('refuses with the n8n version it needs when the helpers are missing', () => {
		const old = { ...context(new ProcessedDataStore()), helpers: {} } as IExecuteFunctions;
		let error: unknown;
		try {
			requireDedupHelpers(old, 3);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'Only New Since Last Run needs n8n 1.64 or newer',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
	});
});
