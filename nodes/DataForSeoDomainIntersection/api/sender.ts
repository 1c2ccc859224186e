import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/DataForSeoBasicAuthApi.credentials';

export { CREDENTIAL_TYPE };

export interface HttpResponse {
	statusCode: number;
	body: unknown;
}

/** One authenticated HTTP exchange. Rejects only when no answer came back. */
export type Send = (
	method: IHttpRequestMethods,
	path: string,
	body?: unknown,
) => Promise<HttpResponse>;

/** The thin transport: n8n's authenticated HTTP helper, answers of every status returned whole. */
export function n8nSender(
	fn: IExecuteFunctions | ILoadOptionsFunctions,
	baseUrl: string,
	timeout: number,
): Send {
	return async (method, path, body) => {
		const response = (await fn.helpers.httpRequestWithAuthentication.call(fn, CREDENTIAL_TYPE, {
			method,
			url: `${baseUrl}${path}`,
			body: body as IDataObject | IDataObject[] | undefined,
			json: true,
			timeout,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		return { statusCode: response.statusCode, body: response.body };
	};
}
