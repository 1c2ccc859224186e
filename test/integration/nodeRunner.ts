import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DataForSeoBasicAuthApi } from '../../credentials/DataForSeoBasicAuthApi.credentials';
import { DataForSeoDomainIntersection } from '../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import { SIM_LOGIN, SIM_PASSWORD } from '../simulator';
import {
	chain,
	fixtureInput,
	node,
	runWorkflow,
	type ProcessedDataStore,
	type RunResult,
} from './harness';

export const NODE_TYPE = 'n8n-nodes-dataforseo-domain-intersection.dataForSeoDomainIntersection';
export const NODE_NAME = 'Domain Intersection';

export interface NodeRun {
	baseUrl: string;
	parameters: INodeParameters;
	input?: IDataObject[];
	password?: string;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	mode?: 'manual' | 'trigger';
	staticData?: IDataObject;
	/** n8n's deduplication store (Only New); pass the same one to runs that share a memory. */
	processedData?: ProcessedDataStore;
	/** Stops the run (as n8n's Stop does) when this settles. */
	cancelWhen?: Promise<unknown>;
	/** The node's version; 2 unless a test needs another (3 moves settings to Advanced). */
	typeVersion?: number;
}

/** Runs Input -> Domain Intersection through n8n-core's workflow engine. */
export async function runNode(run: NodeRun): Promise<RunResult> {
	return runWorkflow({
		nodeTypes: { [NODE_TYPE]: DataForSeoDomainIntersection },
		credentialTypes: [new DataForSeoBasicAuthApi()],
		credentials: {
			sim: {
				type: 'dataForSeoBasicAuthApi',
				data: {
					login: SIM_LOGIN,
					password: run.password ?? SIM_PASSWORD,
					environment: 'custom',
					baseUrl: run.baseUrl,
				},
			},
		},
		mode: run.mode ?? 'manual',
		processedData: run.processedData,
		cancelWhen: run.cancelWhen,
		workflow: {
			staticData: run.staticData,
			nodes: [
				fixtureInput('Input', run.input ?? [{}]),
				node(NODE_NAME, NODE_TYPE, run.parameters, {
					// Stable, as in a saved workflow: n8n keys a node's deduplication memory by its id.
					id: 'domain-intersection',
					typeVersion: run.typeVersion ?? 2,
					credentials: { dataForSeoBasicAuthApi: { id: 'sim', name: 'Simulator' } },
					...(run.onError ? { onError: run.onError } : {}),
				}),
			],
			connections: chain('Input', NODE_NAME),
		},
	});
}

export const json = (result: RunResult): IDataObject[] =>
	result.outputOf(NODE_NAME).map((item) => item.json);

/** The node's run hints as one text, as a person reads them above the output. */
export const hintText = (result: RunResult, separator = ' '): string =>
	result
		.hints(NODE_NAME)
		.map((hint) => hint.message)
		.join(separator);
