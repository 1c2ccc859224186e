import { ApiFailure } from '../../../nodes/DataForSeoDomainIntersection/api/apiErrors';
import { sendWithRetries } from '../../../nodes/DataForSeoDomainIntersection/api/retry';
import type { HttpResponse, Send } from '../../../nodes/DataForSeoDomainIntersection/api/sender';
import { Throttle } from '../../../nodes/DataForSeoDomainIntersection/api/throttle';
import { envelope, ok, taskError } from './responses';

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
			{ statusCode: 500, body: '' },
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
		const { send } = scripted({ statusCode: 429, body: '' });
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
