import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { WHOLE_PARSE_BYTES } from '../../../nodes/DataForSeoDomainIntersection/api/answerBody';
import { readEnvelope, readTask } from '../../../nodes/DataForSeoDomainIntersection/api/envelope';
import {
	findBadItem,
	ReadItem,
	type ApiItem,
} from '../../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { n8nSender } from '../../../nodes/DataForSeoDomainIntersection/api/sender';

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

/** n8n's helper as the node sees it: it answers with the bytes asked for. */
function helperAnswering(statusCode: number, body: unknown) {
	const asked: IHttpRequestOptions[] = [];
	const fn = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				asked.push(options);
				return { statusCode, headers: {}, body: Buffer.from(JSON.stringify(body)) };
			},
		},
	} as unknown as IExecuteFunctions;
	return { fn, asked };
}

describe('n8nSender: answers asked for as bytes', () => {
	const large = Array.from({ length: 1000 }, (_, i) => item(i));

	it('asks for bytes and parses them', async () => {
		const { fn, asked } = helperAnswering(200, page(large));
		const response = await n8nSender(fn, 'https://api.example', 1000)('POST', '/x', [{}]);
		expect(asked[0].encoding).toBe('arraybuffer');
		expect(response.body).toEqual(page(large));
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

	it('keeps an error answer readable', async () => {
		const { fn } = helperAnswering(402, { status_code: 40200, status_message: 'Payment.' });
		const response = await n8nSender(fn, 'https://api.example', 1000)('POST', '/x', [{}]);
		expect(() => readEnvelope(response)).toThrow(/40200/);
	});
});
