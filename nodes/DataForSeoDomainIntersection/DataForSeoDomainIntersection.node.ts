import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { properties } from './description';
import { Execution } from './execution';
import { loadOptions } from './loadOptions';
import { toNodeError, type NodeFailure } from './nodeErrors';
import { buildRequest, type IntersectionRequest } from './request';
import { SeenStores } from './seenStore';
import { runSeries } from './series';
import { reportRun } from './summary';
import { CREDENTIAL_TYPE, n8nSender } from './transport';

function readRequest(fn: IExecuteFunctions, itemIndex: number): IntersectionRequest {
	const returnAll = fn.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return buildRequest({
		targets: fn.getNodeParameter('targets', itemIndex, ''),
		excludeTargets: fn.getNodeParameter('excludeTargets', itemIndex, ''),
		returnAll,
		limit: returnAll ? 1 : fn.getNodeParameter('limit', itemIndex, 50),
		maxResults: returnAll ? fn.getNodeParameter('maxResults', itemIndex, 10000) : 0,
		outputFormat: fn.getNodeParameter('outputFormat', itemIndex, 'flat'),
		options: fn.getNodeParameter('options', itemIndex, {}) as IDataObject,
		builders: {
			filterBuilder: fn.getNodeParameter('filterBuilder', itemIndex, {}),
			filterCombine: fn.getNodeParameter('filterCombine', itemIndex, 'and'),
			sortBuilder: fn.getNodeParameter('sortBuilder', itemIndex, {}),
		},
	});
}

export class DataForSeoDomainIntersection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DataForSEO Domain Intersection',
		name: 'dataForSeoDomainIntersection',
		icon: { light: 'file:dataForSeo.svg', dark: 'file:dataForSeo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"Link gap: " + [].concat($parameter["targets"]).join(", ")}}',
		description:
			'Find the sites that link to all of your competitors (and not to you) with DataForSEO Backlinks Domain Intersection',
		defaults: { name: 'DataForSEO Domain Intersection' },
		documentationUrl:
			'https://github.com/n8n-nodes-dataforseo/n8n-nodes-dataforseo-domain-intersection#readme',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const inputs = this.getInputData();

		// Every item is validated before anything is sent, so bad input costs nothing.
		const requests = inputs.map((_, itemIndex) => {
			try {
				return readRequest(this, itemIndex);
			} catch (error) {
				const nodeError = toNodeError(this, error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				return nodeError;
			}
		});
		const first = requests.find(
			(request): request is IntersectionRequest => !(request instanceof Error),
		);
		if (!first) return [requests.map((error, item) => errorItem(error as NodeFailure, item))];

		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		let baseUrl: string;
		try {
			baseUrl = resolveBaseUrl(credentials);
		} catch (error) {
			throw toNodeError(this, error, 0);
		}
		const execution = new Execution(
			n8nSender(this, baseUrl, first.settings.timeout),
			first.settings,
		);

		// Static data is only touched when an item asks for "only new".
		const seen = new SeenStores(() => this.getWorkflowStaticData('node'));
		const outputs = await Promise.all(
			requests.map(async (request, itemIndex) => {
				if (request instanceof Error) return [errorItem(request, itemIndex)];
				try {
					const store = request.onlyNew ? seen.for(request) : undefined;
					const result = await runSeries(execution, request, itemIndex, store);
					store?.remember(result.emittedDomains);
					return result.items;
				} catch (error) {
					const nodeError = toNodeError(this, error, itemIndex);
					if (!this.continueOnFail()) {
						execution.throttle.stop();
						throw nodeError;
					}
					return [errorItem(nodeError, itemIndex)];
				}
			}),
		);
		seen.save();
		reportRun(this, execution);
		return [outputs.flat()];
	}
}

/** n8n's shape for a failed item: `error` set routes it to the error output when there is one. */
function errorItem(error: NodeFailure, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
