import { sleep } from 'n8n-workflow';

/** Thrown once the user has stopped the execution: nothing more is sent, nothing is retried. */
export class StoppedError extends Error {
	constructor() {
		// n8n marks an execution that ends with a "canceled" error as canceled, not failed.
		super('The execution was canceled, so no further requests were sent to DataForSEO.');
		this.name = 'StoppedError';
	}
}

export function throwIfStopped(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new StoppedError();
}

const children = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * A signal of its own for one request or wait, aborted with `parent`; `release` once it is done.
 * Node prints a "possible memory leak" warning into n8n's log once more than 10 listeners wait on
 * one signal, and at Concurrency 30 every request and back-off would add one to the execution's:
 * the children share a single listener instead.
 */
export function childSignal(parent: AbortSignal): { signal: AbortSignal; release: () => void } {
	const controller = new AbortController();
	if (parent.aborted) {
		controller.abort();
		return { signal: controller.signal, release: () => undefined };
	}
	let waiting = children.get(parent);
	if (!waiting) {
		const created = new Set<AbortController>();
		const abortAll = () => {
			for (const child of created) child.abort();
			created.clear();
		};
		parent.addEventListener('abort', abortAll, { once: true });
		children.set(parent, (waiting = created));
	}
	const set = waiting;
	set.add(controller);
	return { signal: controller.signal, release: () => set.delete(controller) };
}

/**
 * Waits `ms`, or rejects with StoppedError as soon as `signal` aborts. n8n 2.x's `sleep` takes the
 * signal and clears its timer; 1.x's ignores it, so the abort is also raced here.
 */
export async function sleepUnlessStopped(
	ms: number,
	signal: AbortSignal | undefined,
): Promise<void> {
	if (!signal) return await sleep(ms);
	throwIfStopped(signal);
	const own = childSignal(signal);
	const stopped = new Promise<never>((_, reject) => {
		own.signal.addEventListener('abort', () => reject(new StoppedError()), { once: true });
	});
	try {
		await Promise.race([sleep(ms, own.signal), stopped]);
	} catch (error) {
		throw signal.aborted ? new StoppedError() : error;
	} finally {
		own.release();
	}
}

/**
 * One abort for the whole execution, fired by n8n's Stop or by the first failure that fails the
 * execution: everything that waits or sends listens to `signal`, so the other items' requests in
 * flight are aborted and their waits end at once. `cause` tells the two apart, so that the user
 * sees the failure itself, not "canceled".
 */
export class ExecutionAbort {
	private readonly controller = new AbortController();
	readonly signal: AbortSignal = this.controller.signal;
	/** What ended the execution first; undefined while it runs. */
	cause: 'stop' | 'failure' | undefined;

	constructor(readonly stopSignal?: AbortSignal) {
		if (stopSignal?.aborted) this.end('stop');
		else stopSignal?.addEventListener('abort', () => this.end('stop'), { once: true });
	}

	/** The user stopped the execution before anything failed. */
	get stopped(): boolean {
		return this.cause === 'stop';
	}

	/** An item failed and fails the execution: the others end now. */
	fail(): void {
		this.end('failure');
	}

	private end(cause: 'stop' | 'failure'): void {
		if (this.cause) return;
		this.cause = cause;
		this.controller.abort();
	}
}
