import type { INode } from 'n8n-workflow';

import { FIELDS, label, type FieldName } from '../fields';
import { MODEL_HINTS } from '../fields/tool';
import type { InputError } from '../request/inputError';

/** n8n names the AI Agent tool variant of a node "<type>Tool". */
export function isToolRun(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/** The argument name a model filled a parameter through: the key of its `$fromAI(...)`. */
export function fromAiKey(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	return /\$fromAI\s*\(\s*['"`]([A-Za-z0-9_-]{1,64})['"`]/.exec(value)?.[1];
}

function fieldOf(error: InputError): FieldName | undefined {
	return (Object.keys(FIELDS) as FieldName[]).find((name) => label(name) === error.field);
}

/**
 * The message an AI model gets back as the tool's result when its arguments are refused: the
 * problem under the argument's own name, what to send instead, and that nothing was charged.
 * Parameters the workflow fixes (no `$fromAI`) keep their UI label: the model can't change them.
 */
export function toolInputMessage(node: INode, error: InputError): string {
	const name = fieldOf(error);
	const key = name ? fromAiKey(node.parameters[name]) : undefined;
	const problem = error.message.slice(error.field.length + 2);
	const hint = name && name in MODEL_HINTS ? MODEL_HINTS[name as keyof typeof MODEL_HINTS] : '';
	if (!key) return `${error.message} Nothing was charged.`;
	const next = hint ? ` Send ${key} as ${hint}.` : '';
	return `Argument ${key}: ${problem}${next} Nothing was sent, nothing was charged.`;
}
