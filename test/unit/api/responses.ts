import { ApiFailure } from '../../../nodes/DataForSeoDomainIntersection/api/apiErrors';
import { readEnvelope, readTask } from '../../../nodes/DataForSeoDomainIntersection/api/envelope';
import type { HttpResponse } from '../../../nodes/DataForSeoDomainIntersection/api/sender';

/** Answers as DataForSEO sends them, for the envelope and retry tests. */
export const ok = (cost = 0.02): HttpResponse => ({
	statusCode: 200,
	body: {
		status_code: 20000,
		status_message: 'Ok.',
		cost,
		tasks: [
			{ status_code: 20000, status_message: 'Ok.', cost, result: [{ total_count: 0, items: [] }] },
		],
	},
});
export const envelope = (code: number, message: string, http = 200): HttpResponse => ({
	statusCode: http,
	body: { status_code: code, status_message: message, tasks: [] },
});
export const taskError = (code: number, message: string): HttpResponse => ({
	statusCode: 200,
	body: {
		status_code: 20000,
		status_message: 'Ok.',
		tasks: [{ status_code: code, status_message: message }],
	},
});

export function failureOf(response: HttpResponse): ApiFailure {
	try {
		readTask(readEnvelope(response));
	} catch (error) {
		expect(error).toBeInstanceOf(ApiFailure);
		return error as ApiFailure;
	}
	throw new Error('expected a failure');
}
