import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { LOOPBACK } from '../api/baseUrl';
import { uiPath } from '../fields';
import type { IntersectionRequest } from '../request/task';
import type { Execution } from '../run/execution';
import { prospectSentences } from './prospectHint';
import { asSentence, competitorColumnsText, notesText } from './sentences';

/** Where the cost figures come from, by the credential's environment. */
export type CostSource = 'live' | 'sandbox' | 'simulated' | 'custom';

/** Live and sandbox are DataForSEO's; a custom URL on this machine is the simulator. */
export function costSourceOf(credentials: {
	environment?: unknown;
	baseUrl?: unknown;
}): CostSource {
	if (credentials.environment === 'sandbox') return 'sandbox';
	if (credentials.environment !== 'custom') return 'live';
	const text = String(credentials.baseUrl ?? '').trim();
	const host = URL.canParse(text) ? new URL(text).hostname : '';
	return LOOPBACK.test(host) ? 'simulated' : 'custom';
}

/**
 * n8n's editor sends a manual run's output back with the next "Execute step", and n8n refuses
 * a request body over N8N_PAYLOAD_SIZE_MAX, 16 MB by default ("Existing execution data is too
 * large"). The node cannot read that setting, so it warns from half the default on.
 */
const MIB = 1024 * 1024;
export const EDITOR_LIMIT_BYTES = 16 * MIB;
const WARN_FROM_BYTES = EDITOR_LIMIT_BYTES / 2;

export interface RunReport {
	/** The output items, to measure in manual runs. */
	items: readonly INodeExecutionData[];
	/** The valid requests, to name the settings that make the output smaller. */
	requests: readonly IntersectionRequest[];
	inputItems: number;
	source: CostSource;
	/** True for a run from the editor. */
	manual: boolean;
}

const n = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string) =>
	`${n(count)} ${count === 1 ? one : many}`;
const usd = (value: number) => `$${value.toFixed(2)}`;
// n8n's N8N_PAYLOAD_SIZE_MAX counts MB as 1,048,576 bytes.
const mb = (bytes: number) => `${(bytes / MIB).toFixed(1)} MB`;

function costText(cost: number, source: CostSource): string {
	if (source === 'sandbox') return `${usd(cost)} as the free sandbox reports it (nothing charged)`;
	if (source === 'simulated')
		return `${usd(cost)} simulated: your credential points to a local test server, not DataForSEO`;
	return usd(cost);
}

/**
 * "5 of 40,921 referring domains", or with Only New "5 new of 50 read (40,921 in all)". When
 * Max Results cut the list it starts with what the person has: "Showing the first 1,500 of …".
 */
function rowsText(execution: Execution, inputItems: number): string {
	const { rows, total, fetched, fresh, cutBy } = execution.stats;
	const forItems = inputItems > 1 ? ` for ${n(inputItems)} input items` : '';
	const cut = cutBy.has('maxResults');
	const first = cut && inputItems === 1 ? 'the first ' : '';
	if (fetched > 0)
		return `${cut ? 'Showing ' : ''}${n(fresh)} new of ${first}${plural(fetched, 'referring domain', 'referring domains')} read (${n(total)} in all)${forItems}`;
	return `${cut ? `Showing ${first}` : ''}${n(rows)} of ${plural(total, 'referring domain', 'referring domains')}${forItems}`;
}

/** Outputs longer than this are measured from an even sample of this many items. */
export const SIZE_SAMPLE_ITEMS = 2_000;

const sizeOf = (item: INodeExecutionData) =>
	JSON.stringify({ json: item.json, pairedItem: item.pairedItem }).length + 1;

/**
 * JSON size of the items as n8n's editor would send them back. A long output's size is estimated
 * from every k-th item (its rows share one set of columns): serializing all 40,921 rows of the
 * docs example took ~70 ms at the end of the run, only to compare the size with 8 and 16 MB.
 * Counting all items stops past `upTo`.
 */
