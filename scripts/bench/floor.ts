/** One run against the one-item-per-page stand-in API (see tinyApi.ts). */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { timeNode } from './nodeRun';
import type { TinyApi } from './tinyApi';

export async function floorRun(
	api: TinyApi,
	parameters: INodeParameters,
	concurrency: number,
	expectedRequests: number,
	input?: IDataObject[],
): Promise<{ ms: number; problems: string[] }> {
	api.reset();
	const run = await timeNode(api.url, parameters, { input });
	const { requests, peakInFlight } = api.stats();
	const problems = run.error ? [`run failed: ${run.error}`] : [];
	if (peakInFlight > concurrency) problems.push(`${peakInFlight} in flight at C=${concurrency}`);
	// Only a warning: the stand-in's one-item pages are not real answers, and a node may
	// reasonably treat a short page differently; the floor is a diagnostic, not a check.
	if (requests !== expectedRequests)
		console.warn(`floor run: ${requests} requests, expected ${expectedRequests}; floor may be off`);
	return { ms: run.ms, problems };
}
