import { uiPath } from '../fields';
import { ApiFailure } from './apiErrors';
import { StoppedError } from './stop';

/** Error codes of a request that ran out of time (axios, Node, undici). */
const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

export interface TransportContext {
	/** Options > Timeout of the request, in ms. */
	timeoutMs?: number;
	/** How long the request ran before it failed, in ms. */
	elapsedMs?: number;
	signal?: AbortSignal;
}

/**
 * Codes and messages of an error and of what it wraps. n8n's HTTP helper wraps the client's error
 * in a NodeApiError whose own text is generic ("The connection was aborted, perhaps the server is
 * offline"): 2.x keeps the original as `cause`, 1.x keeps its message in `messages`. Only these
 * strings are read: the error objects also carry the request, and with it the Authorization header.
 */
function clues(error: unknown): { codes: string[]; texts: string[] } {
	const codes: string[] = [];
	const texts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const { code, message, messages, cause } = current as Record<string, unknown>;
		if (typeof code === 'string') codes.push(code);
		if (typeof message === 'string') texts.push(message);
		if (Array.isArray(messages))
			texts.push(...messages.filter((text): text is string => typeof text === 'string'));
		current = cause;
	}
	return { codes, texts };
}

/** The request got no answer: stopped by the user, timed out, or the network failed. */
export function transportFailure(
	error: unknown,
	context: TransportContext = {},
): ApiFailure | StoppedError {
	if (error instanceof StoppedError || context.signal?.aborted) return new StoppedError();
	if (error instanceof ApiFailure) return error;
	const { codes, texts } = clues(error);
	const { timeoutMs, elapsedMs } = context;
	const timedOut =
		codes.some((code) => TIMEOUT_CODES.has(code)) ||
		texts.some((text) => /time(d)?[ -]?out/i.test(text)) ||
		(timeoutMs !== undefined && elapsedMs !== undefined && elapsedMs >= timeoutMs);
	if (timedOut) {
		const limit =
			timeoutMs === undefined ? 'the time limit' : `${timeoutMs.toLocaleString('en-US')} ms`;
		return new ApiFailure(
			0,
			`The request timed out: DataForSEO did not answer within ${limit}, the limit set in ${uiPath('timeout')}.`,
			undefined,
			true,
			{ kind: 'timeout' },
		);
	}
	const what = codes[0] ?? (texts[0] ?? 'network error').slice(0, 120);
	return new ApiFailure(0, `DataForSEO could not be reached (${what}).`, undefined, true, {
		kind: 'network',
	});
}
