/**
 * Runs Input -> Domain Intersection through n8n-core's real workflow engine (the integration
 * harness), so a run pays what it pays inside n8n: parameters and expressions, the credential's
 * authenticate step, axios via httpRequestWithAuthentication, and the engine's handling of the
 * output items. A stand-in IExecuteFunctions would skip exactly those costs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { DataForSeoBasicAuthApi } from '../../credentials/DataForSeoBasicAuthApi.credentials';
import type * as NodeModule from '../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import {
	chain,
	fixtureInput,
	node,
	runWorkflow,
	type ProcessedDataStore,
} from '../../test/integration/harness';
import { SIM_LOGIN, SIM_PASSWORD } from '../../test/simulator';
import { ROOT } from './simProcess';

// tsx resolves the extensionless '….node' import to the codex file
// DataForSeoDomainIntersection.node.json beside the class, so the class is required by its full
// file name; the type import above is for tsc only.
const NODE_FILE = join(
	ROOT,
	'nodes',
	'DataForSeoDomainIntersection',
	'DataForSeoDomainIntersection.node.ts',
);
const { DataForSeoDomainIntersection } = require(NODE_FILE) as typeof NodeModule;

const NODE_TYPE = 'n8n-nodes-dataforseo-domain-intersection.dataForSeoDomainIntersection';
const NODE_NAME = 'Domain Intersection';

export interface TimedRun {
	ms: number;
	/** CPU this process used during the run; the simulator's is not included. */
	cpuMs: number;
	/** Time the JS thread was ready to run but had no CPU (other processes); 0 off Linux. */
	waitMs: number;
	items: INodeExecutionData[];
	error?: string;
}

/** Run-queue wait of this process's main thread so far, in ms (Linux schedstat). */
function runQueueWaitMs(): number {
	try {
		return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
	} catch {
		return 0;
	}
}

export interface RunOptions {
	input?: IDataObject[];
	/** 'manual' is a run from the editor; a webhook or schedule run is not. */
	mode?: WorkflowExecuteMode;
	/** The node's typeVersion; 1 writes 0.1.0's columns, every metric and breakdown. */
	version?: number;
	/** n8n's deduplication store, for Only New; pass one store to runs that share a memory. */
	processedData?: ProcessedDataStore;
}

/** The node's id in runs with a deduplication store: n8n keys the memory by it. */
export const BENCH_NODE_ID = 'bench-node';

export async function timeNode(
	baseUrl: string,
	parameters: INodeParameters,
	{ input = [{}], mode = 'manual', version = 1, processedData }: RunOptions = {},
): Promise<TimedRun> {
	const cpu = process.cpuUsage();
	const wait = runQueueWaitMs();
	const started = performance.now();
	const result = await runWorkflow({
		mode,
		processedData,
		nodeTypes: { [NODE_TYPE]: DataForSeoDomainIntersection },
		credentialTypes: [new DataForSeoBasicAuthApi()],
		credentials: {
			sim: {
				type: 'dataForSeoBasicAuthApi',
				data: { login: SIM_LOGIN, password: SIM_PASSWORD, environment: 'custom', baseUrl },
			},
		},
		workflow: {
			nodes: [
				fixtureInput('Input', input),
				node(NODE_NAME, NODE_TYPE, parameters, {
					// Stable, as in a saved workflow: n8n keys a node's deduplication memory by its id.
					id: BENCH_NODE_ID,
					typeVersion: version,
					credentials: { dataForSeoBasicAuthApi: { id: 'sim', name: 'Simulator' } },
				}),
			],
			connections: chain('Input', NODE_NAME),
		},
	});
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	const error = result.error ? String(result.error.message) : undefined;
	const items = error ? [] : result.outputOf(NODE_NAME);
	const cpuMs = (used.user + used.system) / 1000;
	return { ms, cpuMs, waitMs: runQueueWaitMs() - wait, items, error };
}

export const pairedIndex = (item: INodeExecutionData): number | undefined => {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' ? paired.item : paired;
};
