import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	IAuthenticateGeneric,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { chain, connect, fixtureInput, node, NO_OP_TYPE, runWorkflow } from './harness';
import type { RunOptions } from './harness';

// A tiny credential and node, defined here so the harness is tested apart from the package.
class EchoApi implements ICredentialType {
	name = 'echoApi';
	displayName = 'Echo API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Login', name: 'login', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', default: '' },
		{ displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.login}}', password: '={{$credentials.password}}' },
		},
	};
}

class Echo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'GETs a path from the echo server for each item',
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'echoApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/', required: true },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const { baseUrl, region } = await this.getCredentials<{ baseUrl: string; region: string }>(
			'echoApi',
		);
		const memory = this.getWorkflowStaticData('node');
		for (let i = 0; i < items.length; i++) {
			try {
				const path = this.getNodeParameter('path', i) as string;
				this.logger.info(`echo ${path}`);
				const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
					method: 'GET',
					url: `${baseUrl}${path}`,
					json: true,
				})) as IDataObject;
				memory.calls = ((memory.calls as number | undefined) ?? 0) + 1;
				out.push({ json: { ...body, region }, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) {
					throw error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
				}
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		this.addExecutionHints({ message: `echoed ${items.length}`, location: 'outputPane' });
		return [out];
	}
}

const ECHO_TYPE = 'n8n-nodes-harness-test.echo';

let server: Server;
let baseUrl: string;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		seen.push({ url: req.url ?? '', headers: req.headers });
		const status = req.url === '/fail' ? 500 : 200;
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ path: req.url, ok: status === 200 }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	seen.length = 0;
});

function options(
	items: IDataObject[],
	echo: Partial<Parameters<typeof node>[3]> = {},
	{ staticData, ...extra }: Partial<RunOptions> & { staticData?: IDataObject } = {},
): RunOptions {
	const credentials = { echoApi: { id: 'cred-1', name: 'Echo account' } };
	return {
		nodeTypes: { [ECHO_TYPE]: Echo },
		credentialTypes: [new EchoApi()],
		credentials: {
			'cred-1': { type: 'echoApi', data: { login: 'alice', password: 's3cret', baseUrl } },
		},
		workflow: {
			nodes: [
				fixtureInput('Input', items),
				node('Echo', ECHO_TYPE, { path: '={{ $json.path }}' }, { credentials, ...echo }),
				node('After', NO_OP_TYPE),
			],
			connections: chain('Input', 'Echo', 'After'),
			staticData,
		},
		...extra,
	};
}

