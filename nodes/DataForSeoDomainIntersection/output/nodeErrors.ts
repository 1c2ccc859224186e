import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ApiFailure, describeFailure } from '../api/apiErrors';
import { StoppedError } from '../api/stop';
import { InputError } from '../request/inputError';
import { isToolRun, toolApiMessage, toolInputMessage } from './toolErrors';

/** Turns the node's own error types into n8n errors that point at the failing item. */
export type NodeFailure = NodeApiError | NodeOperationError;

export function toNodeError(fn: IExecuteFunctions, error: unknown, itemIndex: number): NodeFailure {
	const node = fn.getNode();
	// A model reads a tool's error: one message for it (see toolErrors), no description.
	const tool = isToolRun(node);
	if (error instanceof InputError) {
		if (tool) return new NodeOperationError(node, toolInputMessage(node, error), { itemIndex });
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: error.hint ?? 'Nothing was sent to DataForSEO, so nothing was charged.',
		});
	}
	if (error instanceof ApiFailure) {
		const message = tool ? toolApiMessage(node, error) : error.message;
		return new NodeApiError(
			node,
			{ status_code: error.code, status_message: error.apiMessage } as JsonObject,
			{
				message,
				// n8n drops a description equal to the message (it would look up one otherwise).
				description: tool ? message : describeFailure(error),
				httpCode: error.httpCode ? String(error.httpCode) : undefined,
				itemIndex,
			},
		);
	}
	if (error instanceof StoppedError) return stoppedError(fn, itemIndex);
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error), {
		itemIndex,
	});
}

/**
 * The node's end after Stop. Its message says "canceled", which n8n reads as a canceled (not a
 * failed) execution.
 */
export function stoppedError(fn: IExecuteFunctions, itemIndex = 0): NodeOperationError {
	return new NodeOperationError(fn.getNode(), new StoppedError().message, {
		itemIndex,
		description:
			'Stop aborted the requests that were running and nothing more was sent. DataForSEO may still charge for requests it had already started to answer.',
	});
}

/** n8n's shape for a failed item: `error` set routes it to the error output when there is one. */
export function errorItem(error: NodeFailure, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
