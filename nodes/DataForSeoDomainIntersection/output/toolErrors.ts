import type { INode } from 'n8n-workflow';

import type { ApiFailure } from '../api/apiErrors';
import { FIELDS, label, type FieldName } from '../fields';
import { MODEL_HINTS } from '../fields/tool';
import type { InputError } from '../request/inputError';

/**
 * On the tool path (AI Agent, MCP Server Trigger) a model reads the error instead of a person,
 * and it can only change the arguments it was given. n8n 2.x appends "Details: <description>"
 * to a tool's message, so these messages go out without a description: one text, said once.
 */

/** n8n names the AI Agent tool variant of a node "<type>Tool". */
export function isToolRun(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/** The argument name a model filled a parameter through: the key of its `$fromAI(...)`. */
export function fromAiKey(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	return /\$fromAI\s*\(\s*['"`]([A-Za-z0-9_-]{1,64})['"`]/.exec(value)?.[1];
}

/** The argument a model sends for a field, when the workflow left that field to the model. */
function argumentOf(node: INode, name: FieldName): string | undefined {
	const { place } = FIELDS[name] as { place: string };
	if (place === 'top') return fromAiKey(node.parameters[name]);
	// Options and Advanced are collections: the field is a key inside them.
	const collection = node.parameters[place] as Record<string, unknown> | undefined;
	return fromAiKey(collection?.[name]);
}

function fieldOf(error: InputError): FieldName | undefined {
	return (Object.keys(FIELDS) as FieldName[]).find((name) => label(name) === error.field);
}

/**
 * The problem without the advice written for a person ("Split them over several items…"):
 * up to the first full stop followed by a capital letter, outside quoted values.
 */
export function firstSentence(text: string): string {
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (char === '"' && text[index - 1] !== '\\') quoted = !quoted;
		if (!quoted && char === '.' && /^ [A-Z]/.test(text.slice(index + 1, index + 3)))
			return text.slice(0, index + 1);
	}
	return text;
}

const NOTHING_CHARGED = 'Nothing was sent, nothing was charged.';

/**
 * Refused arguments: what was wrong, under the argument's own name, what to send instead, and
 * that nothing was charged. A setting the workflow fixed (no `$fromAI`) is no argument: the
 * model is told to pass it on to the user.
 */
export function toolInputMessage(node: INode, error: InputError): string {
	const name = fieldOf(error);
	const key = name ? argumentOf(node, name) : undefined;
	const problem = firstSentence(error.message.slice(error.field.length + 2));
	if (!key)
		return `The tool's setting ${error.field} is wrong (${problem.replace(/\.$/, '')}); it is set in the workflow, not by an argument. Tell the user to correct it in n8n. ${NOTHING_CHARGED}`;
	const hint = name && name in MODEL_HINTS ? MODEL_HINTS[name as keyof typeof MODEL_HINTS] : '';
	const next = hint ? `Send ${key} as ${hint}.` : `Send ${key} again with a corrected value.`;
	return `Argument ${key}: ${problem} ${next} ${NOTHING_CHARGED}`;
}

const TELL_USER = 'No argument can fix this: tell the user, and do not call the tool again.';

/** What DataForSEO said, for the model: its code and words, or that no answer came. */
function answered(failure: ApiFailure): string {
	if (failure.kind === 'timeout') return 'DataForSEO did not answer in time.';
	const code = failure.code || failure.httpCode || 0;
	if (failure.kind === 'network' || code === 0) return 'No answer came from DataForSEO.';
	const words = failure.apiMessage.trim().replace(/\.$/, '');
	return `DataForSEO answered ${code}${words ? ` "${words}"` : ''}.`;
}

/** What the model can do about an API failure; only names arguments the model has. */
function modelAdvice(node: INode, failure: ApiFailure): string {
	const limit = argumentOf(node, 'limit');
	const code = failure.code || failure.httpCode || 0;
	if (failure.kind === 'timeout')
		return `${limit ? `Call again with a lower ${limit} or` : 'Call again with'} fewer competitors, or tell the user. DataForSEO may have charged for the request.`;
	if (failure.kind === 'network' || code === 0)
		return 'Try once more; if it fails again, tell the user that n8n could not reach DataForSEO.';
	if (code === 40100 || code === 401)
		return `The DataForSEO login saved in n8n was refused. ${TELL_USER}`;
	if (code === 40200 || code === 402)
		return `The user's DataForSEO account has no money left. ${TELL_USER}`;
	if (code === 40202 || code === 429)
		return 'The DataForSEO account is at its rate limit (other workflows count too). Wait a minute before calling again, or tell the user.';
	if (code === 40203)
		return `The call would pass the spending limit set in the user's DataForSEO account. ${limit ? `Call again with a lower ${limit}, or tell the user.` : TELL_USER}`;
	if (code === 40400 || code === 404)
		return `The DataForSEO address in the n8n credential is wrong. ${TELL_USER}`;
	if (code >= 40500 && code < 40600)
		return 'Check the arguments against the tool description and call again with corrected ones; if they look right, tell the user.';
	if ((code >= 50000 && code < 60000) || (code >= 500 && code < 600))
		return 'The problem is on DataForSEO’s side and usually passes: try once more in a few minutes, or tell the user.';
	return 'Tell the user.';
}

/** An API failure on the tool path: what DataForSEO said, then what to do, in one message. */
export function toolApiMessage(node: INode, failure: ApiFailure): string {
	return `${answered(failure)} ${modelAdvice(node, failure)}`;
}
