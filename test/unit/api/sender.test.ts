import { Readable } from 'node:stream';
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ApiFailure } from '../../../nodes/DataForSeoDomainIntersection/api/apiErrors';
import { WHOLE_PARSE_BYTES } from '../../../nodes/DataForSeoDomainIntersection/api/answerBody';
import { readEnvelope, readTask } from '../../../nodes/DataForSeoDomainIntersection/api/envelope';
import {
	findBadItem,
	ReadItem,
	type ApiItem,
} from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { n8nSender } from '../../../nodes/DataForSeoDomainIntersection/api/sender';
import { skippedFields } from '../../../nodes/DataForSeoDomainIntersection/api/itemText';
import { StoppedError } from '../../../nodes/DataForSeoDomainIntersection/api/stop';

const item = (i: number): unknown => ({
	domain_intersection: { '1': { target: `site${i}.example`, padding: 'p'.repeat(400) } },
	summary: { intersections_count: 1 },
});

const page = (items: unknown[]) => ({
	status_code: 20000,
	tasks: [
		{ status_code: 20000, result: [{ total_count: 5000, items_count: items.length, items }] },
	],
});

/** The answer as n8n's helper streams it: chunks of a few KB, as a socket delivers them. */
function streamOf(text: string, chunkBytes = 4096): Readable {
	const bytes = Buffer.from(text);
	const chunks: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += chunkBytes)
		chunks.push(bytes.subarray(at, at + chunkBytes));
	return Readable.from(chunks);
}

/** n8n's helper as the node sees it: it answers with a stream of the answer's bytes. */
function helperAnswering(
	statusCode: number,
	body: unknown,
	answer: (text: string) => unknown = (text) => streamOf(text),
) {
	const asked: IHttpRequestOptions[] = [];
	const fn = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				asked.push(options);
				return { statusCode, headers: {}, body: answer(JSON.stringify(body)) };
			},
		},
	} as unknown as IExecuteFunctions;
	return { fn, asked };
}

/** A helper whose answer sends its headers and a first chunk, then nothing more. */
function stallingHelper() {
	const fn = {
		helpers: {
			httpRequestWithAuthentication: async () => {
				const body = new Readable({ read() {} });
				body.push(Buffer.from('{"status_code":20000,'));
				return { statusCode: 200, headers: {}, body };
			},
		},
	} as unknown as IExecuteFunctions;
	return fn;
}

describe('n8nSender: answers asked for as a stream', () => {
	const large = Array.from({ length: 1000 }, (_, i) => item(i));

	it('asks for a stream and parses what it carries, chunk boundaries anywhere', async () => {
		const { fn, asked } = helperAnswering(200, page(large));
		const response = await n8nSender(fn, 'https://api.example', 1000)('POST', '/x', [{}]);
		expect(asked[0].encoding).toBe('stream');
		expect(response.body).toEqual(page(large));
	});

	it('parses one answer after another with the same sender, each its own', async () => {
		// A large answer, then a small one read into the large one's buffer, then a large one again.
		const answers = [page(large), page([item(7)]), page(large.slice(0, 500))];
		const queue = [...answers];
		const fn = {
			helpers: {
				httpRequestWithAuthentication: async () => ({
					statusCode: 200,
					headers: {},
					body: streamOf(JSON.stringify(queue.shift())),
				}),
			},
		} as unknown as IExecuteFunctions;
		const send = n8nSender(fn, 'https://api.example', 1000);
		for (const answer of answers) expect((await send('POST', '/x', [{}])).body).toEqual(answer);
	});

	it('still takes bytes or text from a helper that returns them', async () => {
		for (const answer of [(text: string) => Buffer.from(text), (text: string) => text]) {
			const { fn } = helperAnswering(200, page(large), answer);
			const response = await n8nSender(fn, 'https://api.example', 1000)('POST', '/x', [{}]);
			expect(response.body).toEqual(page(large));
		}
	});

	it('stops reading an answer when the execution is stopped, with StoppedError', async () => {
		const stop = new AbortController();
		const sending = n8nSender(
			stallingHelper(),
			'https://api.example',
			60_000,
			stop.signal,
		)('POST', '/x', [{}]);
		setTimeout(() => stop.abort(), 20);
		await expect(sending).rejects.toBeInstanceOf(StoppedError);
	});

	it('gives up on an answer that stops arriving within the Timeout, as a timeout', async () => {
		const sending = n8nSender(stallingHelper(), 'https://api.example', 50)('POST', '/x', [{}]);
		const failure = await sending.catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(ApiFailure);
		expect((failure as ApiFailure).message).toMatch(/timed out.*50 ms/);
	});

	it('reads well-formed items into rows while parsing, and leaves a bad one for the check', async () => {
		const items = [...large];
		items[700] = { domain_intersection: 'broken' };
		const { fn } = helperAnswering(200, page(items));
		expect(JSON.stringify(page(items)).length).toBeGreaterThan(WHOLE_PARSE_BYTES);
		const read = (apiItem: ApiItem) => `row of ${apiItem.domain_intersection['1']?.target}`;
		const response = await n8nSender(fn, 'https://api.example', 1000)(
			'POST',
			'/x',
			[{}],
			undefined,
			read,
		);
		const parsed = (response.body as ReturnType<typeof page>).tasks[0].result[0].items;
		expect(parsed[0]).toEqual(new ReadItem('row of site0.example'));
		expect(parsed[999]).toEqual(new ReadItem('row of site999.example'));
		expect(parsed[700]).toEqual({ domain_intersection: 'broken' });
		expect(findBadItem(parsed)).toBe('items.700.domain_intersection: expected an object');
		expect(() => readTask(readEnvelope(response))).toThrow(/tasks\.0\.result\.0\.items\.700/);
	});

	it("hands the reader items without the fields it skips, and a bad item's fields intact", async () => {
		const withBreakdown = (i: number): unknown => ({
			domain_intersection: {
				'1': { target: `site${i}.example`, breakdown: { com: i }, padding: 'p'.repeat(400) },
			},
		});
		const items = Array.from({ length: 1000 }, (_, i) => withBreakdown(i));
		items[3] = { domain_intersection: 'broken', breakdown: { com: 3 } };
		const { fn } = helperAnswering(200, page(items));
		const has = (apiItem: unknown) => JSON.stringify(apiItem).includes('breakdown');
		const seen: boolean[] = [];
		const read = Object.assign((apiItem: ApiItem) => seen.push(has(apiItem)), {
			edit: skippedFields(['breakdown']),
		});
		const response = await n8nSender(fn, 'https://api.example', 1000)(
			'POST',
			'/x',
			[{}],
			undefined,
			read,
		);
		expect(seen).toHaveLength(999);
		expect(seen.some(Boolean)).toBe(false);
		// Unread, the bad item is left as the check will name it, but for the skipped field.
		const parsed = (response.body as ReturnType<typeof page>).tasks[0].result[0].items;
		expect(parsed[3]).toEqual({ domain_intersection: 'broken' });
	});

	it('keeps an error answer readable', async () => {
		const { fn } = helperAnswering(402, { status_code: 40200, status_message: 'Payment.' });
		const response = await n8nSender(fn, 'https://api.example', 1000)('POST', '/x', [{}]);
		expect(() => readEnvelope(response)).toThrow(/40200/);
	});
});
