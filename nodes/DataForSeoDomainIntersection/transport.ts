import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ApiFailure, isRateLimit, isRetryable } from './apiErrors';
import { envelopeSchema, findBadItem, type ApiEnvelope, type ApiTask } from './responseSchema';
import type { Throttle } from './throttle';

export const CREDENTIAL_TYPE = 'dataForSeoBasicAuthApi';

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** One authenticated HTTP exchange. Rejects only when no answer came back. */
export type Send = (
	method: IHttpRequestMethods,
	path: string,
	body?: unknown,
) => Promise<HttpResponse>;

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
		})) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		return {
			statusCode: response.statusCode,
			body: response.body,
			headers: response.headers ?? {},
		};
	};
}

function failure(code: number, message: string | null | undefined, httpCode?: number): ApiFailure {
	return new ApiFailure(code, message || 'No message given.', httpCode, isRetryable(code));
}

function asJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/** Checks the HTTP status and the envelope's status code; returns the envelope. */
export function readEnvelope(response: HttpResponse): ApiEnvelope {
	const parsed = envelopeSchema.safeParse(asJson(response.body));
	const { statusCode } = response;
	if (statusCode < 200 || statusCode >= 300) {
		// DataForSEO sends 401, 402, 404 and 500 with a normal envelope; proxies may not.
		const code = parsed.success ? parsed.data.status_code : statusCode;
		const message = parsed.success ? parsed.data.status_message : `HTTP ${statusCode}`;
		throw new ApiFailure(
			code,
			message || `HTTP ${statusCode}`,
			statusCode,
			isRetryable(statusCode) || isRetryable(code),
		);
	}
	if (!parsed.success) {
		throw new ApiFailure(
			0,
			`The answer did not have DataForSEO's usual shape (${parsed.error.issues[0].path.join('.') || 'body'}: ${parsed.error.issues[0].message}). Check the credential's Environment and Base URL.`,
			statusCode,
			false,
		);
	}
	if (parsed.data.status_code !== 20000) {
		throw failure(parsed.data.status_code, parsed.data.status_message, statusCode);
	}
	return parsed.data;
}

/** The first task of an envelope, which must itself have succeeded and hold well-formed items. */
export function readTask(envelope: ApiEnvelope): ApiTask {
	const task = envelope.tasks?.[0];
	if (!task) throw failure(0, 'DataForSEO answered without a task.');
	if (task.status_code !== 20000) throw failure(task.status_code, task.status_message);
	const problem = findBadItem(task.result?.[0]?.items ?? []);
	if (problem) {
		throw new ApiFailure(
			0,
			`The answer did not have DataForSEO's usual shape (tasks.0.result.0.${problem}).`,
			undefined,
			false,
		);
	}
	return task;
}

function networkFailure(error: unknown): ApiFailure {
	// Only the code and the plain message are kept: the original error carries the request,
	// and with it the Authorization header.
	const { code, message } = (error ?? {}) as { code?: string; message?: string };
	const timedOut =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '');
	return new ApiFailure(
		0,
		timedOut
			? 'The request timed out before DataForSEO answered.'
			: `DataForSEO could not be reached (${code ?? (message ?? 'network error').slice(0, 120)}).`,
		undefined,
		true,
	);
}

export interface RetryPolicy {
	maxRetries: number;
	/** First back-off in ms; it doubles on each retry, with jitter. */
	retryDelay: number;
	throttle: Throttle;
	onAttempt?: (attempt: number) => void;
}

function backoff(policy: RetryPolicy, retry: number): number {
	const ceiling = Math.min(policy.retryDelay * 2 ** retry, 30_000);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

async function attemptOnce(
	send: Send,
	throttle: Throttle,
	method: IHttpRequestMethods,
	path: string,
	body: unknown,
): Promise<{ task: ApiTask } | { error: unknown }> {
	try {
		const response = await throttle.run(async () =>
			send(method, path, body).catch((error: unknown) => Promise.reject(networkFailure(error))),
		);
		return { task: readTask(readEnvelope(response)) };
	} catch (error) {
		return { error };
	}
}

/** Sends through the throttle, retrying transient failures with exponential back-off. */
export async function sendWithRetries(
	send: Send,
	policy: RetryPolicy,
	method: IHttpRequestMethods,
	path: string,
	body?: unknown,
): Promise<ApiTask> {
	for (let attempt = 0; ; attempt++) {
		policy.onAttempt?.(attempt);
		const outcome = await attemptOnce(send, policy.throttle, method, path, body);
		if ('task' in outcome) return outcome.task;
		const { error } = outcome;
		if (!(error instanceof ApiFailure) || !error.retryable || attempt >= policy.maxRetries)
			throw error;
		if (isRateLimit(error.code) || isRateLimit(error.httpCode ?? 0)) policy.throttle.slowDown();
		// Back-off sleeps outside the throttle so other pages keep their slots.
		await sleep(backoff(policy, attempt));
	}
}
