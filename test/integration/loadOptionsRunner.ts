import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { DataForSeoBasicAuthApi } from '../../credentials/DataForSeoBasicAuthApi.credentials';
import { DataForSeoDomainIntersection } from '../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import { SIM_LOGIN, SIM_PASSWORD } from '../simulator';
import { createAdditionalData, createHooks } from './harness/additional-data';
import { setupEnvironment } from './harness/container';
import { HarnessCredentialsHelper } from './harness/credentials-helper';
import { HarnessNodeTypes } from './harness/node-types';
import { node } from './harness';
import { NODE_NAME, NODE_TYPE } from './nodeRunner';

export interface LoadOptionsRun {
	/** Simulator URL; undefined = the node has no credential selected yet. */
	baseUrl?: string;
	/** The node's parameters as the editor holds them while the dropdown opens. */
	parameters: INodeParameters;
	/** The parameter whose list is loaded, as the editor sends it, e.g. parameters.filterBuilder.conditions[0].operator. */
	path: string;
}

type Method = keyof DataForSeoDomainIntersection['methods']['loadOptions'];

/**
 * Calls one of the node's loadOptions methods the way n8n's backend does for an open editor:
 * a LoadOptionsContext over the node, the stored credential and the current parameters.
 */
export async function loadNodeOptions(
	method: Method,
	run: LoadOptionsRun,
): Promise<INodePropertyOptions[]> {
	setupEnvironment();
	const nodeType = new DataForSeoDomainIntersection();
	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(NODE_TYPE, nodeType);
	const credentials = run.baseUrl
		? { dataForSeoBasicAuthApi: { id: 'sim', name: 'Simulator' } }
		: undefined;
	const workflow = new Workflow({
		id: 'load-options',
		nodes: [node(NODE_NAME, NODE_TYPE, run.parameters, credentials ? { credentials } : {})],
		connections: {},
		active: false,
		nodeTypes,
	});
	const credentialsHelper = new HarnessCredentialsHelper([new DataForSeoBasicAuthApi()], {
		sim: {
			type: 'dataForSeoBasicAuthApi',
			data: {
				login: SIM_LOGIN,
				password: SIM_PASSWORD,
				environment: 'custom',
				baseUrl: run.baseUrl,
			},
		},
	});
	credentialsHelper.workflow = workflow;
	const hooks = createHooks('internal', 'load-options', workflow, { executionOrder: [] });
	const additionalData = createAdditionalData(workflow, 'load-options', credentialsHelper, hooks);
	additionalData.currentNodeParameters = run.parameters;
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode(NODE_NAME)!,
		additionalData,
		run.path,
	);
	return await nodeType.methods.loadOptions[method].call(context as ILoadOptionsFunctions);
}
