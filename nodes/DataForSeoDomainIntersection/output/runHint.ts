import type { IExecuteFunctions } from 'n8n-workflow';

import type { Execution } from '../run/execution';

export function summarize(execution: Execution): string {
	const { rows, requests, retries, cost, cutBy } = execution.stats;
	const parts = [
		`${rows.toLocaleString('en-US')} rows`,
		`${requests} request${requests === 1 ? '' : 's'}`,
		`${retries} retr${retries === 1 ? 'y' : 'ies'}`,
		`cost $${cost.toFixed(4)}`,
	];
	if (cutBy.has('maxResults')) parts.push('stopped early by Max Results');
	if (cutBy.has('maxCost')) parts.push('stopped early by Max Cost');
	const pace = execution.throttle.requestsPerMinute;
	if (pace < execution.settings.requestsPerMinute)
		parts.push(`slowed to ${pace} requests a minute by DataForSEO's rate limit`);
	return `DataForSEO Domain Intersection: ${parts.join(', ')}`;
}

/** Tells the user what the run did: a hint under the node where n8n supports hints, and a log line. */
export function reportRun(fn: IExecuteFunctions, execution: Execution): void {
	const message = summarize(execution);
	fn.logger.info(message);
	const cut = execution.stats.cutBy.size > 0;
	if (typeof fn.addExecutionHints === 'function') {
		fn.addExecutionHints({ message, location: 'outputPane', type: cut ? 'warning' : 'info' });
	}
}
