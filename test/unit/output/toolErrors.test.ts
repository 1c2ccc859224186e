import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { ApiFailure } from '../../../nodes/DataForSeoDomainIntersection/api/apiErrors';
import { label } from '../../../nodes/DataForSeoDomainIntersection/fields';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import { toNodeError } from '../../../nodes/DataForSeoDomainIntersection/output/nodeErrors';
import { firstSentence } from '../../../nodes/DataForSeoDomainIntersection/output/toolErrors';
import { nodeParameters } from '../nodeParameters';

const TYPE = 'n8n-nodes-dataforseo-domain-intersection.dataForSeoDomainIntersection';
/** What the editor writes for "let the model define this parameter". */
const fromAi = (key: string, type = 'string') =>
	`={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, '${type}') }}`;

const node = (parameters: Record<string, unknown>, type = `${TYPE}Tool`): INode => ({
	id: '1',
	name: 'DataForSEO Domain Intersection',
	type,
	typeVersion: 2,
	position: [0, 0],
	parameters: parameters as INode['parameters'],
});
const context = (of: INode) => ({ getNode: () => of }) as unknown as IExecuteFunctions;

/**
 * What n8n 2.41.1 makes of a tool's error before a model reads it (n8n-core's
 * makeHandleToolInvocation): wrapped in a NodeOperationError, "Details: <description>" added.
 */
function asTheModelReadsIt(error: Error): string {
	const { message, description } = new NodeOperationError(node({}), error);
	return description && !message.includes(description)
		? `${message}\n\nDetails: ${description}`
		: message;
}

function refusal(overrides: Parameters<typeof nodeParameters>[0]): InputError {
	try {
		buildRequest(nodeParameters({ limit: 20, outputFormat: 'compact', ...overrides }));
	} catch (error) {
		if (error instanceof InputError) return error;
	}
	throw new Error('expected an InputError');
}

const TOOL_ARGS = {
	targets: fromAi('Competitors'),
	excludeTargets: fromAi('Your_Domains__Exclude_'),
	limit: fromAi('Limit', 'number'),
};
const TWENTY_ONE = Array.from({ length: 21 }, (_, i) => `c${i}.com`).join(', ');

