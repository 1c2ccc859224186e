import type { IHttpRequestMethods } from 'n8n-workflow';

import { ApiFailure, isRateLimit } from './apiErrors';
import { readEnvelope, readTask } from './envelope';
import type { ApiTask, ItemReader } from './responseSchema';
import type { Send } from './sender';
import { sleepUnlessStopped } from './stop';
import { CancelledError, type Throttle } from './throttle';
import { transportFailure } from './transportError';

/** Longest pause between two tries, whatever the retry count or the server's Retry-After. */
export const MAX_BACKOFF_MS = 30_000;

export interface RetryPolicy {
	maxRetries: number;
	/**
	 * How long a request refused for the account's rate limit keeps being retried, from its first
	 * try (Options > Timeout), when maxRetries is above 0. Such a refusal costs nothing and means
	 * "wait your turn", so it does not use up maxRetries; without this, it does.
	 */
	waitInLineMs?: number;
	/** First back-off in ms; it doubles on each retry, with jitter. */
	retryDelay: number;
	throttle: Throttle;
	/**
	 * The execution's abort (Stop, or another item's failure): the request in flight is aborted,
	 * and no pause or new try follows.
	 */
	signal?: AbortSignal;
	/** Called for every request actually sent; `attempt` 0 is the first try. */
	onAttempt?: (attempt: number) => void;
	/** Called for every rate-limit answer. */
	onRateLimited?: () => void;
	/** The items' shape check for endpoints other than domain_intersection (e.g. backlinks). */
	checkItems?: (items: readonly unknown[]) => string | undefined;
	/** Reads domain_intersection items into rows while their answer is parsed (see ReadItem). */
	readItem?: ItemReader;
	/** Tests replace the pause; it must reject with StoppedError when `signal` aborts. */
	pause?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The pause before retry number `retry + 1`: exponential with jitter, or what the server asked. */
export function backoff(retryDelay: number, retry: number, retryAfterMs?: number): number {
	const ceiling = Math.min(retryDelay * 2 ** retry, MAX_BACKOFF_MS);
	const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
	if (retryAfterMs === undefined) return jittered;
	// Never sooner than the server asked, never longer than the back-off ceiling.
	return Math.min(Math.max(jittered, retryAfterMs), MAX_BACKOFF_MS);
}

/** `answeredBefore`: the throttle's room.answeredCalls when the call was sent. */
type Outcome =
	| { task: ApiTask; ticket: number }
	| { error: unknown; ticket: number; answeredBefore: number };

async function attemptOnce(
	send: Send,
	policy: RetryPolicy,
	attempt: number,
	request: [IHttpRequestMethods, string, unknown],
): Promise<Outcome> {
	const { throttle } = policy;
	let ticket = -1;
	let answeredBefore = 0;
	try {
		// The answer is read inside the throttle, so that it knows an answered call from a refusal.
		const task = await throttle.run(async (given) => {
			ticket = given;
			answeredBefore = throttle.room.answeredCalls;
			policy.onAttempt?.(attempt);
			const response = await send(...request, policy.signal, policy.readItem);
			return readTask(readEnvelope(response), policy.checkItems);
		});
		return { task, ticket };
	} catch (error) {
		return { error: transportFailureOrSelf(error, policy.signal), ticket, answeredBefore };
	}
}

/** Keeps the node's own errors; anything else from `send` is a transport failure. */
function transportFailureOrSelf(error: unknown, signal?: AbortSignal): unknown {
	if (error instanceof ApiFailure && !signal?.aborted) return error;
	if (error instanceof CancelledError) return error;
	return transportFailure(error, { signal });
}

/** Sends through the throttle, retrying transient failures with exponential back-off. */
export async function sendWithRetries(
	send: Send,
	policy: RetryPolicy,
	method: IHttpRequestMethods,
	path: string,
	body?: unknown,
): Promise<ApiTask> {
	const pause = policy.pause ?? sleepUnlessStopped;
	const firstTry = policy.throttle.now();
	// Retries that count towards maxRetries: all but those waiting in line for the account.
	let counted = 0;
	for (let attempt = 0; ; attempt++) {
		const outcome = await attemptOnce(send, policy, attempt, [method, path, body]);
		if ('task' in outcome) {
			policy.throttle.succeeded(outcome.ticket);
			return outcome.task;
		}
		const { error, ticket, answeredBefore } = outcome;
		// Stopped, or cancelled because another item failed: never retried.
		if (!(error instanceof ApiFailure)) throw error;
		const rateLimited = isRateLimit(error.code) || isRateLimit(error.httpCode ?? 0);
		if (rateLimited) {
			policy.onRateLimited?.();
			if (ticket >= 0) policy.throttle.refused(ticket);
		}
		// A refusal waits in line (until waitInLineMs) unless Max Retries 0 asked for no retry.
		const lineMs = rateLimited && policy.maxRetries > 0 ? policy.waitInLineMs : undefined;
		const inLine = lineMs !== undefined;
		const waited = policy.throttle.now() - firstTry;
		const giveUp = inLine ? waited >= lineMs : counted >= policy.maxRetries;
		if (!error.retryable || giveUp) {
			error.retries = attempt;
			if (inLine) error.waitedInLineMs = waited;
			throw error;
		}
		if (!inLine) counted++;
		// Back-off sleeps outside the throttle so other pages keep their slots; Stop ends it.
		// `roomInMs`: when the account is likely to have room again, jittered so that executions
		// refused together do not come back together.
		const backOff = (roomInMs?: number) => {
			const atLeast = error.retryAfterMs ?? (roomInMs && roomInMs * (0.5 + Math.random() / 2));
			return pause(backoff(policy.retryDelay, attempt, atLeast), policy.signal);
		};
		// A refusal without Retry-After waits for room on the account rather than for a clock.
		if (rateLimited && error.retryAfterMs === undefined && ticket >= 0)
			await policy.throttle.room.afterRefusal(answeredBefore, backOff);
		else await backOff();
	}
}
