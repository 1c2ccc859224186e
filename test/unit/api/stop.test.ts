import { getEventListeners } from 'node:events';

import { sendWithRetries } from '../../../nodes/DataForSeoDomainIntersection/api/retry';
import type { HttpResponse, Send } from '../../../nodes/DataForSeoDomainIntersection/api/sender';
import {
	childSignal,
	ExecutionAbort,
	sleepUnlessStopped,
	StoppedError,
} from '../../../nodes/DataForSeoDomainIntersection/api/stop';
import { Throttle } from '../../../nodes/DataForSeoDomainIntersection/api/throttle';
import { envelope } from './responses';

const settle = async () => {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('ExecutionAbort', () => {
	it("fires on n8n's Stop and on the first failure, and remembers which came first", () => {
		const stop = new AbortController();
		const stopped = new ExecutionAbort(stop.signal);
		stop.abort();
		stopped.fail();
		expect([stopped.signal.aborted, stopped.cause, stopped.stopped]).toEqual([true, 'stop', true]);

		const stopLater = new AbortController();
		const failed = new ExecutionAbort(stopLater.signal);
		failed.fail();
		stopLater.abort();
		// The failure is what ended it: the user is shown that, not "canceled".
		expect([failed.signal.aborted, failed.cause, failed.stopped]).toEqual([true, 'failure', false]);

		const already = new AbortController();
		already.abort();
		expect(new ExecutionAbort(already.signal).stopped).toBe(true);
		expect(new ExecutionAbort().signal.aborted).toBe(false);
	});

	it('on failure aborts the request in flight and ends queue waits and back-off pauses at once', async () => {
		const abort = new ExecutionAbort(new AbortController().signal);
		// One call at a time: the second waits in the queue behind the held first.
		const throttle = new Throttle(1, 60_000, abort.signal);
		const policy = { maxRetries: 5, retryDelay: 60_000, throttle, signal: abort.signal };
		let inFlightAborted = false;
		const held: Send = (_method, _path, _body, signal) =>
			new Promise<HttpResponse>((_, reject) => {
				signal?.addEventListener('abort', () => {
					inFlightAborted = true;
					reject(new Error('canceled'));
				});
			});
		let queuedSent = 0;
		const first = sendWithRetries(held, policy, 'POST', '/held');
		const queued = sendWithRetries(
			async () => (queuedSent++, envelope(50000, 'Internal Error.')),
			policy,
			'POST',
			'/queued',
		);
		// A third, on its own throttle, fails with a 500 and pauses 30 to 60 s before its retry.
		let pausedSent = 0;
		const paused = sendWithRetries(
			async () => (pausedSent++, { statusCode: 500, body: '' }),
			{ ...policy, throttle: new Throttle(5, 60_000, abort.signal) },
			'POST',
			'/paused',
		);
		await settle();
		expect([queuedSent, pausedSent]).toEqual([0, 1]);

		const started = Date.now();
		abort.fail();
		await expect(first).rejects.toBeInstanceOf(StoppedError);
		await expect(queued).rejects.toBeInstanceOf(Error);
		await expect(paused).rejects.toBeInstanceOf(StoppedError);
		expect(inFlightAborted).toBe(true);
		expect([queuedSent, pausedSent]).toEqual([0, 1]);
		// Generous: the pause alone would have been 30 s.
		expect(Date.now() - started).toBeLessThan(5000);
	});
});

describe('childSignal and sleepUnlessStopped', () => {
	it('keep one listener on the execution signal however many requests and waits share it', async () => {
		const parent = new AbortController();
		const links = Array.from({ length: 30 }, () => childSignal(parent.signal));
		const waits = Array.from({ length: 30 }, () =>
			sleepUnlessStopped(60_000, parent.signal).then(
				() => 'slept',
				(error: unknown) => (error instanceof StoppedError ? 'stopped' : String(error)),
			),
		);
		// Node warns of a leak in n8n's log past 10 listeners on one signal.
		expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
		parent.abort();
		expect(await Promise.all(waits)).toEqual(Array(30).fill('stopped'));
		expect(links.every((link) => link.signal.aborted)).toBe(true);
	});

	it('forget a released child, and abort at once a child of an aborted signal', () => {
		const parent = new AbortController();
		const done = childSignal(parent.signal);
		done.release();
		const open = childSignal(parent.signal);
		parent.abort();
		expect([done.signal.aborted, open.signal.aborted]).toEqual([false, true]);
		expect(childSignal(parent.signal).signal.aborted).toBe(true);
	});
});
