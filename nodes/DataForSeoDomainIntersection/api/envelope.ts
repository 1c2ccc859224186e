import { ApiFailure, isRetryable } from './apiErrors';
import { envelopeSchema, findBadItem, type ApiEnvelope, type ApiTask } from './responseSchema';
import type { HttpResponse } from './sender';

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
			{ retryAfterMs: response.retryAfterMs },
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
export function readTask(envelope: ApiEnvelope, checkItems = findBadItem): ApiTask {
	const task = envelope.tasks?.[0];
	if (!task) throw failure(0, 'DataForSEO answered without a task.');
	if (task.status_code !== 20000) throw failure(task.status_code, task.status_message);
	const problem = checkItems(task.result?.[0]?.items ?? []);
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
