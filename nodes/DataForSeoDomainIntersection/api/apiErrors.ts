import { uiPath } from '../fields';
import { MAX_CONCURRENCY, MAX_REQUESTS_PER_MINUTE } from './limits';

/** What a person can do about each DataForSEO status code. */
const HINTS: Array<[test: (code: number) => boolean, hint: string]> = [
	[
		(code) => code === 0,
		`No usable answer came from DataForSEO, even after retrying. Check the network and the credential’s Environment and Base URL; for very large requests, raise ${uiPath('timeout')}.`,
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
		`DataForSEO’s rate limit was hit (${MAX_REQUESTS_PER_MINUTE.toLocaleString('en-US')} calls a minute, ${MAX_CONCURRENCY} at once) and retries did not get through. Lower ${uiPath('concurrency')} or ${uiPath('requestsPerMinute')}, or run later.`,
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
		'DataForSEO had a problem on its side and retries did not get through. It usually passes: run the workflow again in a few minutes.',
	],
];

export function hintFor(code: number): string {
	const found = HINTS.find(([test]) => test(code));
	return found
		? found[1]
		: 'DataForSEO could not complete the request. Check the message, the node’s settings and your DataForSEO account.';
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

/** A failed call, described without anything from the request (no headers, no credentials). */
export class ApiFailure extends Error {
	constructor(
		readonly code: number,
		readonly apiMessage: string,
		readonly httpCode: number | undefined,
		readonly retryable: boolean,
	) {
		// Code 0 means no DataForSEO answer at all (network, timeout, foreign body).
		super(code ? `DataForSEO ${code}: ${apiMessage}` : apiMessage);
		this.name = 'ApiFailure';
	}
}
