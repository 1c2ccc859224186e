import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	ApiFailure,
	describeFailure,
} from '../../../nodes/DataForSeoDomainIntersection/api/apiErrors';
import { parseRetryAfter } from '../../../nodes/DataForSeoDomainIntersection/api/retryAfter';
import {
	backoff,
	MAX_BACKOFF_MS,
	sendWithRetries,
} from '../../../nodes/DataForSeoDomainIntersection/api/retry';
import { StoppedError } from '../../../nodes/DataForSeoDomainIntersection/api/stop';
import { transportFailure } from '../../../nodes/DataForSeoDomainIntersection/api/transportError';
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

	it('slows the pace after a rate limit, and the next success starts to raise it again', async () => {
		const throttle = new Throttle(5, 2000);
		const { send } = scripted({ statusCode: 429, body: '' });
		await sendWithRetries(send, { maxRetries: 1, retryDelay: 0, throttle }, 'POST', '/x');
		// Halved by the refusal (share 1/2), then one more call for the success (+1/5): 3 of 5.
		expect(throttle.pace.window).toBe(3);
		expect(throttle.requestsPerMinute).toBe(1400);
	});

	it('waits as long as Retry-After asks on HTTP 429, in seconds or as a date, at most the ceiling', async () => {
		const now = Date.now();
		const pauses: number[] = [];
		const { send } = scripted(
			{ statusCode: 429, body: '', retryAfterMs: parseRetryAfter('7') },
			{
				statusCode: 429,
				body: '',
				retryAfterMs: parseRetryAfter(new Date(now + 12_000).toUTCString(), now),
			},
			{ statusCode: 429, body: '', retryAfterMs: parseRetryAfter('3600') },
		);
		const pause = async (ms: number) => void pauses.push(ms);
		await sendWithRetries(send, { ...policy(3), pause }, 'POST', '/x');
		expect(pauses[0]).toBe(7000);
		expect(pauses[1]).toBeGreaterThan(10_000);
		expect(pauses[1]).toBeLessThanOrEqual(12_000);
		expect(pauses[2]).toBe(MAX_BACKOFF_MS);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		// Without Retry-After: exponential with jitter, also capped.
		expect(backoff(1000, 0)).toBeGreaterThanOrEqual(500);
		expect(backoff(1000, 0)).toBeLessThanOrEqual(1000);
		expect(backoff(1000, 20)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
	});

	describe('after a rate-limit refusal', () => {
		/** A call that stays open until the test lets it answer. */
		const held = () => {
			let answer!: () => void;
			const open = new Promise<HttpResponse>((resolve) => (answer = () => resolve(ok())));
			return { open, answer };
		};
		const settle = async () => {
			for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
		};
		const refusal = () => envelope(40202, 'Rate-limit exceeded.');

		it("retries when one of the execution's own calls comes back, not after a clock", async () => {
			const throttle = new Throttle(5, 60_000);
			const pauses: number[] = [];
			const pause = async (ms: number) => void pauses.push(ms);
			const first = held();
			let refusedCalls = 0;
			const sendFirst: Send = () => first.open;
			const sendSecond: Send = async () => (refusedCalls++ === 0 ? refusal() : ok(0.05));
			const policy = { maxRetries: 3, retryDelay: 60_000, throttle, pause };
			const one = sendWithRetries(sendFirst, policy, 'POST', '/one');
			await settle();
			const two = sendWithRetries(sendSecond, policy, 'POST', '/two');
			await settle();
			// Refused while the first call is still out: it waits for that call, not 30-60 s.
			expect(refusedCalls).toBe(1);
			first.answer();
			await Promise.all([one, two]);
			expect(refusedCalls).toBe(2);
			expect(pauses).toEqual([]);
		});

		it('retries at once when a call came back while the refused one was on its way', async () => {
			const throttle = new Throttle(5, 60_000);
			const pauses: number[] = [];
			const first = held();
			let calls = 0;
			const policy = {
				maxRetries: 3,
				retryDelay: 60_000,
				throttle,
				pause: async (ms: number) => void pauses.push(ms),
			};
			const one = sendWithRetries(() => first.open, policy, 'POST', '/one');
			await settle();
			const refusedLate: Send = async () => {
				if (calls++ > 0) return ok();
				first.answer();
				await one; // the first call comes back before this one is refused
				return refusal();
			};
			await sendWithRetries(refusedLate, policy, 'POST', '/two');
			expect(calls).toBe(2);
			expect(pauses).toEqual([]);
		});

		it('does not take a refused call coming back for room: refused together, all back off', async () => {
			const throttle = new Throttle(5, 60_000);
			const pauses: number[] = [];
			let out = 0;
			let bothOut!: () => void;
			const together = new Promise<void>((resolve) => (bothOut = resolve));
			const send: Send = async () => {
				if (++out === 2) bothOut();
				if (out > 2) return ok();
				await together;
				return refusal();
			};
			const policy = {
				maxRetries: 3,
				retryDelay: 1000,
				throttle,
				pause: async (ms: number) => void pauses.push(ms),
			};
			await Promise.all([
				sendWithRetries(send, policy, 'POST', '/one'),
				sendWithRetries(send, policy, 'POST', '/two'),
			]);
			expect(out).toBe(4);
			expect(pauses).toHaveLength(2);
		});

		it("backs off when none of the execution's calls is out: other executions fill the account", async () => {
			const pauses: number[] = [];
			const { send, calls } = scripted(refusal(), refusal(), ok());
			await sendWithRetries(
				send,
				{
					maxRetries: 3,
					retryDelay: 1000,
					throttle: new Throttle(5, 60_000),
					pause: async (ms: number) => void pauses.push(ms),
				},
				'POST',
				'/x',
			);
			expect(calls).toHaveLength(3);
			expect(pauses).toHaveLength(2);
			expect(pauses[0]).toBeGreaterThanOrEqual(500);
			expect(pauses[1]).toBeGreaterThanOrEqual(1000);
		});

		it('with none out, waits about as long as its last answer took, since the others take as long', async () => {
			let now = 0;
			const clock = { now: () => now, sleep: async () => undefined };
			const throttle = new Throttle(5, 60_000, undefined, clock);
			const pauses: number[] = [];
			const policy = {
				maxRetries: 3,
				retryDelay: 100,
				throttle,
				pause: async (ms: number) => void pauses.push(ms),
			};
			// Before any answer there is nothing to go by: the Retry Delay back-off, 50-100 ms.
			const first = scripted(refusal(), ok());
			await sendWithRetries(first.send, policy, 'POST', '/x');
			expect(pauses[0]).toBeGreaterThanOrEqual(50);
			expect(pauses[0]).toBeLessThanOrEqual(100);
			// An answer that took 6 s, as DataForSEO's do: the next refusal waits 3-6 s, not 0.1 s.
			const slow: Send = async () => ((now += 6000), ok());
			await sendWithRetries(slow, policy, 'POST', '/x');
			const second = scripted(refusal(), ok());
			await sendWithRetries(second.send, policy, 'POST', '/x');
			expect(pauses[1]).toBeGreaterThanOrEqual(3000);
			expect(pauses[1]).toBeLessThanOrEqual(6000);
		});

		it('keeps retrying a refused request until Timeout has passed, not only Max Retries times', async () => {
			let now = 0;
			const clock = { now: () => now, sleep: async () => undefined };
			const refusals = (count: number) => Array.from({ length: count }, refusal);
			const policy = (waitInLineMs?: number, maxRetries = 3) => ({
				maxRetries,
				retryDelay: 1000,
				waitInLineMs,
				throttle: new Throttle(5, 60_000, undefined, clock),
				// Each pause moves the clock: 8 s of waiting for room per refusal.
				pause: async () => void (now += 8000),
			});
			// Seven refusals in 56 s, then room: within a 120 s Timeout, so it gets through.
			const inLine = scripted(...refusals(7), ok());
			await sendWithRetries(inLine.send, policy(120_000), 'POST', '/x');
			expect(inLine.calls).toHaveLength(8);

			// Past the Timeout it gives up, and says for how long it tried.
			now = 0;
			const full = scripted(...refusals(20));
			const error = (await sendWithRetries(full.send, policy(30_000), 'POST', '/x').catch(
				(e: unknown) => e,
			)) as ApiFailure;
			expect(error.code).toBe(40202);
			expect(full.calls).toHaveLength(5);
			expect(describeFailure(error)).toMatch(
				/tried 4 more times over 32,000 ms while the account stayed full, until Advanced > Timeout \(Ms\) had passed/,
			);

			// Max Retries 0 retries nothing, and other failures still count towards Max Retries.
			const none = scripted(refusal(), ok());
			await expect(
				sendWithRetries(none.send, policy(120_000, 0), 'POST', '/x'),
			).rejects.toMatchObject({ code: 40202 });
			expect(none.calls).toHaveLength(1);
			const server = scripted(
				...Array.from({ length: 5 }, () => envelope(50000, 'Internal Error.')),
			);
			await expect(
				sendWithRetries(server.send, policy(120_000, 2), 'POST', '/x'),
			).rejects.toMatchObject({ code: 50000 });
			expect(server.calls).toHaveLength(3);
		});

		it('stops waiting at once on Stop, and sends nothing more', async () => {
			const controller = new AbortController();
			const throttle = new Throttle(5, 60_000, controller.signal);
			const first = held();
			let refusedCalls = 0;
			const policy = { maxRetries: 3, retryDelay: 0, throttle, signal: controller.signal };
			void sendWithRetries(() => first.open, policy, 'POST', '/one').catch(() => undefined);
			await settle();
			const two = sendWithRetries(async () => (refusedCalls++, refusal()), policy, 'POST', '/two');
			await settle();
			controller.abort();
			await expect(two).rejects.toBeInstanceOf(StoppedError);
			expect(refusedCalls).toBe(1);
		});
	});

	it('never retries an aborted request, and a back-off pause ends at once on Stop', async () => {
		const controller = new AbortController();
		const { send, calls } = scripted({ statusCode: 500, body: '' });
		// A 60 s back-off after the 500: Stop must end it, and nothing more is sent.
		const run = sendWithRetries(
			send,
			{
				maxRetries: 5,
				retryDelay: 60_000,
				throttle: new Throttle(5, 2000),
				signal: controller.signal,
			},
			'POST',
			'/x',
		);
		while (calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
		controller.abort();
		await expect(run).rejects.toBeInstanceOf(StoppedError);
		expect(calls).toHaveLength(1);

		// A request that n8n's helper aborted (it rejects once the signal fires) is not retried.
		const aborted = new AbortController();
		const refused: Send = async () => {
			aborted.abort();
			throw new Error('canceled');
		};
		let sent = 0;
		await expect(
			sendWithRetries(
				refused,
				{ ...policy(5), signal: aborted.signal, onAttempt: () => sent++ },
				'POST',
				'/x',
			),
		).rejects.toBeInstanceOf(StoppedError);
		expect(sent).toBe(1);
	});

	it('says how many retries ran', async () => {
		const hint = async (maxRetries: number) => {
			const { send } = scripted(
				...Array.from({ length: 5 }, () => envelope(50000, 'Internal Error.')),
			);
			const error = (await sendWithRetries(send, policy(maxRetries), 'POST', '/x').catch(
				(e: unknown) => e,
			)) as ApiFailure;
			return describeFailure(error);
		};
		expect(await hint(0)).toMatch(/not tried again: Advanced > Max Retries is 0/);
		expect(await hint(0)).not.toMatch(/even after|retries did not/);
		expect(await hint(1)).toMatch(/tried once more first/);
		expect(await hint(3)).toMatch(/tried 3 more times first/);
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

describe('transportFailure', () => {
	const node = { name: 'DFS' } as INode;
	const axiosTimeout = () =>
		Object.assign(new Error('timeout of 5000ms exceeded'), {
			code: 'ECONNABORTED',
			isAxiosError: true,
			config: { headers: { Authorization: 'Basic c2VjcmV0' } },
		});

	it("recognises a timeout inside n8n's wrapper, names the limit and the option", () => {
		// What n8n 2.x's httpRequestWithAuthentication throws: a NodeApiError whose message is
		// "The connection was aborted, perhaps the server is offline", the client's error as cause.
		const wrapped = new NodeApiError(node, axiosTimeout() as never);
		expect(wrapped.message).toMatch(/aborted, perhaps the server is offline/);
		const failure = transportFailure(wrapped, { timeoutMs: 5000, elapsedMs: 5003 }) as ApiFailure;
		expect(failure.kind).toBe('timeout');
		expect(failure.message).toBe(
			'The request timed out: DataForSEO did not answer within 5,000 ms, the limit set in Advanced > Timeout (Ms).',
		);
		expect(describeFailure(failure)).toMatch(/DataForSEO may already have charged/);
		expect(JSON.stringify(failure)).not.toMatch(/Basic|c2VjcmV0/);
	});

	it("recognises it from n8n 1.x's wrapper (the original text in messages) and from the clock", () => {
		const v1 = {
			message: 'The connection was aborted, perhaps the server is offline',
			messages: ['timeout of 5000ms exceeded'],
		};
		expect((transportFailure(v1, { timeoutMs: 5000 }) as ApiFailure).kind).toBe('timeout');
		const bare = { message: 'socket hang up' };
		expect((transportFailure(bare, { timeoutMs: 5000, elapsedMs: 5001 }) as ApiFailure).kind).toBe(
			'timeout',
		);
		expect((transportFailure(bare, { timeoutMs: 5000, elapsedMs: 10 }) as ApiFailure).kind).toBe(
			'network',
		);
	});

	it('is a Stop, not a network error, once the signal has fired', () => {
		const controller = new AbortController();
		controller.abort();
		const canceled = Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' });
		expect(transportFailure(canceled, { signal: controller.signal })).toBeInstanceOf(StoppedError);
	});
});
