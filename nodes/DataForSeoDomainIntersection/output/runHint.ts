import type { IExecuteFunctions } from 'n8n-workflow';

import { FIELDS } from '../fields';
import type { Execution } from '../run/execution';

/** One line about the run; `ending` 'stopped' marks a run the user stopped. */
export function summarize(execution: Execution, ending?: 'stopped'): string {
	const { rows, requests, retries, rateLimited, cost, cutBy, notes, warnings } = execution.stats;
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
	if (rateLimited > 0)
		parts.push(
			`${rateLimited} rate-limit answer${rateLimited === 1 ? '' : 's'} from DataForSEO (the account's limits are shared by all its workflows), retried at a lower pace`,
		);
	const sentences = [...warnings, ...notes].map((text) => ` ${text}`).join('');
	const name = 'DataForSEO Domain Intersection';
	return ending === 'stopped'
		? `${name}: stopped: ${parts.join(', ')}.${sentences}`
		: `${name}: ${parts.join(', ')}.${sentences}`;
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
