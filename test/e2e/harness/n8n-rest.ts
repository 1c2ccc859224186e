/**
 * n8n's internal REST API as the editor uses it: the owner's session cookie plus the editor's
 * `browser-id` header (n8n binds the session to it). Used to stop a running execution exactly as
 * the editor's Stop button does (`POST /rest/executions/:id/stop`, same on 1.x and 2.x).
 */
import { parse } from 'flatted';

import type { RunData } from './run-data';
import { until } from './until';

const BROWSER_ID = 'e2e-browser-0001';

export const REST_OWNER = {
	email: 'rest-owner@example.com',
	firstName: 'Rest',
	lastName: 'Owner',
	password: 'RestOwner1234',
} as const;

export interface ExecutionSummary {
	readonly id: string;
	readonly workflowId: string;
	readonly status: string;
	readonly mode?: string;
}

export interface N8nRest {
	/** Executions of one workflow, newest first (running ones included). */
	executions(workflowId: string): Promise<ExecutionSummary[]>;
	execution(id: string): Promise<ExecutionSummary>;
	/** A finished execution with its data, as the editor opens it (n8n sends the data flatted). */
	run(id: string): Promise<RunData>;
	/** What the editor's Stop button sends. */
	stop(id: string): Promise<unknown>;
	/** The credential modal's Test: n8n sends the credential's test request with these fields. */
	testCredential(credential: CredentialToTest): Promise<{ status: string; message?: string }>;
}

export interface CredentialToTest {
	readonly id: string;
	readonly name: string;
	readonly type: string;
	readonly data: Record<string, unknown>;
}

function sessionCookie(response: Response): string {
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error(`n8n gave no session cookie (HTTP ${response.status})`);
	return cookie;
}

/**
 * n8n 1.123.81 answers /healthz/readiness about 5 s before it registers its REST routes; until
 * then /rest/login is a plain 404 ("Cannot POST"). 2.x registers them first.
 */
const restRoutesUp = (baseUrl: string) =>
	until('n8n to register its REST routes', async () => {
		const response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		await response.body?.cancel();
		return response.status === 404 ? undefined : true;
	});

async function signIn(baseUrl: string): Promise<string> {
	await restRoutesUp(baseUrl);
	const headers = { 'content-type': 'application/json', 'browser-id': BROWSER_ID };
	// A fresh n8n has no owner; setting one up also signs in. Once set up, sign in instead.
	const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers,
		body: JSON.stringify(REST_OWNER),
	});
	if (setup.ok) return sessionCookie(setup);
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: REST_OWNER.email, password: REST_OWNER.password }),
	});
	if (!login.ok) throw new Error(`n8n sign-in: HTTP ${login.status} ${await login.text()}`);
	return sessionCookie(login);
}

/** Unwraps n8n's `{data: …}` envelope. */
function data(body: unknown): unknown {
	return typeof body === 'object' && body !== null && 'data' in body
		? (body as { data: unknown }).data
		: body;
}

export async function n8nRest(baseUrl: string): Promise<N8nRest> {
	const cookie = await signIn(baseUrl);
	const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
		const response = await fetch(`${baseUrl}/rest${path}`, {
			method,
			headers: { cookie, 'browser-id': BROWSER_ID, 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`n8n ${method} /rest${path}: HTTP ${response.status} ${text}`);
		return data(JSON.parse(text) as unknown);
	};
	return {
		executions: async (workflowId) => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const list = (await call('GET', `/executions?filter=${filter}`)) as {
				results: ExecutionSummary[];
			};
			return list.results.map((entry) => ({ ...entry, id: String(entry.id) }));
		},
		execution: async (id) => {
			const entry = (await call('GET', `/executions/${id}`)) as ExecutionSummary;
			return { ...entry, id: String(entry.id) };
		},
		run: async (id) => {
			const entry = (await call('GET', `/executions/${id}`)) as { data: string } & ExecutionSummary;
			return { ...entry, data: parse(entry.data) as RunData['data'] };
		},
		stop: (id) => call('POST', `/executions/${id}/stop`),
		testCredential: async (credentials) =>
			(await call('POST', '/credentials/test', { credentials })) as {
				status: string;
				message?: string;
			},
	};
}
