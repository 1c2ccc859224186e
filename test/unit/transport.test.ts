import { ApiFailure, hintFor } from '../../nodes/DataForSeoDomainIntersection/apiErrors';
import { Throttle } from '../../nodes/DataForSeoDomainIntersection/throttle';
import {
	readEnvelope,
	readTask,
	sendWithRetries,
	type HttpResponse,
	type Send,
} from '../../nodes/DataForSeoDomainIntersection/transport';

const ok = (cost = 0.02): HttpResponse => ({
	statusCode: 200,
	headers: {},
	body: {
		status_code: 20000,
		status_message: 'Ok.',
		cost,
		tasks: [
			{ status_code: 20000, status_message: 'Ok.', cost, result: [{ total_count: 0, items: [] }] },
		],
	},
});
const envelope = (code: number, message: string, http = 200): HttpResponse => ({
	statusCode: http,
	headers: {},
	body: { status_code: code, status_message: message, tasks: [] },
});
const taskError = (code: number, message: string): HttpResponse => ({
	statusCode: 200,
	headers: {},
	body: {
		status_code: 20000,
		status_message: 'Ok.',
		tasks: [{ status_code: code, status_message: message }],
	},
});

function failureOf(response: HttpResponse): ApiFailure {
	try {
		readTask(readEnvelope(response));
	} catch (error) {
		expect(error).toBeInstanceOf(ApiFailure);
		return error as ApiFailure;
	}
	throw new Error('expected a failure');
}

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
		const failure = failureOf({ statusCode: 502, headers: {}, body: '<html>Bad gateway</html>' });
		expect(failure).toMatchObject({ code: 502, httpCode: 502, retryable: true });
		expect(failureOf({ statusCode: 429, headers: {}, body: '' })).toMatchObject({
			retryable: true,
		});
	});

	it('gives a clear error for an unexpected shape instead of a TypeError', () => {
		const failure = failureOf({ statusCode: 200, headers: {}, body: { hello: 'world' } });
		expect(failure.message).toMatch(/did not have DataForSEO's usual shape \(status_code/);
		const items = failureOf({
			statusCode: 200,
			headers: {},
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
			headers: {},
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

describe('sendWithRetries', () => {
	const policy = (maxRetries = 3) => ({
		maxRetries,
		retryDelay: 0,
		throttle: new Throttle(5, 2000),
	});
	const scripted = (...answers: Array<HttpResponse | Error>) => {
		const calls: unknown[] = [];
		const send: Send = async (_method, _path, body) => {
			calls.push(body);
			const answer = answers.shift() ?? ok();
			if (answer instanceof Error) throw answer;
			return answer;
		};
		return { send, calls };
	};

	it('retries transient failures and returns the task', async () => {
		const network = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const { send, calls } = scripted(
			{ statusCode: 500, headers: {}, body: '' },
			envelope(40202, 'Rate limit.'),
			network,
			ok(0.05),
		);
		const task = await sendWithRetries(send, policy(3), 'POST', '/x', [{ a: 1 }]);
		expect(task.cost).toBe(0.05);
		expect(calls).toHaveLength(4);
	});

	it('gives up after maxRetries with the last failure', async () => {
		const { send, calls } = scripted(
			...Array.from({ length: 5 }, () => envelope(50000, 'Internal Error.')),
		);
		await expect(sendWithRetries(send, policy(2), 'POST', '/x')).rejects.toMatchObject({
			code: 50000,
		});
		expect(calls).toHaveLength(3);
	});

	it('never retries other client errors', async () => {
		for (const answer of [
			taskError(40501, 'Invalid Field.'),
			envelope(40100, 'No.', 401),
			taskError(40203, 'Limit.'),
		]) {
			const { send, calls } = scripted(answer);
			await expect(sendWithRetries(send, policy(3), 'POST', '/x')).rejects.toBeInstanceOf(
				ApiFailure,
			);
			expect(calls).toHaveLength(1);
		}
	});

	it('slows the pace for the rest of the run after a rate limit', async () => {
		const throttle = new Throttle(5, 2000);
		const { send } = scripted({ statusCode: 429, headers: {}, body: '' });
		await sendWithRetries(send, { maxRetries: 1, retryDelay: 0, throttle }, 'POST', '/x');
		expect(throttle.requestsPerMinute).toBe(1000);
	});

	it('keeps the request and its headers out of network errors', async () => {
		const leaky = Object.assign(new Error('connect ECONNREFUSED'), {
			code: 'ECONNREFUSED',
			config: { headers: { Authorization: 'Basic c2VjcmV0OnNlY3JldA==' } },
		});
		const { send } = scripted(leaky);
		const error = (await sendWithRetries(send, policy(0), 'POST', '/x').catch(
			(e: unknown) => e,
		)) as Error;
		expect(error.message).toBe('DataForSEO could not be reached (ECONNREFUSED).');
		expect(JSON.stringify(error)).not.toMatch(/Basic|secret|c2VjcmV0/);
		expect(Object.keys(error)).not.toContain('config');
	});
});