describe('the error a model reads on the tool path', () => {
	it('a refused argument: one message, under its argument name, what to send instead', () => {
		const error = toNodeError(context(node(TOOL_ARGS)), refusal({ targets: TWENTY_ONE }), 0);
		expect(asTheModelReadsIt(error)).toBe(
			'Argument Competitors: 21 entries given, but DataForSEO accepts at most 20. Send Competitors as 1 to 20 competitor domains separated by commas, e.g. "moz.com, ahrefs.com" (a page as a full URL, e.g. "https://moz.com/blog/"). Nothing was sent, nothing was charged.',
		);
		expect(error.description).toBeFalsy();
		expect(error.context.itemIndex).toBe(0);
	});

	it('never names a parameter the model cannot send, nor says "charged" twice', () => {
		const cases = [
			refusal({ targets: TWENTY_ONE }),
			refusal({ targets: 'not a domain!!' }),
			refusal({ excludeTargets: 'moz.com' }),
			refusal({ targets: 'https://moz.com/blog/', limit: 0 }),
		];
		for (const input of cases) {
			const text = asTheModelReadsIt(toNodeError(context(node(TOOL_ARGS)), input, 0));
			expect(text).not.toMatch(/Details:|Parameter name|targets|excludeTargets|items or runs/);
			expect(text.match(/charged/g)).toHaveLength(1);
		}
	});

	it('a setting the workflow fixed: the model is told to pass it on, not to change it', () => {
		const fixed = node({ ...TOOL_ARGS, targets: 'notadomain' });
		const error = toNodeError(context(fixed), refusal({ targets: 'notadomain' }), 0);
		expect(asTheModelReadsIt(error)).toBe(
			`The tool's setting Competitors is wrong (entry 1 "notadomain" is not a domain); it is set in the workflow, not by an argument. Tell the user to correct it in n8n. Nothing was sent, nothing was charged.`,
		);
	});

	it('an option left to the model is named by its argument', () => {
		const advanced = { offset: fromAi('Offset', 'number') };
		const error = toNodeError(
			context(node({ ...TOOL_ARGS, advanced })),
			new InputError(label('offset'), 'must be at least 0; got -1.'),
			0,
		);
		expect(asTheModelReadsIt(error)).toBe(
			'Argument Offset: must be at least 0; got -1. Send Offset again with a corrected value. Nothing was sent, nothing was charged.',
		);
	});

	it('an API refusal says what DataForSEO said and what to do, not "fix it in the node"', () => {
		const failure = new ApiFailure(40501, "Invalid Field: 'targets'.", 200, false);
		const error = toNodeError(context(node(TOOL_ARGS)), failure, 0);
		expect(asTheModelReadsIt(error)).toBe(
			`DataForSEO answered 40501 "Invalid Field: 'targets'". Check the arguments against the tool description and call again with corrected ones; if they look right, tell the user.`,
		);
		expect(error.description).toBeFalsy();
	});

	it('a spending limit names Limit only when the model sends it', () => {
		const failure = () => new ApiFailure(40203, 'Spending limit reached.', 200, false);
		const withLimit = toNodeError(context(node(TOOL_ARGS)), failure(), 0).message;
		const fixedLimit = toNodeError(context(node({ ...TOOL_ARGS, limit: 20 })), failure(), 0);
		expect(withLimit).toContain('Call again with a lower Limit, or tell the user.');
		expect(fixedLimit.message).toContain(
			'No argument can fix this: tell the user, and do not call the tool again.',
		);
		expect(fixedLimit.message).not.toContain('Limit,');
	});

	it('no money left, a timeout, no answer: each one message for a model', () => {
		const read = (failure: ApiFailure) =>
			asTheModelReadsIt(toNodeError(context(node(TOOL_ARGS)), failure, 0));
		expect(read(new ApiFailure(40200, 'Payment Required.', 402, false))).toBe(
			`DataForSEO answered 40200 "Payment Required". The user's DataForSEO account has no money left. No argument can fix this: tell the user, and do not call the tool again.`,
		);
		expect(
			read(new ApiFailure(0, 'Timed out after 120000 ms', undefined, true, { kind: 'timeout' })),
		).toBe(
			'DataForSEO did not answer in time. Call again with a lower Limit or fewer competitors, or tell the user. DataForSEO may have charged for the request.',
		);
		expect(
			read(new ApiFailure(0, 'connect ECONNREFUSED', undefined, true, { kind: 'network' })),
		).toBe(
			'No answer came from DataForSEO. Try once more; if it fails again, tell the user that n8n could not reach DataForSEO.',
		);
	});

	it('the plain node keeps the hints written for a person', () => {
		const plain = node({ targets: TWENTY_ONE }, TYPE);
		const input = toNodeError(context(plain), refusal({ targets: TWENTY_ONE }), 0);
		expect(input.message).toBe(refusal({ targets: TWENTY_ONE }).message);
		expect(input.description).toBeTruthy();
		const api = toNodeError(context(plain), new ApiFailure(40501, 'Invalid Field.', 200, false), 0);
		expect(api.message).toBe('DataForSEO 40501: Invalid Field.');
		expect(api.description).toContain('fix it in the node');
	});
});

describe('firstSentence', () => {
	it('stops at the first full stop before a capital, outside quotes', () => {
		expect(firstSentence('entry 1 "a. B" is not a domain. Write a domain.')).toBe(
			'entry 1 "a. B" is not a domain.',
		);
		expect(firstSentence('is not one; write e.g. "x". Next')).toBe('is not one; write e.g. "x".');
		expect(firstSentence('one sentence only')).toBe('one sentence only');
	});
});
