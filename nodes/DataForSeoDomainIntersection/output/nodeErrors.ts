import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ApiFailure, hintFor } from '../api/apiErrors';
import { InputError } from '../request/inputError';

/** Turns the node's own error types into n8n errors that point at the failing item. */
export type NodeFailure = NodeApiError | NodeOperationError;

export function toNodeError(fn: IExecuteFunctions, error: unknown, itemIndex: number): NodeFailure {
	const node = fn.getNode();
	if (error instanceof InputError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: error.hint ?? 'Nothing was sent to DataForSEO, so nothing was charged.',
		});
	}
	if (error instanceof ApiFailure) {
		const code = error.code || error.httpCode || 0;
		return new NodeApiError(
			node,
			{ status_code: error.code, status_message: error.apiMessage } as JsonObject,
			{
				message: error.message,
				description: hintFor(code),
				httpCode: error.httpCode ? String(error.httpCode) : undefined,
				itemIndex,
			},
		);
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error), {
		itemIndex,
	});
}

/** n8n's shape for a failed item: `error` set routes it to the error output when there is one. */
export function errorItem(error: NodeFailure, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
