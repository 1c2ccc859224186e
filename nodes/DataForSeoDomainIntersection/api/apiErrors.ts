import { uiPath } from '../fields';
import { MAX_CONCURRENCY, MAX_REQUESTS_PER_MINUTE } from './limits';

/** What a person can do about each DataForSEO status code. */
const HINTS: Array<[test: (code: number) => boolean, hint: string]> = [
	[
		(code) => code === 0,
		`No usable answer came from DataForSEO. Check the network and the credential’s Environment and Base URL; for very large requests, raise ${uiPath('timeout')}.`,
	],
	[
		(code) => code === 40100 || code === 401,
		'DataForSEO did not accept the login and password. Open the credential and paste the API login and API password from the DataForSEO dashboard (API Access page).',
	],
	[
		(code) => code === 40200 || code === 402,
		'The DataForSEO account has no money left. Top up the balance in the DataForSEO dashboard, then run the workflow again.',
	],
	[
		(code) => code === 40202 || code === 429,
		`DataForSEO’s rate limit was hit (${MAX_REQUESTS_PER_MINUTE.toLocaleString('en-US')} calls a minute, ${MAX_CONCURRENCY} at once, for the whole account: other workflows count too). Lower ${uiPath('concurrency')} or ${uiPath('requestsPerMinute')} in the workflows that share the account, raise ${uiPath('timeout')} (a refused request is retried until it has passed), or run later.`,
	],
	[
		(code) => code === 40203,
		`The spending limit set in your DataForSEO account would be passed. Raise it in the dashboard, or lower ${uiPath('limit')} or ${uiPath('maxResults')}.`,
	],
	[
		(code) => code === 40400 || code === 404,
		'The API address was not found. Check the credential’s Environment and Base URL.',
	],
	[
		(code) => code >= 40500 && code < 40600,
		'DataForSEO refused part of the request. The message names the field; fix it in the node and run again.',
	],
	[
		(code) => (code >= 50000 && code < 60000) || (code >= 500 && code < 600),
		'DataForSEO had a problem on its side. It usually passes: run the workflow again in a few minutes.',
	],
];

const TIMEOUT_HINT = `Raise ${uiPath('timeout')} for very large requests (many targets, 1,000 rows a page), or try again later. DataForSEO may already have charged for a request that timed out: it can finish on their side after the node has stopped waiting.`;

export function hintFor(code: number): string {
	const found = HINTS.find(([test]) => test(code));
	return found
		? found[1]
		: 'DataForSEO could not complete the request. Check the message, the node’s settings and your DataForSEO account.';
}

/** What the retries did, in words: the hint must not claim retries that never ran. */
function retryNote(failure: ApiFailure): string {
	if (!failure.retryable) return '';
	const times = failure.retries === 1 ? 'once more' : `${failure.retries} more times`;
	if (failure.waitedInLineMs !== undefined)
		return ` It was tried ${times} over ${failure.waitedInLineMs.toLocaleString('en-US')} ms while the account stayed full, until ${uiPath('timeout')} had passed.`;
	if (failure.retries === 0) return ` It was not tried again: ${uiPath('maxRetries')} is 0.`;
	return ` It was tried ${times} first, with pauses in between.`;
}

/** The hint under a failed call: what to do, and how often it was tried. */
export function describeFailure(failure: ApiFailure): string {
	const hint =
		failure.kind === 'timeout' ? TIMEOUT_HINT : hintFor(failure.code || failure.httpCode || 0);
	return hint + retryNote(failure);
}

/** Transient failures: worth the same request again after a pause. */
export function isRetryable(code: number): boolean {
	return (
		code === 429 || (code >= 500 && code < 600) || code === 40202 || (code >= 50000 && code < 60000)
	);
}

export function isRateLimit(code: number): boolean {
	return code === 429 || code === 40202;
}

/** 'answer': DataForSEO (or something in between) answered with an error; the others: no answer. */
export type FailureKind = 'answer' | 'timeout' | 'network';

export interface FailureDetails {
	kind?: FailureKind;
	/** From a Retry-After header: how long the server asked to wait, in ms. */
	retryAfterMs?: number;
}

/** A failed call, described without anything from the request (no headers, no credentials). */
export class ApiFailure extends Error {
	readonly kind: FailureKind;
	readonly retryAfterMs: number | undefined;
	/** Retries that ran before this failure was final; set when the node gives up. */
	retries = 0;
	/** For a rate limit retried until Options > Timeout: how long it was retried, in ms. */
	waitedInLineMs: number | undefined;

	constructor(
		readonly code: number,
		readonly apiMessage: string,
		readonly httpCode: number | undefined,
		readonly retryable: boolean,
		details: FailureDetails = {},
	) {
		// Code 0 means no DataForSEO answer at all (network, timeout, foreign body).
		super(code ? `DataForSEO ${code}: ${apiMessage}` : apiMessage);
		this.name = 'ApiFailure';
		this.kind = details.kind ?? 'answer';
		this.retryAfterMs = details.retryAfterMs;
	}
}
