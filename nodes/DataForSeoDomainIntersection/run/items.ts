import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, stoppedError, toNodeError, type NodeFailure } from '../output/nodeErrors';
import { summarize } from '../output/runHint';
import type { IntersectionRequest } from '../request/task';
import type { Execution } from './execution';

const NAME = 'DataForSEO Domain Intersection';

/**
 * Runs every item's series and settles only when all of them have: on Stop or on a failure the
 * others end at once (their requests aborted, their queues emptied), and nothing is left running
 * in the background after the node returns. Two log lines mark a Stop: when the signal came, and
 * when the last series had ended.
 */
export async function runItems(
	fn: IExecuteFunctions,
	execution: Execution,
	requests: Array<IntersectionRequest | NodeFailure>,
	runOne: (request: IntersectionRequest, itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const { signal } = execution;
	const onStop = () =>
		fn.logger.info(
			`${NAME}: Stop received, ending ${execution.throttle.active} request(s) in flight`,
		);
	signal?.addEventListener('abort', onStop, { once: true });
	let failure: NodeFailure | undefined;
	try {
		const settled = await Promise.allSettled(
			requests.map(async (request, itemIndex) => {
				if (request instanceof Error) return [errorItem(request, itemIndex)];
				try {
					return await runOne(request, itemIndex);
				} catch (error) {
					if (signal?.aborted) throw stoppedError(fn, itemIndex);
					const nodeError = toNodeError(fn, error, itemIndex);
					if (fn.continueOnFail()) return [errorItem(nodeError, itemIndex)];
					// The first failure fails the execution; the other items stop at once.
					failure ??= nodeError;
					execution.throttle.stop();
					throw nodeError;
				}
			}),
		);
		if (signal?.aborted) {
			fn.logger.info(summarize(execution, 'stopped'));
			throw stoppedError(fn);
		}
		if (failure) throw failure;
		return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
	} finally {
		signal?.removeEventListener('abort', onStop);
	}
}
