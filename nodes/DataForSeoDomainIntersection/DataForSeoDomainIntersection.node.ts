import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resolveBaseUrl } from './api/baseUrl';
import { Turns } from './api/turns';
import { CREDENTIAL_TYPE, n8nSender } from './api/sender';
import { properties } from './description';
import { LATEST_VERSION, NODE_VERSIONS } from './fields';
import { loadOptions } from './filterFields/loadOptions';
import { errorItem, toNodeError, type NodeFailure } from './output/nodeErrors';
import { costSourceOf, reportRun } from './output/runHint';
import {
	MANUAL_RUN_NOTE,
	openSeenStore,
	requireDedupHelpers,
	targetSetKey,
} from './output/seenStore';
import { readRequest } from './request/readParameters';
import type { IntersectionRequest } from './request/task';
import { Execution } from './run/execution';
import { runItems } from './run/items';
import { finishNewRows, finishRows } from './run/prospectStages';
import { settleOnlyNew, type Waiting } from './run/remember';
import { runSeries } from './run/series';
import { sharedSettingsWarning } from './run/sharedSettings';

export class DataForSeoDomainIntersection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DataForSEO Domain Intersection',
		name: 'dataForSeoDomainIntersection',
		icon: { light: 'file:dataForSeo.svg', dark: 'file:dataForSeo.dark.svg' },
		group: ['transform'],
		// 2: columns named and grouped by competitor, the Columns choice, a lower Max Results.
		// Nodes saved as 1 keep 0.1.0's columns and defaults.
		version: NODE_VERSIONS,
		defaultVersion: LATEST_VERSION,
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
				const request = readRequest(this, itemIndex);
				if (request.onlyNew) requireDedupHelpers(this, itemIndex);
				return request;
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
		// n8n's cancel signal (Stop); older n8n versions may not have it.
		const signal = this.getExecutionCancelSignal?.();
		// One set of turns for the answers' parsing and the rows' building.
		const turns = new Turns();
		const execution = new Execution(
			n8nSender(this, baseUrl, first.settings.timeout, signal, turns),
			first.settings,
			signal,
			turns,
		);
		const valid = requests.filter((r): r is IntersectionRequest => !(r instanceof Error));
		for (const request of valid) request.notes.forEach((note) => execution.stats.notes.add(note));
		const differing = sharedSettingsWarning(valid.map((request) => request.settings));
		if (differing) execution.stats.warnings.add(differing);

		// n8n's deduplication store is only touched once every item's first pages are in.
		const store = openSeenStore(this, valid);
		if (!store && valid.some((request) => request.onlyNew))
			execution.stats.warnings.add(MANUAL_RUN_NOTE);
		const waiting: Waiting[] = [];
		const outputs = await runItems(this, execution, requests, async (request, itemIndex) => {
			const setKey =
				store && request.onlyNew
					? targetSetKey(request.targets, request.excludeTargets)
					: undefined;
			const result = await runSeries(execution, request, itemIndex, setKey);
			if (result.onlyNew && setKey) waiting.push({ itemIndex, setKey, series: result.onlyNew });
			else await finishRows(execution, request, result.items);
			return result.items;
		});
		// Only New's items are finished, and remembered, once every item's first pages are in.
		if (store) {
			const finishing = finishNewRows(this, execution, store, requests);
			const settled = await settleOnlyNew(this, execution, store, waiting, finishing);
			for (const [itemIndex, items] of settled) outputs[itemIndex] = items;
		}
		const items = outputs.flat();
		reportRun(this, execution, {
			items,
			requests: valid,
			inputItems: inputs.length,
			source: costSourceOf(credentials),
			manual: this.getMode() === 'manual',
		});
		return [items];
	}
}
