// The simulator's page cache: a repeated page is served from its bytes, and nothing a test can
// change (the graph, the task) is served stale.
import {
	intersect,
	SIM_LOGIN,
	SIM_PASSWORD,
	startSimulator,
	type Simulator,
} from '../../simulator';
import { answerParts, ITEMS_MARK, PageCache } from '../../simulator/pageCache';

const LIVE = '/v3/backlinks/domain_intersection/live';
const AUTH = `Basic ${Buffer.from(`${SIM_LOGIN}:${SIM_PASSWORD}`).toString('base64')}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function runTask(sim: Simulator, task: Record<string, unknown>): Promise<Json> {
	const response = await fetch(sim.url + LIVE, {
		method: 'POST',
		headers: { authorization: AUTH, 'content-type': 'application/json' },
		body: JSON.stringify([task]),
	});
	const body = (await response.json()) as Json;
	expect(body.status_code).toBe(20000);
	return body.tasks[0];
}

const domainsOf = (task: Json): string[] =>
	(task.result[0].items ?? []).map((item: Json) => item.domain_intersection['1'].target);

describe('PageCache', () => {
	const text = (bytes: Buffer) => bytes.toString();

	it('renders a key once and keeps the most recently used within its size', () => {
		const cache = new PageCache(25);
		let renders = 0;
		const render = (value: string) => () => (renders++, value);
		expect(text(cache.bytesOf('a', render('aaaaaaaa')))).toBe('"aaaaaaaa"');
		expect(text(cache.bytesOf('a', render('other')))).toBe('"aaaaaaaa"');
		expect(renders).toBe(1);
		cache.bytesOf('b', render('bbbbbbbb'));
		cache.bytesOf('a', render('aaaaaaaa')); // a is now the most recent
		cache.bytesOf('c', render('cccccccc')); // 30 bytes: b, the least recent, goes
		expect(cache.size).toBe(2);
		expect(text(cache.bytesOf('a', render('new a')))).toBe('"aaaaaaaa"');
		expect(text(cache.bytesOf('b', render('new b')))).toBe('"new b"');
	});

	it('bounds UTF-8 bytes, not characters', () => {
		const cache = new PageCache(12);
		cache.bytesOf('a', () => 'ééé'); // 8 bytes, 5 characters
		cache.bytesOf('b', () => 'x'); // 3 more: 11 bytes, both kept
		expect(cache.size).toBe(2);
		cache.bytesOf('c', () => 'y'); // 14 bytes: a goes
		expect(cache.size).toBe(2);
	});

	it('keeps a page larger than its whole size only until the next one', () => {
		const cache = new PageCache(4);
		cache.bytesOf('big', () => 'much more than four');
		expect(cache.size).toBe(1);
		cache.bytesOf('next', () => 'x');
		expect(cache.size).toBe(1);
	});
});

describe('answerParts', () => {
	it('puts the items bytes where the mark stands, without copying them', () => {
		const body = { tasks: [{ result: [{ items: ITEMS_MARK, after: '$&' }] }] };
		const items = Buffer.from(JSON.stringify([{ tld: { "$&$'": 1 } }]));
		const parts = answerParts(body, items);
		expect(parts[1]).toBe(items);
		expect(JSON.parse(Buffer.concat(parts).toString())).toEqual({
			tasks: [{ result: [{ items: [{ tld: { "$&$'": 1 } }], after: '$&' }] }],
		});
		expect(Buffer.concat(answerParts({ items: null }, undefined)).toString()).toBe(
			'{"items":null}',
		);
	});
});

describe('the simulator serving repeated pages', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ graphSize: 1000 });
	});
	afterAll(() => sim.close());

	const task = { targets: { '1': 'moz.com', '2': 'ahrefs.com' }, limit: 1000 };

	it('answers the same items again, in a fresh envelope', async () => {
		const first = await runTask(sim, task);
		const again = await runTask(sim, { ...task, tag: 'again' });
		expect(again.result[0].items).toEqual(first.result[0].items);
		expect(again.id).not.toBe(first.id);
		expect(again.data.tag).toBe('again');
		expect(domainsOf(first)).toEqual(
			intersect(sim.graph, task)
				.slice(0, 1000)
				.map((row) => row.referringDomain),
		);
	});

	it('answers from the grown graph, not the cached text', async () => {
		const before = await runTask(sim, task);
		expect(before.result[0].total_count).toBeLessThan(1000);
		sim.grow(300);
		const after = await runTask(sim, task);
		expect(after.result[0].items_count).toBeGreaterThan(before.result[0].items_count);
		expect(domainsOf(after)).toEqual(
			intersect(sim.graph, task)
				.slice(0, 1000)
				.map((row) => row.referringDomain),
		);
	});

	it('answers another page or another task with its own items', async () => {
		const page = { ...task, limit: 10 };
		const first = domainsOf(await runTask(sim, page));
		const second = domainsOf(await runTask(sim, { ...page, offset: 10 }));
		const other = domainsOf(await runTask(sim, { ...page, targets: { '1': 'semrush.com' } }));
		const all = intersect(sim.graph, page).map((row) => row.referringDomain);
		expect(first).toEqual(all.slice(0, 10));
		expect(second).toEqual(all.slice(10, 20));
		expect(other).not.toEqual(first);
	});
});
