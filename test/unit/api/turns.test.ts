import {
	ROWS_PER_CHECK,
	SLICE_MS,
	Turns,
} from '../../../nodes/DataForSeoDomainIntersection/api/turns';
import { ItemWriter } from '../../../nodes/DataForSeoDomainIntersection/output/itemWriter';
import {
	ReadItem,
	type ApiItem,
} from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

/** Busy-waits, as parsing or flattening does: nothing else runs meanwhile. */
const busy = (ms: number) => {
	const end = Date.now() + ms;
	while (Date.now() < end);
};

/** Counts the loop's timer turns while it runs. */
function ticks(): { count: () => number; stop: () => void } {
	let count = 0;
	const timer = setInterval(() => count++, 1);
	return { count: () => count, stop: () => clearInterval(timer) };
}

describe('Turns: slices of the event loop', () => {
	it('gives other timers a turn between two slices that were waiting together', async () => {
		const turns = new Turns();
		busy(SLICE_MS + 5);
		const order: string[] = [];
		await Promise.all(
			['a', 'b'].map(async (name) => {
				await turns.slice();
				order.push(name);
				// Due in the next turn of the loop: it runs before b only if b waits for that turn.
				if (name === 'a') setTimeout(() => order.push('other'), 0);
				busy(SLICE_MS + 5);
			}),
		);
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(order).toEqual(['a', 'other', 'b']);
	});

	it('costs nothing while the slice lasts', async () => {
		// A clock that stands still: the slice never runs out, however slow the machine is.
		const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
		try {
			const turns = new Turns();
			const clock = ticks();
			for (let i = 0; i < 100; i++) await turns.slice();
			clock.stop();
			expect(turns.due).toBe(false);
			expect(clock.count()).toBe(0);
		} finally {
			now.mockRestore();
		}
	});
});

describe('ItemWriter.prepare', () => {
	const item = (i: number) =>
		({
			domain_intersection: { '1': { target: `site${i}.example`, backlinks: i } },
		}) as unknown as ApiItem;

	it('builds the rows in the API order and gives the loop turns while it is long', async () => {
		const request = { ...buildRequest(nodeParameters()), wanted: 1000 };
		const writer = new ItemWriter(request, 0);
		const turns = new Turns();
		// A slice used up at every look at the clock: one turn per ROWS_PER_CHECK rows.
		jest.spyOn(turns, 'due', 'get').mockReturnValue(true);
		const slices = jest.spyOn(turns, 'slice').mockResolvedValue();
		const items = Array.from({ length: 300 }, (_, i) => item(i));
		const rows = await writer.prepare(items, turns);
		expect(rows.map((row) => row.domain)).toEqual(items.map((_, i) => `site${i}.example`));
		expect(slices).toHaveBeenCalledTimes(Math.ceil(300 / ROWS_PER_CHECK));
		writer.addPrepared(rows);
		expect(writer.items.map((out) => out.json.referring_domain)).toEqual(
			items.map((_, i) => `site${i}.example`),
		);
	});

	it('keeps the rows read while the answer was parsed, and builds the rest the same way', async () => {
		const request = { ...buildRequest(nodeParameters()), wanted: 1000 };
		const writer = new ItemWriter(request, 0);
		const items = Array.from({ length: 10 }, (_, i) => item(i));
		const built = await writer.prepare(items, new Turns());
		const mixed = items.map((apiItem, i) =>
			i % 2 ? new ReadItem(writer.prepareOne(apiItem)) : apiItem,
		);
		const marked = new ReadItem({ domain: 'marked.example', row: null });
		const rows = await writer.prepare([...mixed, marked], new Turns());
		expect(rows.slice(0, 10)).toEqual(built);
		expect(rows[10]).toBe(marked.value);
	});
});
