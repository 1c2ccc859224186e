import type { IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

import { DataForSeoBasicAuthApi } from '../../../credentials/DataForSeoBasicAuthApi.credentials';
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
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: {
				auth: { username: '={{$credentials.login}}', password: '={{$credentials.password}}' },
			},
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
