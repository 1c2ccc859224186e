import type { IDataObject } from 'n8n-workflow';

import {
	MAX_SEEN_PER_TARGET_SET,
	SeenStore,
	SeenStores,
	fingerprint,
	targetSetKey,
} from '../../../nodes/DataForSeoDomainIntersection/output/seenStore';

const domains = (n: number, prefix = 'site') =>
	Array.from({ length: n }, (_, i) => `${prefix}-${i}.example.com`);

describe('fingerprint', () => {
	it('is 8 characters, stable, and spreads 40,000 domains without collisions', () => {
		expect(fingerprint('moz.com')).toHaveLength(8);
		expect(fingerprint('moz.com')).toBe(fingerprint('moz.com'));
		expect(new Set(domains(40000).map(fingerprint)).size).toBe(40000);
	});

	it('keys a target set by content, not order or case', () => {
		expect(targetSetKey(['a.com', 'B.com'], ['me.com'])).toBe(
			targetSetKey(['b.com', 'a.com'], ['ME.com']),
		);
		expect(targetSetKey(['a.com'], [])).not.toBe(targetSetKey(['a.com'], ['me.com']));
	});
});

describe('SeenStore', () => {
	it('remembers across runs through static data', () => {
		const staticData: IDataObject = {};
		const first = new SeenStore(staticData, 'k', false);
		expect(first.has('a.org')).toBe(false);
		first.remember(['a.org', 'b.org']);
		first.save();
		const second = new SeenStore(JSON.parse(JSON.stringify(staticData)), 'k', false);
		expect(second.has('a.org')).toBe(true);
		expect(second.has('c.org')).toBe(false);
		expect(new SeenStore(staticData, 'other', false).has('a.org')).toBe(false);
		expect(new SeenStore(staticData, 'k', true).has('a.org')).toBe(false);
	});

	it('keeps 40,000 domains in well under 1 MB', () => {
		const staticData: IDataObject = {};
		const store = new SeenStore(staticData, 'k', false);
		store.remember(domains(40000));
		store.save();
		const bytes = Buffer.byteLength(JSON.stringify(staticData));
		expect(bytes).toBeLessThan(330_000);
	});

	it('forgets the oldest beyond the cap', () => {
		const staticData: IDataObject = {};
		const store = new SeenStore(staticData, 'k', false);
		store.remember(domains(MAX_SEEN_PER_TARGET_SET, 'old'));
		store.save();
		const next = new SeenStore(staticData, 'k', false);
		next.remember(domains(10, 'new'));
		next.save();
		const after = new SeenStore(staticData, 'k', false);
		expect(after.has('old-0.example.com')).toBe(false);
		expect(after.has('old-9.example.com')).toBe(false);
		expect(after.has('old-10.example.com')).toBe(true);
		expect(after.has('new-9.example.com')).toBe(true);
	});

	it('touches static data only when asked', () => {
		let reads = 0;
		const stores = new SeenStores(() => {
			reads++;
			return {};
		});
		stores.save();
		expect(reads).toBe(0);
		stores.for({ targets: ['a.com'], excludeTargets: [], resetSeen: false });
		stores.for({ targets: ['a.com'], excludeTargets: [], resetSeen: false });
		expect(reads).toBe(1);
	});
});
