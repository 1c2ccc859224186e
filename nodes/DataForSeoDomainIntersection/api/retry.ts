import type { IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ApiFailure, isRateLimit } from './apiErrors';
import { readEnvelope, readTask } from './envelope';
import type { ApiTask } from './responseSchema';
import type { Send } from './sender';
import type { Throttle } from './throttle';

/** Longest pause between two tries, whatever the retry count. */
export const MAX_BACKOFF_MS = 30_000;

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
	const ceiling = Math.min(policy.retryDelay * 2 ** retry, MAX_BACKOFF_MS);
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
