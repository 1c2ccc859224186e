import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/DataForSeoBasicAuthApi.credentials';
import { parseRetryAfter } from './retryAfter';
import { transportFailure } from './transportError';

export { CREDENTIAL_TYPE };

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	/** From a Retry-After header, in ms (HTTP 429 and 503 carry one). */
	retryAfterMs?: number;
}

/**
 * One authenticated HTTP exchange. Rejects only when no answer came back, with an ApiFailure
 * (timeout, network) or a StoppedError.
 */
export type Send = (
	method: IHttpRequestMethods,
	path: string,
	body?: unknown,
) => Promise<HttpResponse>;

/**
 * The thin transport: n8n's authenticated HTTP helper, answers of every status returned whole.
 * `signal` (the execution's cancel signal) aborts the request in flight when the user stops the
 * execution; n8n 1.x and 2.x also pass it themselves, this makes it explicit.
 */
export function n8nSender(
	fn: IExecuteFunctions | ILoadOptionsFunctions,
	baseUrl: string,
	timeout: number,
	signal?: AbortSignal,
): Send {
	return async (method, path, body) => {
		const started = Date.now();
		try {
			const response = (await fn.helpers.httpRequestWithAuthentication.call(fn, CREDENTIAL_TYPE, {
				method,
				url: `${baseUrl}${path}`,
				body: body as IDataObject | IDataObject[] | undefined,
				json: true,
				timeout,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				...(signal ? { abortSignal: signal } : {}),
			})) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
			return {
				statusCode: response.statusCode,
				body: response.body,
				retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
			};
		} catch (error) {
			throw transportFailure(error, {
				timeoutMs: timeout,
				elapsedMs: Date.now() - started,
				signal,
			});
		}
	};
}
