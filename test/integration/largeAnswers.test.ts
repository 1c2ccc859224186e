/**
 * A page over 256 KB is parsed a run of items at a time, and the breakdowns are cut from its text
 * (Key Metrics, compact) or handed over as their JSON text (All Metrics, version 1) before the
 * parse. Whatever the text looks like, the rows must be the ones JSON.parse of the answer gives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import example from '../fixtures/example_response.json';
import { WHOLE_PARSE_BYTES } from '../../nodes/DataForSeoDomainIntersection/api/answerBody';
import type { ApiItem } from '../../nodes/DataForSeoDomainIntersection/api/responseSchema';
import { flattenItem, rawItem } from '../../nodes/DataForSeoDomainIntersection/output/flatten';
import type { ColumnSet } from '../../nodes/DataForSeoDomainIntersection/request/task';
import { json, runNode } from './nodeRunner';

const TARGETS = ['moz.com', 'ahrefs.com'];
const ROWS = 600;
const docsItems = example.tasks[0].result[0].items as unknown as ApiItem[];

/**
 * Breakdowns of every kind the cut meets: written as JSON.stringify writes them, and not
 * (spaces, a decimal, an index-like key, an escape, a nested object), empty, null, missing.
 */
const BREAKDOWNS: unknown[] = [
	{ com: 3, '': 1, org: -1 },
	'{ "com" : 2 }',
	{ com: 1.5 },
	{ '7': 1, net: 2 },
	{ 'c"m': 1, 'a}{': 2 },
	{ com: { deep: 1 } },
	{},
	null,
	undefined,
];

function itemOf(i: number): ApiItem {
	const item = JSON.parse(JSON.stringify(docsItems[i % docsItems.length])) as ApiItem;
	for (const [key, entry] of Object.entries(item.domain_intersection)) {
		if (!entry) continue;
		entry.target = `site${i}.example`;
		entry.backlinks = i * 10 + Number(key);
		const breakdown = BREAKDOWNS[(i + Number(key)) % BREAKDOWNS.length];
		// A string here stands for text the server writes as it is (see answerText).
		entry.referring_links_tld = typeof breakdown === 'string' ? `@@${breakdown}@@` : breakdown;
		if (i % 5 === 0) entry.referring_links_countries = { US: i, DE: 1 };
	}
	return item;
}

/** The answer as the server writes it: the placeholder strings become their raw JSON. */
function answerText(items: ApiItem[], space?: number): string {
	const answer = {
		...example,
		tasks: [
			{
				...example.tasks[0],
				result: [
					{
						...example.tasks[0].result[0],
						total_count: items.length,
						items_count: items.length,
						items,
					},
				],
			},
		],
	};
	return JSON.stringify(answer, null, space).replace(/"@@(.*?)@@"/g, (_, raw: string) =>
		JSON.parse(`"${raw}"`),
	);
}

let server: Server;
let body = '';
let baseUrl = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			res.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const parameters = (extra: INodeParameters): INodeParameters => ({
	targets: TARGETS.join(', '),
	excludeTargets: '',
	limit: ROWS,
	...extra,
});

describe('a large answer, its breakdowns cut or kept as text before the parse', () => {
	const items = Array.from({ length: ROWS }, (_, i) => itemOf(i));

	it.each<[string, number | undefined, INodeParameters, ColumnSet | 'raw', number]>([
		['Key Metrics', undefined, {}, 'key', 2],
		['Key Metrics, pretty-printed', 2, {}, 'key', 2],
		['All Metrics', undefined, { columns: 'all' }, 'all', 2],
		['All Metrics, pretty-printed', 2, { columns: 'all' }, 'all', 2],
		["version 1's columns", undefined, {}, 'legacy', 1],
		['Raw', undefined, { outputFormat: 'raw' }, 'raw', 2],
	])('gives the rows of JSON.parse: %s', async (_, space, extra, set, typeVersion) => {
		body = answerText(items, space);
		expect(body.length).toBeGreaterThan(WHOLE_PARSE_BYTES);
		const parsed = (JSON.parse(body) as typeof example).tasks[0].result[0]
			.items as unknown as ApiItem[];
		const result = await runNode({ baseUrl, parameters: parameters(extra), typeVersion });
		expect(result.error).toBeUndefined();
		const expected = parsed.map((item) =>
			set === 'raw' ? rawItem(item, TARGETS, 'key') : flattenItem(item, TARGETS, set),
		);
		expect(json(result)).toEqual(expected);
	});
});
