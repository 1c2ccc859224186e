import { hintFor } from '../../../nodes/DataForSeoDomainIntersection/api/apiErrors';
import type { HttpResponse } from '../../../nodes/DataForSeoDomainIntersection/api/sender';
import { readEnvelope, readTask } from '../../../nodes/DataForSeoDomainIntersection/api/envelope';
import { envelope, failureOf, taskError } from './responses';

describe('readEnvelope and readTask', () => {
	it.each([
		[envelope(40100, 'You are not authorized.', 401), 40100, false, /login and password/],
		[envelope(40200, 'Insufficient funds.', 402), 40200, false, /no money left/],
		[envelope(40202, 'Rate limit.'), 40202, true, /rate limit/],
		[taskError(40203, 'Cost limit exceeded.'), 40203, false, /spending limit/],
		[taskError(40501, "Invalid Field: 'filters'."), 40501, false, /names the field/],
		[taskError(40503, 'POST Data Is Invalid.'), 40503, false, /names the field/],
		[taskError(40506, 'Invalid Field.'), 40506, false, /names the field/],
		[envelope(50000, 'Internal Error.', 500), 50000, true, /its side/],
		[taskError(50301, 'Busy.'), 50301, true, /its side/],
		[envelope(40400, 'Not Found.', 404), 40400, false, /Environment and Base URL/],
	])('maps %j to code %i', (response, code, retryable, hint) => {
		const failure = failureOf(response);
		expect(failure.code).toBe(code);
		expect(failure.retryable).toBe(retryable);
		expect(failure.message).toMatch(new RegExp(`^DataForSEO ${code}: `));
		expect(hintFor(code)).toMatch(hint);
	});

	it('reports a proxy error page by its HTTP status', () => {
		const failure = failureOf({ statusCode: 502, body: '<html>Bad gateway</html>' });
		expect(failure).toMatchObject({ code: 502, httpCode: 502, retryable: true });
		expect(failureOf({ statusCode: 429, body: '' })).toMatchObject({
			retryable: true,
		});
	});

	it('gives a clear error for an unexpected shape instead of a TypeError', () => {
		const failure = failureOf({ statusCode: 200, body: { hello: 'world' } });
		expect(failure.message).toMatch(/did not have DataForSEO's usual shape \(status_code/);
		const items = failureOf({
			statusCode: 200,
			body: {
				status_code: 20000,
				tasks: [{ status_code: 20000, result: [{ total_count: 'many', items: [] }] }],
			},
		});
		expect(items.message).toMatch(/tasks.0.result.0.total_count/);
	});

	it('names the first malformed item instead of failing later with a TypeError', () => {
		const withItems = (items: unknown[]): HttpResponse => ({
			statusCode: 200,
			body: {
				status_code: 20000,
				tasks: [{ status_code: 20000, result: [{ total_count: 2, items }] }],
			},
		});
		const good = { domain_intersection: { '1': { target: 'a.org' }, '2': null }, summary: null };
		expect(() => readTask(readEnvelope(withItems([good, good])))).not.toThrow();
		expect(failureOf(withItems([good, 'x'])).message).toMatch(
			/tasks.0.result.0.items.1: expected an object/,
		);
		expect(failureOf(withItems([{ domain_intersection: [] }])).message).toMatch(
			/items.0.domain_intersection: expected an object/,
		);
		expect(failureOf(withItems([{ domain_intersection: { '1': 5 } }])).message).toMatch(
			/items.0.domain_intersection.1: expected an object/,
		);
	});

	it('quotes the DataForSEO message exactly', () => {
		expect(failureOf(taskError(40501, "Invalid Field: 'filters'.")).message).toBe(
			"DataForSEO 40501: Invalid Field: 'filters'.",
		);
	});
});
