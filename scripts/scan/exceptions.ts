import type { Finding } from './analyze';
import { parameterAt, type RenderedNode } from './rendered';

/** A rule of n8n's that a parameter breaks on purpose, and why. */
export interface Deliberate {
	readonly rule: string;
	readonly parameter: string;
	readonly why: string;
}

/**
 * What the scanner's rules flag on the rendered description and is kept on purpose. Each one is
 * matched once: a second finding of the same rule on the same parameter fails the scan, and so
 * does an entry nothing matches any more.
 */
export const DELIBERATE: readonly Deliberate[] = [
	{
		rule: 'n8n-nodes-base/node-param-description-miscased-json',
		parameter: 'targets',
		why: 'the help shows the expression {{ $json.competitors }}: n8n spells $json in lower case, the fix would break the example',
	},
	{
		rule: 'n8n-nodes-base/node-param-default-wrong-for-limit',
		parameter: 'limit',
		why: "the AI tool's Limit (shown only in the tool) is 20, not 50: what a model asks for per call, and keeps the answer under 4,000 characters; the node's own Limit is 50",
	},
	{
		rule: 'n8n-nodes-base/node-param-description-wrong-for-limit',
		parameter: 'limit',
		why: "the AI tool's Limit tells the user how the compact answer caps it; the node's own Limit has n8n's standard text",
	},
	{
		rule: 'n8n-nodes-base/node-param-collection-type-unsorted-items',
		parameter: 'options',
		why: 'Options are listed in the order a link-gap user needs them, not A to Z (n8n shows them as listed); the editor test checks that order',
	},
	{
		rule: 'n8n-nodes-base/node-param-collection-type-unsorted-items',
		parameter: 'options',
		why: 'the same Options as saved by versions 1 and 2 of the node, where the Advanced settings follow the link-gap choices in the same order',
	},
	{
		rule: 'n8n-nodes-base/node-param-collection-type-unsorted-items',
		parameter: 'advanced',
		why: 'Advanced is grouped by what each setting controls (paging, request, JSON, retries, pace), not A to Z; the editor test checks that order',
	},
];

export interface Judged {
	/** Findings no deliberate exception covers, each with the parameter it is about. */
	readonly unexpected: ReadonlyArray<Finding & { readonly parameter: string }>;
	/** Exceptions that matched nothing: the rule is now met, so the entry must go. */
	readonly stale: readonly Deliberate[];
}

export function judge(rendered: RenderedNode, findings: readonly Finding[]): Judged {
	const open = [...DELIBERATE];
	const unexpected: Array<Finding & { parameter: string }> = [];
	for (const finding of findings) {
		const parameter = finding.file === rendered.file ? parameterAt(rendered, finding.line) : '';
		const index = open.findIndex(
			(entry) => entry.rule === finding.rule && entry.parameter === parameter,
		);
		if (index >= 0) open.splice(index, 1);
		else unexpected.push({ ...finding, parameter });
	}
	return { unexpected, stale: open };
}
