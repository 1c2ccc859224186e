import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/DataForSeoBasicAuthApi.credentials';
import { parseAnswer, parseWhole } from './answerBody';
import { isByteStream, ReceiveBuffers, type ReadLimits } from './receive';
import { readItems, type ItemReader } from './responseSchema';
import { parseRetryAfter } from './retryAfter';
import { childSignal } from './stop';
import { transportFailure } from './transportError';
import type { Turns } from './turns';

export { CREDENTIAL_TYPE };

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	/** From a Retry-After header, in ms (HTTP 429 and 503 carry one). */
	retryAfterMs?: number;
}

/**
 * One authenticated HTTP exchange. Rejects only when no answer came back, with an ApiFailure
 * (timeout, network) or a StoppedError. `signal` (the execution's abort: Stop, or another item's
 * failure) aborts it in flight.
 */
export type Send = (
	method: IHttpRequestMethods,
	path: string,
	body?: unknown,
	signal?: AbortSignal,
	/** Reads the answer's items into rows as they are parsed (domain_intersection pages). */
	read?: ItemReader,
) => Promise<HttpResponse>;

/**
 * n8n's helper replaces a request's `abortSignal` with the context's own cancel signal (1.x and
 * 2.x), which only Stop fires. Asked through a context that answers with `signal`, it aborts the
 * request when another item fails too; everything else is the node's own context.
 */
function withCancelSignal<T extends object>(fn: T, signal: AbortSignal | undefined): T {
	if (!signal || !('getExecutionCancelSignal' in fn)) return fn;
	return Object.create(fn, { getExecutionCancelSignal: { value: () => signal } }) as T;
}

/** What parseBody needs besides the body: where to read it into, and how long it may take. */
interface Reading {
	turns?: Turns;
	read?: ItemReader;
	buffers: ReceiveBuffers;
	limits: ReadLimits;
}

/**
 * The answer's JSON. n8n's helper hands the body over as a stream, read into a reused buffer;
 * large pages are parsed a run of items at a time (answerBody). A body that is already bytes, text
 * or an object (other helpers, tests) is parsed, or kept, as it is; text that is not JSON (a
 * proxy's error page) stays text.
 */
async function parseBody(body: unknown, reading: Reading): Promise<unknown> {
	const { turns, read, buffers, limits } = reading;
	if (isByteStream(body)) {
		const { bytes, buffer } = await buffers.read(body, limits);
		try {
			return await parseBody(bytes, reading);
		} finally {
			buffers.give(buffer);
		}
	}
	if (Buffer.isBuffer(body))
		return parseAnswer(body, turns, read && ((items) => readItems(items, read)), read?.edit);
	if (typeof body !== 'string') return body;
	if (turns) await turns.slice();
	return parseWhole(body);
}

/**
 * The thin transport: n8n's authenticated HTTP helper, answers of every status returned whole.
 * A request is aborted in flight by the signal it is sent with, else by `stopSignal` (the
 * execution's cancel signal, when the user stops it). The body is asked for as a stream and
 * parsed here, once (the helper would join it, then parse it as soon as it ends, in one go).
 */
export function n8nSender(
	fn: IExecuteFunctions | ILoadOptionsFunctions,
	baseUrl: string,
	timeout: number,
	stopSignal?: AbortSignal,
	turns?: Turns,
): Send {
	const buffers = new ReceiveBuffers();
	return async (method, path, body, callSignal, read) => {
		const started = Date.now();
		const signal = callSignal ?? stopSignal;
		const own = signal ? childSignal(signal) : undefined;
		const context = withCancelSignal(fn, own?.signal);
		try {
			const response = (await fn.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				{
					method,
					url: `${baseUrl}${path}`,
					body: body as IDataObject | IDataObject[] | undefined,
					json: true,
					encoding: 'stream',
					timeout,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					...(own ? { abortSignal: own.signal } : {}),
				},
			)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
			return {
				statusCode: response.statusCode,
				body: await parseBody(response.body, {
					turns,
					read,
					buffers,
					limits: {
						expected: Number(response.headers?.['content-length']) || 0,
						signal: own?.signal,
						remainingMs: Math.max(0, timeout - (Date.now() - started)),
					},
				}),
				retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
			};
		} catch (error) {
			throw transportFailure(error, {
				timeoutMs: timeout,
				elapsedMs: Date.now() - started,
				signal,
			});
		} finally {
			own?.release();
		}
	};
}
