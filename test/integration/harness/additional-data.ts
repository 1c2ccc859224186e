import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import { UnexpectedError } from 'n8n-workflow';
import type {
	IDataObject,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentials-helper';

const BASE_URL = 'http://127.0.0.1:5678';

export interface HookRecord {
	/** Node names in the order their runs finished (nodeExecuteAfter). */
	executionOrder: string[];
	/** What workflowExecuteAfter was given as new static data (only when it changed). */
	newStaticData?: IDataObject;
	run?: IRun;
}

function workflowData(workflow: Workflow): IWorkflowBase {
	const now = new Date();
	return {
		id: workflow.id,
		name: workflow.name ?? 'Harness workflow',
		active: workflow.active,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
		staticData: workflow.staticData,
	};
}

/** Lifecycle hooks that only record, as the CLI's would feed the UI and the database. */
export function createHooks(
	mode: WorkflowExecuteMode,
	executionId: string,
	workflow: Workflow,
	record: HookRecord,
): ExecutionLifecycleHooks {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData(workflow));
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		record.executionOrder.push(nodeName);
	});
	hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
		record.run = run;
		record.newStaticData = newStaticData;
	});
	return hooks;
}

function unsupported(what: string) {
	return async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not supported by the integration harness`);
	};
}

/** The per-execution services WorkflowExecute and the node contexts reach for. */
export function createAdditionalData(
	workflow: Workflow,
	executionId: string,
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId: workflow.id,
		workflowSettings: workflow.settings,
		currentNodeExecutionIndex: 0,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: unsupported('Executing a sub-workflow'),
		startRunnerTask: unsupported('The Code node task runner'),
	};
}
