import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	BASE_URL_LABEL,
	testBaseUrlExpression,
} from '../nodes/DataForSeoDomainIntersection/api/baseUrl';

/** The credential type's name, which nodes ask n8n for. */
export const CREDENTIAL_TYPE = 'dataForSeoBasicAuthApi';

export class DataForSeoBasicAuthApi implements ICredentialType {
	// Not `dataForSeoApi`: that name belongs to DataForSEO's own package, and both may be installed.
	name = CREDENTIAL_TYPE;

	displayName = 'DataForSEO (Basic Auth) API';

	icon = {
		light: 'file:../nodes/DataForSeoDomainIntersection/dataForSeo.svg',
		dark: 'file:../nodes/DataForSeoDomainIntersection/dataForSeo.dark.svg',
	} as const;

	documentationUrl = 'https://docs.dataforseo.com/v3/auth/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'you@example.com',
			description:
				'The API login from the DataForSEO dashboard (API Access page). It is usually your account email.',
		},
		{
			displayName: 'API Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API password from the DataForSEO dashboard (API Access page). It is not your dashboard sign-in password.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'live',
			options: [
				{
					name: 'Live',
					value: 'live',
					description: 'The real API. Every request is charged to your balance.',
				},
				{
					name: 'Sandbox (Free Dummy Data)',
					value: 'sandbox',
					description:
						'DataForSEO’s free copy of the API that returns sample data. Same login and password.',
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'A proxy, or an offline simulator for testing',
				},
			],
		},
		{
			displayName: BASE_URL_LABEL,
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://dataforseo-proxy.example.com',
			description:
				'Where to send requests instead of DataForSEO. Must start with https://, except for this machine (http://127.0.0.1 or http://localhost).',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	/**
	 * Basic auth from the login and password. A function rather than n8n's generic form: n8n
	 * resolves the generic form's two `{{$credentials…}}` expressions for every request, and n8n
	 * 2.x evaluates them in an isolated VM, ~3 ms of the event loop per request (131 ms of a
	 * 41-page Return All), with the same header as the result.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
		return {
			...requestOptions,
			auth: { username: text(credentials.login), password: text(credentials.password) },
		};
	}

	// n8n's rules describe failure: a rule fails the test when the value at `key` equals `value`.
	// Only a successful user_data answer carries a login, so its absence catches every other code.
	test: ICredentialTestRequest = {
		request: {
			// The node's own rule, written into n8n's expression: a Base URL the node would refuse
			// (plain http to another machine) never gets the password, here either.
			baseURL: testBaseUrlExpression(),
			url: '/v3/appendix/user_data',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status_code',
					value: 40100,
					message: 'DataForSEO did not accept this login and password (40100).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status_code',
					value: 40200,
					message: 'The DataForSEO account has no balance left (40200).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'tasks[0].result[0].login',
					value: undefined,
					message:
						'DataForSEO answered, but not with account data. Check the login, password and environment.',
				},
			},
		],
	};
}
