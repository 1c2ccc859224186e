import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, stoppedError, toNodeError, type NodeFailure } from '../output/nodeErrors';
import { summarize } from '../output/runHint';
import type { IntersectionRequest } from '../request/task';
import type { Execution } from './execution';

const NAME = 'DataForSEO Domain Intersection';

/**
 * Runs every item's series and settles only when all of them have: on Stop or on the first
 * failure (without Continue On Fail) the execution's abort ends the others at once (their
 * requests aborted, their waits woken), and nothing is left running in the background after the
 * node returns. Two log lines mark a Stop or a failure: when it came, and when the last series
 * had ended, with what had been sent and paid.
 */
export async function runItems(
	fn: IExecuteFunctions,
	execution: Execution,
	requests: Array<IntersectionRequest | NodeFailure>,
	runOne: (request: IntersectionRequest, itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const { abort } = execution;
	const onStop = () =>
		fn.logger.info(
			`${NAME}: Stop received, ending ${execution.throttle.active} request(s) in flight`,
		);
	abort.stopSignal?.addEventListener('abort', onStop, { once: true });
	// With Continue On Fail, a failing item ends only itself.
	execution.failFast = !fn.continueOnFail();
	let failure: NodeFailure | undefined;
	try {
		const settled = await Promise.allSettled(
			requests.map(async (request, itemIndex) => {
				if (request instanceof Error) return [errorItem(request, itemIndex)];
				try {
					return await runOne(request, itemIndex);
				} catch (error) {
					if (abort.stopped) throw stoppedError(fn, itemIndex);
					// Ended by another item's failure: that one is what the user sees.
					const first = execution.failedWith;
					const nodeError = toNodeError(fn, error, itemIndex);
					if (failure || (first !== undefined && error !== first)) throw failure ?? nodeError;
					if (!execution.failFast) return [errorItem(nodeError, itemIndex)];
					execution.fail(error);
					failure = nodeError;
					throw nodeError;
				}
			}),
		);
		if (abort.stopped) {
			fn.logger.info(summarize(execution, 'stopped'));
			throw stoppedError(fn);
		}
		if (abort.cause === 'failure') {
			failure ??= toNodeError(fn, execution.failedWith, 0);
			throw failed(fn, execution, failure);
		}
		return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
	} finally {
		abort.stopSignal?.removeEventListener('abort', onStop);
	}
}

/** The first failure, told with what the run had sent and paid, and what it cut off. */
function failed(fn: IExecuteFunctions, execution: Execution, failure: NodeFailure): NodeFailure {
	fn.logger.info(summarize(execution, 'failed'));
	const cut = execution.cutRequests;
	if (cut === 0) return failure;
	const others = cut === 1 ? '1 other request' : `${cut} other requests`;
	const note = `The run ended at once: ${others} still running were aborted, and DataForSEO may charge for requests it had already started to answer.`;
	failure.description = [failure.description, note].filter(Boolean).join(' ');
	return failure;
}
