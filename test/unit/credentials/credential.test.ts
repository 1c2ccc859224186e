import type { IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

import { DataForSeoBasicAuthApi } from '../../../credentials/DataForSeoBasicAuthApi.credentials';
import {
	REFUSED_TEST_URL,
	resolveBaseUrl,
} from '../../../nodes/DataForSeoDomainIntersection/api/baseUrl';
import { SIM_LOGIN, SIM_PASSWORD, startSimulator, type Simulator } from '../../simulator';

const credential = new DataForSeoBasicAuthApi();

/** n8n fails a credential test when `get(body, key) === value` for any rule. */
function failingRule(body: unknown): string | undefined {
	for (const rule of credential.test.rules as IAuthenticateRuleResponseSuccessBody[]) {
		const found = rule.properties.key
			.replace(/\[(\d+)\]/g, '.$1')
			.split('.')
			.reduce<unknown>(
				(node, key) =>
					node !== null && typeof node === 'object'
						? (node as Record<string, unknown>)[key]
						: undefined,
				body,
			);
		if (found === rule.properties.value) return rule.properties.message;
	}
	return undefined;
}

/** The baseURL expression, evaluated as n8n's expression engine would with these fields. */
function baseUrl(fields: Record<string, unknown>): string {
	const source = String(credential.test.request.baseURL).replace(/^=\{\{(.*)\}\}$/s, '$1');
	return new Function('$credentials', `return (${source});`)(fields) as string;
}

describe('credential', () => {
	it('has the contract field names and a password field', () => {
		expect(credential.name).toBe('dataForSeoBasicAuthApi');
		expect(credential.properties.map((p) => p.name)).toEqual([
			'login',
			'password',
			'environment',
			'baseUrl',
		]);
		expect(credential.properties[1].typeOptions?.password).toBe(true);
		expect(credential.properties[2].options?.map((o) => (o as { value: string }).value)).toEqual([
			'live',
			'sandbox',
			'custom',
		]);
	});

	// A function, so n8n calls it instead of resolving two expressions per request.
	it('adds Basic auth from the login and password, and keeps the rest of the request', async () => {
		expect(typeof credential.authenticate).toBe('function');
		const request = { url: '/v3/x', method: 'POST' as const, headers: { 'X-A': '1' } };
		const sent = await credential.authenticate(
			{ login: 'me@example.com', password: 'secret', environment: 'live' },
			request,
		);
		expect(sent).toEqual({ ...request, auth: { username: 'me@example.com', password: 'secret' } });
		expect(request).not.toHaveProperty('auth');
		expect((await credential.authenticate({}, request)).auth).toEqual({
			username: '',
			password: '',
		});
	});

	it('tests against the chosen environment', () => {
		expect(baseUrl({ environment: 'live' })).toBe('https://api.dataforseo.com');
		expect(baseUrl({ environment: 'sandbox' })).toBe('https://sandbox.dataforseo.com');
		expect(baseUrl({ environment: 'custom', baseUrl: ' http://127.0.0.1:9 ' })).toBe(
			'http://127.0.0.1:9',
		);
		expect(credential.test.request.url).toBe('/v3/appendix/user_data');
	});

	// One rule: whatever the node accepts, the Test request uses; whatever it refuses, the Test
	// request never gets (it goes to a scheme no client can open).
	it.each([
		['https://proxy.example.com/', 'https://proxy.example.com'],
		['HTTPS://Proxy.Example.com', 'HTTPS://Proxy.Example.com'],
		['http://127.0.0.1:9', 'http://127.0.0.1:9'],
		['http://localhost:8080/dfs/', 'http://localhost:8080/dfs'],
		['http://[::1]:9', 'http://[::1]:9'],
		['http://proxy.example.com', null],
		['http://0.0.0.0:9', null],
		['http://127.0.0.1:9@proxy.example.com', null],
		['http://localhost.proxy.example.com', null],
		['http://127.0.0.1.nip.io', null],
		['http://127.0.0.1:9/x?to=proxy.example.com', null],
		['http://localhost\\@proxy.example.com', null],
		['ftp://proxy.example.com', null],
		['proxy.example.com', null],
	])('node and Test request agree on %s', (text, accepted) => {
		const tested = baseUrl({ environment: 'custom', baseUrl: ` ${text} ` });
		if (accepted === null) {
			expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: text })).toThrow(/Base URL/);
			expect(tested).toBe(REFUSED_TEST_URL);
		} else {
			expect(resolveBaseUrl({ environment: 'custom', baseUrl: text })).toBe(accepted);
			expect(tested).toBe(accepted);
		}
	});

	it('names the refusal in the node', () => {
		expect(() =>
			resolveBaseUrl({ environment: 'custom', baseUrl: 'http://proxy.example.com' }),
		).toThrow(
			/plain http:\/\/ would send your DataForSEO password unencrypted to proxy.example.com/,
		);
	});

	describe('credential test rules against the simulator', () => {
		let sim: Simulator;
		beforeAll(async () => (sim = await startSimulator({ graphSize: 100 })));
		afterAll(async () => sim.close());
		const userData = async (password: string) => {
			const response = await fetch(`${sim.url}/v3/appendix/user_data`, {
				headers: {
					authorization: `Basic ${Buffer.from(`${SIM_LOGIN}:${password}`).toString('base64')}`,
				},
			});
			return { status: response.status, body: (await response.json()) as Record<string, unknown> };
		};

		it('passes for a real account answer', async () => {
			const { status, body } = await userData(SIM_PASSWORD);
			expect(status).toBe(200);
			expect(failingRule(body)).toBeUndefined();
		});

		it('fails for every answer that is not status 20000 with account data', async () => {
			const { body } = await userData('wrong');
			expect(failingRule(body)).toMatch(/did not accept/);
			expect(failingRule({ status_code: 40200, status_message: 'Payment Required.' })).toMatch(
				/balance/,
			);
			expect(failingRule({ status_code: 50000, tasks: null })).toMatch(/not with account data/);
			expect(
				failingRule({
					status_code: 20000,
					tasks: [{ status_code: 40104, status_message: 'x', result: null }],
				}),
			).toMatch(/not with account data/);
			expect(failingRule('<html>proxy error</html>')).toMatch(/not with account data/);
		});
	});
});
