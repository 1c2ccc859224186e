import { WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ExecutionStatus,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunData,
	IWorkflowSettings,
	NodeExecutionHint,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData, createHooks, type HookRecord } from './additional-data';
import { setupEnvironment } from './container';
import { HarnessCredentialsHelper, type CredentialFixture } from './credentials-helper';
import { BUILT_IN_NODE_TYPES, FIXTURE_INPUT_TYPE } from './fixture-nodes';
import type { LogEntry } from './logger';
import { HarnessNodeTypes, type NodeTypeInput } from './node-types';
import { ProcessedDataStore } from './processed-data-store';
import { useProcessedData } from './processed-data';

export interface RunOptions {
	/** Node types by full type name; the harness's fixture nodes are always registered too. */
	nodeTypes: Record<string, NodeTypeInput>;
	credentialTypes?: ICredentialType[];
	/** Stored credentials, keyed by the credential id the workflow's nodes reference. */
	credentials?: Record<string, CredentialFixture>;
	workflow: {
		nodes: INode[];
		connections: IConnections;
		staticData?: IDataObject;
		settings?: IWorkflowSettings;
	};
	/** Default 'manual'. In any other mode the changed static data is kept, as n8n saves it. */
	mode?: WorkflowExecuteMode;
	/** Name of the node to start from; by default n8n's choice, else the fixture input or a root. */
	startNode?: string;
	/**
	 * The database behind n8n's deduplication helpers (`checkProcessedAndRecord`...): pass the
	 * same store to several runs to keep what they recorded. Default: an empty one per run.
	 */
	processedData?: ProcessedDataStore;
	/**
	 * When this settles, the run is cancelled the way n8n's Stop does it (the execution's
	 * cancel signal fires); RunResult.cancelledAt and settledAt then tell how long the rest took.
	 */
	cancelWhen?: Promise<unknown>;
}

export interface RunResult {
	runData: IRunData;
	/** Items of that node's first run on the given output; throws if the node never ran. */
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/**
	 * The execution's error when it failed. As in n8n's execution data this is a plain copy
	 * of the node's error (name, message, description, node, context...), so check fields,
	 * not instanceof. An error thrown before the run started (WorkflowHasIssuesError) is
	 * the instance itself.
	 */
	error?: ExecutionBaseError;
	/** Static data as n8n would have stored it after this run (unchanged in manual mode). */
	staticData: IDataObject;
	/** Static data as the nodes left it in memory, whatever the mode. */
	staticDataAfterRun: IDataObject;
	/** Execution hints the node added (all its runs). */
	hints(nodeName: string): NodeExecutionHint[];
	status: ExecutionStatus;
	/** Node names in the order their runs finished. */
	executionOrder: string[];
	/** What nodes and the engine logged during this run. */
	logs: LogEntry[];
	/** The whole IRun WorkflowExecute returned (undefined if it refused to start). */
	run?: IRun;
	/** The deduplication helpers' store this run used (RunOptions.processedData or its own). */
	processedData: ProcessedDataStore;
	/** Date.now() when `cancelWhen` cancelled the run; undefined if it did not. */
	cancelledAt?: number;
	/** Date.now() when the run's promise settled (the engine waits for the running node). */
	settledAt: number;
}

let executionCounter = 0;

function plainData(data: IDataObject): IDataObject {
	return JSON.parse(
		JSON.stringify(data, (key, value: unknown) => (key === '__dataChanged' ? undefined : value)),
	) as IDataObject;
}

function pickStartNode(workflow: Workflow, name?: string): INode | undefined {
	if (name) {
		const node = workflow.getNode(name);
		if (!node) throw new Error(`Start node "${name}" is not in the workflow`);
		return node;
	}
	const chosen = workflow.getStartNode();
	if (chosen) return chosen;
	const nodes = Object.values(workflow.nodes).filter((node) => !node.disabled);
	const roots = nodes.filter((node) => !workflow.connectionsByDestinationNode[node.name]?.main);
	return roots.find((node) => node.type === FIXTURE_INPUT_TYPE) ?? roots[0];
}

export async function runWorkflow(opts: RunOptions): Promise<RunResult> {
	const { logger } = setupEnvironment();
	const mode = opts.mode ?? 'manual';
	const logStart = logger.entries.length;

	const nodeTypes = new HarnessNodeTypes();
	for (const [name, type] of Object.entries({ ...BUILT_IN_NODE_TYPES, ...opts.nodeTypes })) {
		nodeTypes.register(name, type);
	}

	const initialStaticData = plainData(opts.workflow.staticData ?? {});
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness workflow',
		nodes: structuredClone(opts.workflow.nodes),
		connections: structuredClone(opts.workflow.connections),
		active: mode !== 'manual',
		nodeTypes,
		staticData: structuredClone(initialStaticData),
		settings: { executionOrder: 'v1', ...opts.workflow.settings },
	});

	const credentialsHelper = new HarnessCredentialsHelper(
		opts.credentialTypes ?? [],
		structuredClone(opts.credentials ?? {}),
	);
	credentialsHelper.workflow = workflow;

	const executionId = String(++executionCounter);
	const record: HookRecord = { executionOrder: [] };
	const hooks = createHooks(mode, executionId, workflow, record);
	const additionalData = createAdditionalData(workflow, executionId, credentialsHelper, hooks);

	const processedData = opts.processedData ?? new ProcessedDataStore();
	await useProcessedData(processedData);

	const startNode = pickStartNode(workflow, opts.startNode);
	let run: IRun | undefined;
	let startError: ExecutionBaseError | undefined;
	let cancelledAt: number | undefined;
	try {
		const running = new WorkflowExecute(additionalData, mode).run({ workflow, startNode });
		void opts.cancelWhen?.then(() => {
			cancelledAt = Date.now();
			running.cancel();
		});
		run = await running;
	} catch (error) {
		// WorkflowExecute throws before it starts, e.g. WorkflowHasIssuesError.
		startError = error as ExecutionBaseError;
	}
	const settledAt = Date.now();

	const result = buildResult(workflow, mode, initialStaticData, record, run, startError, logStart);
	return { ...result, processedData, cancelledAt, settledAt };
}

function buildResult(
	workflow: Workflow,
	mode: WorkflowExecuteMode,
	initialStaticData: IDataObject,
	record: HookRecord,
	run: IRun | undefined,
	startError: ExecutionBaseError | undefined,
	logStart: number,
): Omit<RunResult, 'processedData' | 'cancelledAt' | 'settledAt'> {
	const { logger } = setupEnvironment();
	const resultData = run?.data.resultData;
	const runData: IRunData = resultData?.runData ?? {};
	const error = startError ?? resultData?.error;

	const staticDataAfterRun = plainData(workflow.staticData);
	const persisted = mode !== 'manual' && record.newStaticData !== undefined;

	return {
		runData,
		outputOf(nodeName, outputIndex = 0) {
			const task = runData[nodeName]?.[0];
			if (!task) {
				throw new Error(
					`Node "${nodeName}" did not run. Nodes that ran: ${Object.keys(runData).join(', ') || 'none'}`,
				);
			}
			return task.data?.main?.[outputIndex] ?? [];
		},
		error,
		staticData: persisted ? staticDataAfterRun : initialStaticData,
		staticDataAfterRun,
		hints: (nodeName) => (runData[nodeName] ?? []).flatMap((task) => task.hints ?? []),
		status: run?.status ?? 'error',
		executionOrder: record.executionOrder,
		logs: logger.entries.slice(logStart),
		run,
	};
}
