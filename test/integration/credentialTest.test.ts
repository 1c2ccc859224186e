// The credential's Test request, built the way n8n's credential tester builds it: the request of
// `test` run by n8n-core's routing engine (real expression evaluation of baseURL, real
// authentication, real HTTP client). The password must never go over plain http to another
// machine. 0.0.0.0 is such a host by the rule, yet on this machine it reaches a server on
// 127.0.0.1, so a request built for it would be seen by the capture server below.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeType } from 'n8n-workflow';

import { DataForSeoBasicAuthApi } from '../../credentials/DataForSeoBasicAuthApi.credentials';
import { chain, fixtureInput, node, runWorkflow } from './harness';

const credential = new DataForSeoBasicAuthApi();
const PROBE_TYPE = 'harness.credentialTestProbe';

/** The node type n8n's tester makes for a credential test: one property routed to `test.request`. */
const probe: INodeType = {
	description: {
		displayName: 'Credential test probe',
		name: 'credentialTestProbe',
		group: ['transform'],
		version: 1,
		description: 'Sends the credential test request',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: credential.name, required: true }],
		requestDefaults: {},
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: credential.test.request },
			},
		],
	},
};

let server: Server;
let port = 0;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		seen.push(req.headers);
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ status_code: 20000, tasks: [{ result: [{ login: 'l' }] }] }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	seen.length = 0;
});

function testWith(baseUrl: string) {
	return runWorkflow({
		nodeTypes: { [PROBE_TYPE]: probe },
		credentialTypes: [credential],
		credentials: {
			c: {
				type: credential.name,
				data: { login: 'l', password: 'secret-pw', environment: 'custom', baseUrl },
			},
		},
		workflow: {
			nodes: [
				fixtureInput('Input', [{}]),
				node(
					'Probe',
					PROBE_TYPE,
					{},
					{ credentials: { [credential.name]: { id: 'c', name: 'C' } } },
				),
			],
			connections: chain('Input', 'Probe'),
		},
	});
}

describe("the credential's Test request", () => {
	it('reaches a Base URL on this machine, with the password', async () => {
		const result = await testWith(`http://127.0.0.1:${port}/`);
		expect(result.error).toBeUndefined();
		expect(seen).toHaveLength(1);
		expect(seen[0].authorization).toBe(`Basic ${Buffer.from('l:secret-pw').toString('base64')}`);
	});

	it.each([
		['another host', (p: number) => `http://0.0.0.0:${p}`],
		[
			'a loopback user part before another host',
			(p: number) => `http://127.0.0.1:${p}@0.0.0.0:${p}`,
		],
		['an upper-case scheme', (p: number) => `HTTP://0.0.0.0:${p}/`],
	])('is never sent over plain http to %s', async (_, url) => {
		const result = await testWith(url(port));
		expect(result.error).toBeDefined();
		expect(seen).toEqual([]);
	});
});
