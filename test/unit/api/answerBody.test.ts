import {
	cutAnswer,
	ITEMS_PER_PIECE,
	parseAnswer,
	WHOLE_PARSE_BYTES,
} from '../../../nodes/DataForSeoDomainIntersection/api/answerBody';
import { skippedFields } from '../../../nodes/DataForSeoDomainIntersection/api/itemText';
import { Turns } from '../../../nodes/DataForSeoDomainIntersection/api/turns';

/** Text that trips a naive cut: quotes, the item's own first key and list marks inside strings. */
const TRICKY = [
	'{"domain_intersection":{"1":{}}},',
	'"items":[{"domain_intersection":',
	'back\\slash \\" quote',
	'é, 日本語, 🙂',
	'}]},{"',
];

function item(i: number, extra: Record<string, unknown> = {}) {
	return {
		domain_intersection: {
			'1': {
				type: 'backlinks_domain_intersection',
				target: `site${i}.example`,
				backlinks: i,
				anchor: TRICKY[i % TRICKY.length],
				referring_links_tld: { com: i, 'xn--p1ai': 2 },
			},
			'2': i % 3 === 0 ? null : { target: `site${i}.example`, padding: 'x'.repeat(300) },
		},
		summary: { intersections_count: i % 3 === 0 ? 1 : 2 },
		...extra,
	};
}

function answer(count: number, { itemsCount = count, itemOf = item } = {}) {
	return {
		version: '0.1.20230825',
		status_code: 20000,
		status_message: 'Ok.',
		tasks: [
			{
				status_code: 20000,
				data: { targets: { '1': 'a.com' }, filters: ['x', 'like', '"items":[{'] },
				result: [
					{
						total_count: count * 10,
						items_count: itemsCount,
						items: Array.from({ length: count }, (_, i) => itemOf(i)),
					},
				],
			},
		],
	};
}

const bytesOf = (value: unknown, space?: number) =>
	Buffer.from(JSON.stringify(value, null, space), 'utf8');

/** A page over WHOLE_PARSE_BYTES, so it is cut. */
const LARGE = 1200;

describe('parseAnswer: a large answer parsed a run of items at a time', () => {
	it('is big enough to be cut, into runs of ITEMS_PER_PIECE', () => {
		const bytes = bytesOf(answer(LARGE));
		expect(bytes.length).toBeGreaterThan(WHOLE_PARSE_BYTES);
		const cut = cutAnswer(bytes);
		// Runs are measured by the first item's size, which is one of the smaller ones here.
		expect(cut?.pieces.length).toBeGreaterThanOrEqual(LARGE / ITEMS_PER_PIECE / 2);
		expect(cut?.pieces.length).toBeLessThanOrEqual((LARGE / ITEMS_PER_PIECE) * 2);
	});

	it.each([
		['compact', undefined],
		['pretty-printed', 2],
	])('gives what JSON.parse gives, %s, and leaves the bytes as they were', async (_, space) => {
		const bytes = bytesOf(answer(LARGE), space);
		const copy = Buffer.from(bytes);
		expect(await parseAnswer(bytes)).toEqual(JSON.parse(copy.toString()));
		expect(bytes.equals(copy)).toBe(true);
	});

	it('hands the event loop back between runs', async () => {
		const turns = new Turns();
		jest.spyOn(turns, 'due', 'get').mockReturnValue(true);
		const slices = jest.spyOn(turns, 'slice').mockResolvedValue();
		await parseAnswer(bytesOf(answer(LARGE)), turns);
		// One before the parse, then one per run.
		expect(slices.mock.calls.length).toBeGreaterThanOrEqual(LARGE / ITEMS_PER_PIECE);
	});

	it('lets each run be read into rows as it is parsed, in order', async () => {
		const seen: number[] = [];
		const parsed = (await parseAnswer(bytesOf(answer(LARGE)), undefined, (run) => {
			seen.push(run.length);
			run.forEach((value, i) => (run[i] = (value as ReturnType<typeof item>).summary));
		})) as ReturnType<typeof answer>;
		const items = parsed.tasks[0].result[0].items as unknown[];
		expect(seen.reduce((sum, n) => sum + n, 0)).toBe(LARGE);
		expect(items).toEqual(answer(LARGE).tasks[0].result[0].items.map((i) => i.summary));
	});

	it.each([
		[
			'an item holds an object that starts with the same key',
			answer(LARGE, { itemOf: (i) => item(i, { nested: [{ domain_intersection: i }] }) }),
		],
		['items_count says more than there are', answer(LARGE, { itemsCount: LARGE + 1 })],
		[
			'the items are not objects',
			{ tasks: [{ result: [{ items: Array.from({ length: 60000 }, (_, i) => i) }] }] },
		],
		['two results', { tasks: [{ result: [answer(LARGE).tasks[0].result[0], { items: [] }] }] }],
	])('falls back to one JSON.parse when %s', async (_, value) => {
		const bytes = bytesOf(value);
		expect(bytes.length).toBeGreaterThan(WHOLE_PARSE_BYTES);
		// Whatever was read before the cut proved wrong is not in the answer.
		const parsed = await parseAnswer(bytes, undefined, (run) => run.fill('read'));
		expect(parsed).toEqual(value);
	});

	it('leaves skipped fields out of a cut answer, and keeps them where it parses whole', async () => {
		const skipped = skippedFields(['referring_links_tld']);
		const parsed = (await parseAnswer(
			bytesOf(answer(LARGE)),
			undefined,
			undefined,
			skipped,
		)) as ReturnType<typeof answer>;
		const expected = answer(LARGE);
		for (const one of expected.tasks[0].result[0].items)
			delete (one.domain_intersection['1'] as Partial<(typeof one.domain_intersection)['1']>)
				.referring_links_tld;
		expect(parsed).toEqual(expected);
		// A small answer, and the fallback of a cut that proved wrong, are exactly JSON.parse's.
		expect(await parseAnswer(bytesOf(answer(3)), undefined, undefined, skipped)).toEqual(answer(3));
		const miscounted = answer(LARGE, { itemsCount: LARGE + 1 });
		expect(await parseAnswer(bytesOf(miscounted), undefined, undefined, skipped)).toEqual(
			miscounted,
		);
	});

	it('keeps text that is not JSON as text, as when it was asked for as text', async () => {
		const bytes = bytesOf(answer(LARGE));
		const cutShort = bytes.subarray(0, bytes.length - 10);
		expect(await parseAnswer(cutShort)).toBe(cutShort.toString());
		expect(await parseAnswer(Buffer.from('<html>Bad gateway</html>'))).toBe(
			'<html>Bad gateway</html>',
		);
	});

	it('drops a byte-order mark, as axios does for text', async () => {
		for (const count of [2, LARGE]) {
			const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(answer(count))]);
			expect(await parseAnswer(bytes)).toEqual(answer(count));
		}
	});

	it('parses a small answer and an answer without items as they are', async () => {
		expect(await parseAnswer(bytesOf(answer(3)))).toEqual(answer(3));
		const noItems = { ...answer(0), padding: 'y'.repeat(WHOLE_PARSE_BYTES) };
		expect(await parseAnswer(bytesOf(noItems))).toEqual(noItems);
	});
});