describe('integration harness', () => {
	it('evaluates expressions per item, pairs items, and sends Basic auth', async () => {
		const result = await runWorkflow(options([{ path: '/a' }, { path: '/b' }]));

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(seen.map((r) => r.url)).toEqual(['/a', '/b']);
		const basic = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
		expect(seen.map((r) => r.headers.authorization)).toEqual([basic, basic]);

		const echoed = result.outputOf('Echo');
		expect(echoed.map((i) => i.json)).toEqual([
			{ path: '/a', ok: true, region: 'eu' },
			{ path: '/b', ok: true, region: 'eu' },
		]);
		expect(echoed.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.outputOf('After').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.executionOrder).toEqual(['Input', 'Echo', 'After']);
		expect(result.hints('Echo')).toEqual([{ message: 'echoed 2', location: 'outputPane' }]);
		expect(result.logs).toContainEqual({ level: 'info', message: 'echo /a' });
	});

	it('turns item failures into error items with continueOnFail', async () => {
		const result = await runWorkflow(
			options([{ path: '/a' }, { path: '/fail' }], { continueOnFail: true }),
		);

		expect(result.error).toBeUndefined();
		const echoed = result.outputOf('Echo');
		expect(echoed[0].json.ok).toBe(true);
		expect(echoed[1].json.error).toEqual(expect.any(String));
		expect(echoed[1].pairedItem).toEqual({ item: 1 });
	});

	it("routes error items to the error output with onError 'continueErrorOutput'", async () => {
		const opts = options([{ path: '/a' }, { path: '/fail' }], { onError: 'continueErrorOutput' });
		opts.workflow.nodes.push(node('Failed', NO_OP_TYPE));
		opts.workflow.connections = connect(chain('Input', 'Echo', 'After'), 'Echo', 'Failed', 1);
		const result = await runWorkflow(opts);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Echo', 0).map((i) => i.json.path)).toEqual(['/a']);
		expect(result.outputOf('Echo', 1)).toHaveLength(1);
		expect(result.outputOf('Failed')[0].json.error).toEqual(expect.any(String));
	});

	it('surfaces a node failure as the execution error', async () => {
		const result = await runWorkflow(options([{ path: '/fail' }]));

		expect(result.status).toBe('error');
		expect(result.error).toBeDefined();
		// Like n8n's execution data, the error is a plain copy of the node's error object.
		const error = result.error as ExecutionBaseError & { node?: INode };
		expect(error.name).toBe('NodeOperationError');
		expect(error.node?.name).toBe('Echo');
		expect(error.description).toContain('500');
		expect(result.runData.After).toBeUndefined();
		expect(() => result.outputOf('After')).toThrow('did not run');
	});

	it("resolves $('Node').item through paired items", async () => {
		const opts = options([{ path: '/x' }, { path: '/y' }]);
		opts.workflow.nodes = [
			fixtureInput('Input', [{ path: '/x' }, { path: '/y' }]),
			node('Between', NO_OP_TYPE),
			node(
				'Echo',
				ECHO_TYPE,
				{ path: "={{ $('Input').item.json.path }}/deep" },
				{
					credentials: opts.workflow.nodes[1].credentials,
				},
			),
		];
		opts.workflow.connections = chain('Input', 'Between', 'Echo');
		const result = await runWorkflow(opts);

		expect(result.error).toBeUndefined();
		expect(seen.map((r) => r.url)).toEqual(['/x/deep', '/y/deep']);
	});

	it('reports workflow issues (a required parameter left empty) as the error', async () => {
		const opts = options([{ path: '/a' }]);
		opts.workflow.nodes[1].parameters.path = '';
		const result = await runWorkflow(opts);

		expect(result.error?.name).toBe('WorkflowHasIssuesError');
		expect(result.run).toBeUndefined();
		expect(seen).toHaveLength(0);
	});

	it('fails the node when its required credential is not set', async () => {
		const opts = options([{ path: '/a' }]);
		delete opts.workflow.nodes[1].credentials;
		const result = await runWorkflow(opts);

		expect(result.error?.message).toBe('Node does not have any credentials set');
	});

	it('fails the execution when a credential fixture is missing', async () => {
		const result = await runWorkflow(options([{ path: '/a' }], {}, { credentials: {} }));

		expect(result.error?.message).toContain('Credential with ID "cred-1" does not exist');
		expect(seen).toHaveLength(0);
	});

	it('keeps static data across production runs but not manual ones', async () => {
		const trigger = { mode: 'trigger' as const };
		const first = await runWorkflow(options([{ path: '/a' }, { path: '/b' }], {}, trigger));
		expect(first.staticData).toEqual({ 'node:Echo': { calls: 2 } });

		const { staticData } = first;
		const second = await runWorkflow(options([{ path: '/c' }], {}, { ...trigger, staticData }));
		expect(second.staticData).toEqual({ 'node:Echo': { calls: 3 } });

		const manual = await runWorkflow(
			options([{ path: '/d' }], {}, { staticData: second.staticData }),
		);
		expect(manual.staticDataAfterRun).toEqual({ 'node:Echo': { calls: 4 } });
		expect(manual.staticData).toEqual({ 'node:Echo': { calls: 3 } });
	});
});