export function outputBytes(items: readonly INodeExecutionData[], upTo = Infinity): number {
	const step = Math.ceil(items.length / SIZE_SAMPLE_ITEMS);
	if (step > 1) {
		let sampled = 0;
		let count = 0;
		for (let index = 0; index < items.length; index += step, count++)
			sampled += sizeOf(items[index]);
		return Math.round((sampled / count) * items.length);
	}
	let bytes = 0;
	for (const item of items) {
		bytes += sizeOf(item);
		if (bytes > upTo) break;
	}
	return bytes;
}

/** The sentence that warns before n8n's "Existing execution data is too large", or nothing. */
export function sizeWarning(bytes: number, requests: readonly IntersectionRequest[]): string {
	if (bytes < WARN_FROM_BYTES) return '';
	const fixes: string[] = [];
	const returnAll = requests.some((request) => request.cap !== 'limit');
	fixes.push(`lower ${uiPath(returnAll ? 'maxResults' : 'limit')}`);
	if (requests.some((request) => request.outputFormat === 'flat' && request.columns !== 'key'))
		fixes.push(`choose ${uiPath('columns')}: Key Metrics`);
	if (requests.some((request) => request.outputFormat === 'raw'))
		fixes.push(`choose ${uiPath('outputFormat')}: Flat`);
	fixes.push('run the whole workflow (Execute Workflow) instead of single steps');
	const limit = `${EDITOR_LIMIT_BYTES / MIB} MB`;
	const size =
		bytes > EDITOR_LIMIT_BYTES
			? `more than the ${limit}`
			: `about ${mb(bytes)}, close to the ${limit}`;
	return `This output is ${size} n8n's editor accepts back: running a single step after it (Execute step) may fail with "Existing execution data is too large". To avoid that, ${fixes.slice(0, -1).join(', ')} or ${fixes[fixes.length - 1]}.`;
}

const NAME = 'DataForSEO Domain Intersection';

/** The run hint: what was found and paid, as a sentence, then what to know about it. */
export function buildHint(
	execution: Execution,
	report: RunReport,
): { message: string; worrying: boolean } {
	const { requests, retries, rateLimited, cost, cutBy, notes, warnings } = execution.stats;
	const parts = [rowsText(execution, report.inputItems), plural(requests, 'request', 'requests')];
	if (retries > 0) parts.push(plural(retries, 'retry', 'retries'));
	parts.push(costText(cost, report.source));
	// What the person has, then what to do about a cut, then the rest worth knowing.
	const sentences = [
		`${parts.join(', ')}.`,
		...prospectSentences(report.requests, execution.stats),
		...[...warnings].map(asSentence),
	];
	if (rateLimited > 0)
		sentences.push(
			`DataForSEO said ${rateLimited === 1 ? 'once' : `${n(rateLimited)} times`} that the rate limit was reached (the account's limits are shared by all its workflows); the node retried at a lower pace.`,
		);
	const tooLarge = report.manual
		? sizeWarning(outputBytes(report.items, EDITOR_LIMIT_BYTES), report.requests)
		: '';
	if (tooLarge) sentences.push(tooLarge);
	sentences.push(competitorColumnsText(report.requests), ...notesText(notes));
	const worrying = cutBy.size > 0 || warnings.size > 0 || tooLarge !== '';
	return { message: sentences.filter(Boolean).join(' '), worrying };
}

/** For a log line without the output, e.g. when the user stopped the run. */
const NO_OUTPUT: RunReport = {
	items: [],
	requests: [],
	inputItems: 1,
	source: 'live',
	manual: false,
};

/** The log line: the node's name, "stopped:" or "failed:" when the run ended so, then the hint. */
export function summarize(
	execution: Execution,
	ending?: 'stopped' | 'failed',
	report: RunReport = NO_OUTPUT,
): string {
	const { message } = buildHint(execution, report);
	return `${NAME}: ${ending ? `${ending}: ` : ''}${message}`;
}

/** Tells the user what the run did: a hint above the output where n8n supports hints, and a log line. */
export function reportRun(fn: IExecuteFunctions, execution: Execution, report: RunReport): void {
	const { message, worrying } = buildHint(execution, report);
	fn.logger.info(`${NAME}: ${message}`);
	if (typeof fn.addExecutionHints === 'function') {
		fn.addExecutionHints({ message, location: 'outputPane', type: worrying ? 'warning' : 'info' });
	}
}
