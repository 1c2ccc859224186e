/** Reading what the model and the chat user got in the AI Agent scenarios. */

/** One line per measured answer in the test log: the size the model received. */
export const report = (what: string, answer: string): void => {
	process.stdout.write(`[agent] ${what}: the model received ${answer.length} characters\n`);
};

export function schemaProperties(schema: unknown): Record<string, unknown> {
	return (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
}

/** The compact answer as the model got it: `[{"answer": "header\nline\n…"}]`, split up. */
export function compactLines(toolAnswer: string): {
	header: string;
	domains: string[];
	cellsPerLine: Set<number>;
} {
	const items = JSON.parse(toolAnswer) as Array<{ answer?: string }>;
	if (items.length !== 1 || typeof items[0].answer !== 'string')
		throw new Error(`not one compact answer: ${toolAnswer.slice(0, 300)}`);
	const [header, ...lines] = items[0].answer.split('\n');
	const cells = lines.map((line) => line.split(' | '));
	return {
		header,
		domains: cells.map((line) => line[0]),
		cellsPerLine: new Set(cells.map((line) => line.length)),
	};
}

/**
 * The agent's reply in a chat webhook answer: `{"output": …}` (Response Mode "When Last Node
 * Finishes"), or with streaming one JSON object per line, the reply in its `item` chunks.
 */
export function chatOutput(text: string): string {
	try {
		const { output } = JSON.parse(text) as { output?: unknown };
		if (typeof output === 'string') return output;
	} catch {
		// Streaming: not one JSON document.
	}
	return text
		.split('\n')
		.filter((line) => line.trim().startsWith('{'))
		.map((line) => JSON.parse(line) as { type?: string; content?: unknown })
		.filter((chunk) => chunk.type === 'item' && typeof chunk.content === 'string')
		.map((chunk) => chunk.content as string)
		.join('');
}
