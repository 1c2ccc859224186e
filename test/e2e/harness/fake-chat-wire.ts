/**
 * The two OpenAI wire formats the fake chat model speaks: the Responses API (`POST /responses`,
 * what n8n's OpenAI Chat Model node v1.3 sends by default) and Chat Completions
 * (`POST /chat/completions`, with "Use Responses API" off). Only the fields LangChain's OpenAI
 * client reads are filled in. Streaming answers are Server-Sent Events, as OpenAI sends them.
 */

export type ChatApi = 'responses' | 'chat';

/** What the model does on one turn. */
export type ModelTurn =
	| { readonly kind: 'toolCall'; readonly name: string; readonly arguments: string }
	| { readonly kind: 'text'; readonly text: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Text of a message's content: a string, or parts with `text` (input_text, output_text, text). */
function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	return list(content)
		.map((part) => (typeof part.text === 'string' ? part.text : ''))
		.join('');
}

/** The conversation's messages: Responses API `input` items or Chat Completions `messages`. */
function entries(api: ChatApi, body: Json): Json[] {
	if (api === 'chat') return list(body.messages);
	return typeof body.input === 'string'
		? [{ role: 'user', content: body.input }]
		: list(body.input);
}

export function userText(api: ChatApi, body: Json): string {
	return entries(api, body)
		.filter((entry) => entry.role === 'user')
		.map((entry) => contentText(entry.content))
		.join('\n');
}

/** The tool results the model has been given so far, oldest first, as the model sees them. */
export function toolOutputs(api: ChatApi, body: Json): string[] {
	return entries(api, body)
		.filter((entry) =>
			api === 'chat' ? entry.role === 'tool' : entry.type === 'function_call_output',
		)
		.map((entry) =>
			api === 'chat'
				? contentText(entry.content)
				: typeof entry.output === 'string'
					? entry.output
					: contentText(entry.output),
		);
}

export interface OfferedTool {
	readonly name: string;
	readonly description: string;
	readonly parameters: unknown;
}

/** The function tools of a request, in both formats' shapes. */
export function offeredTools(api: ChatApi, body: Json): OfferedTool[] {
	return list(body.tools)
		.filter((tool) => tool.type === 'function')
		.map((tool) => (api === 'chat' && isObject(tool.function) ? tool.function : tool))
		.map((tool) => ({
			name: String(tool.name),
			description: typeof tool.description === 'string' ? tool.description : '',
			parameters: tool.parameters,
		}));
}

const USAGE = { input_tokens: 10, output_tokens: 10, total_tokens: 20 };

function responseItem(turn: ModelTurn, n: number): Json {
	if (turn.kind === 'toolCall')
		return {
			type: 'function_call',
			id: `fc_${n}`,
			call_id: `call_${n}`,
			name: turn.name,
			arguments: turn.arguments,
			status: 'completed',
		};
	return {
		type: 'message',
		id: `msg_${n}`,
		role: 'assistant',
		status: 'completed',
		content: [{ type: 'output_text', text: turn.text, annotations: [] }],
	};
}

function responseObject(turn: ModelTurn, model: string, n: number, done: boolean): Json {
	return {
		id: `resp_${n}`,
		object: 'response',
		created_at: 1_700_000_000 + n,
		status: done ? 'completed' : 'in_progress',
		model,
		output: done ? [responseItem(turn, n)] : [],
		incomplete_details: null,
		error: null,
		usage: done ? USAGE : null,
	};
}

function chatMessage(turn: ModelTurn, n: number): Json {
	if (turn.kind === 'text') return { role: 'assistant', content: turn.text };
	const call = { name: turn.name, arguments: turn.arguments };
	return {
		role: 'assistant',
		content: null,
		tool_calls: [{ id: `call_${n}`, type: 'function', function: call }],
	};
}

const finishReason = (turn: ModelTurn): string => (turn.kind === 'text' ? 'stop' : 'tool_calls');

/** The whole answer of a non-streaming call. */
export function answerBody(api: ChatApi, turn: ModelTurn, model: string, n: number): Json {
	if (api === 'responses') return responseObject(turn, model, n, true);
	return {
		id: `chatcmpl_${n}`,
		object: 'chat.completion',
		created: 1_700_000_000 + n,
		model,
		choices: [{ index: 0, message: chatMessage(turn, n), finish_reason: finishReason(turn) }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

function responsesEvents(turn: ModelTurn, model: string, n: number): Json[] {
	const item = responseItem(turn, n);
	const started = { ...item, status: 'in_progress' };
	const at = { output_index: 0, item_id: item.id };
	const middle: Json[] =
		turn.kind === 'toolCall'
			? [
					{
						type: 'response.output_item.added',
						output_index: 0,
						item: { ...started, arguments: '' },
					},
					{ type: 'response.function_call_arguments.delta', ...at, delta: turn.arguments },
					{ type: 'response.function_call_arguments.done', ...at, arguments: turn.arguments },
				]
			: [
					{
						type: 'response.output_item.added',
						output_index: 0,
						item: { ...started, content: [] },
					},
					{ type: 'response.output_text.delta', ...at, content_index: 0, delta: turn.text },
					{ type: 'response.output_text.done', ...at, content_index: 0, text: turn.text },
				];
	return [
		{ type: 'response.created', response: responseObject(turn, model, n, false) },
		...middle,
		{ type: 'response.output_item.done', output_index: 0, item },
		{ type: 'response.completed', response: responseObject(turn, model, n, true) },
	].map((event, sequence_number) => ({ ...event, sequence_number }));
}

function chatChunks(turn: ModelTurn, model: string, n: number): Json[] {
	const chunk = (delta: Json, finish: string | null): Json => ({
		id: `chatcmpl_${n}`,
		object: 'chat.completion.chunk',
		created: 1_700_000_000 + n,
		model,
		choices: [{ index: 0, delta, finish_reason: finish }],
	});
	const message = chatMessage(turn, n);
	const calls = list(message.tool_calls).map((call, index) => ({ index, ...call }));
	const first =
		turn.kind === 'text'
			? { role: 'assistant', content: turn.text }
			: { role: 'assistant', content: null, tool_calls: calls };
	return [chunk(first, null), chunk({}, finishReason(turn))];
}

/** The Server-Sent Events of a streaming call, ready to write. */
export function streamText(api: ChatApi, turn: ModelTurn, model: string, n: number): string {
	if (api === 'chat')
		return `${chatChunks(turn, model, n)
			.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
			.join('')}data: [DONE]\n\n`;
	return responsesEvents(turn, model, n)
		.map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`)
		.join('');
}
