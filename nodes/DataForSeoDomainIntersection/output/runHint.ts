import type { IExecuteFunctions } from 'n8n-workflow';

import { FIELDS } from '../fields';
import type { Execution } from '../run/execution';

export function summarize(execution: Execution): string {
	const { rows, requests, retries, cost, cutBy, notes, warnings } = execution.stats;
	const parts = [
		`${rows.toLocaleString('en-US')} rows`,
		`${requests} request${requests === 1 ? '' : 's'}`,
		`${retries} retr${retries === 1 ? 'y' : 'ies'}`,
		`cost $${cost.toFixed(4)}`,
	];
	if (execution.stats.fetched > 0)
		parts.push(
			`${execution.stats.fresh.toLocaleString('en-US')} new of ${execution.stats.fetched.toLocaleString('en-US')} rows fetched`,
		);
	if (cutBy.has('maxResults')) parts.push(`stopped early by ${FIELDS.maxResults.ui.displayName}`);
	if (cutBy.has('maxCost')) parts.push(`stopped early by ${FIELDS.maxCost.ui.displayName}`);
	const pace = execution.throttle.requestsPerMinute;
	if (pace < execution.settings.requestsPerMinute)
		parts.push(`slowed to ${pace} requests a minute by DataForSEO's rate limit`);
	const sentences = [...warnings, ...notes].map((text) => ` ${text}`).join('');
	return `DataForSEO Domain Intersection: ${parts.join(', ')}.${sentences}`;
}

/** Tells the user what the run did: a hint under the node where n8n supports hints, and a log line. */
export function reportRun(fn: IExecuteFunctions, execution: Execution): void {
	const message = summarize(execution);
	fn.logger.info(message);
	const worrying = execution.stats.cutBy.size > 0 || execution.stats.warnings.size > 0;
	if (typeof fn.addExecutionHints === 'function') {
		fn.addExecutionHints({ message, location: 'outputPane', type: worrying ? 'warning' : 'info' });
	}
}
