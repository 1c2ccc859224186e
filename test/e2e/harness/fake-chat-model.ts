import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	answerBody,
	offeredTools,
	streamText,
	toolOutputs,
	userText,
	type ChatApi,
	type ModelTurn,
	type OfferedTool,
} from './fake-chat-wire';

/** The API key of the test's openAiApi credential; requests without it are answered 401. */
export const FAKE_OPENAI_KEY = 'sk-e2e-fake-chat-model-5b2d';
export const FAKE_MODEL_ID = 'gpt-5-mini';

/**
 * One scripted conversation, recognised by a marker in the user's message. Turn 1 (no tool
 * result yet): call `tool` with `arguments`. Turn 2 (the tool answered): reply with text made
 * from the tool's answer, as a model quoting its tool would.
 */
export interface ChatScript {
	readonly marker: string;
	readonly tool: string;
	readonly arguments: Record<string, unknown>;
	readonly reply: (toolOutput: string) => string;
}

/** One request as the fake received it (the API key is checked, never kept). */
export interface ModelRequest {
	readonly api: ChatApi;
	readonly path: string;
	readonly body: Record<string, unknown>;
	readonly stream: boolean;
	readonly authorized: boolean;
	/** The user's text, the tools offered and the tool results so far, read from the body. */
	readonly userText: string;
	readonly tools: OfferedTool[];
	readonly toolOutputs: string[];
}

export interface FakeChatModel {
	/** Base URL for the openAiApi credential's "Base URL" field (ends in /v1). */
	readonly url: string;
	/** Every /v1 request in arrival order, models list included (body {} for a GET). */
	readonly requests: ModelRequest[];
	/** The chat requests (Responses API or Chat Completions) whose user text holds `marker`. */
	conversation(marker: string): ModelRequest[];
	stop(): Promise<void>;
}

const API_PATHS: Record<string, ChatApi> = {
	'/v1/responses': 'responses',
	'/v1/chat/completions': 'chat',
};

function send(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}

/** OpenAI's error shape; 4xx so the OpenAI client does not retry and the test fails fast. */
function refuse(response: ServerResponse, status: number, message: string): void {
	send(response, status, { error: { message, type: 'invalid_request_error', code: null } });
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		request.on('end', () => resolve(text));
		request.on('error', reject);
	});
}

function nextTurn(scripts: readonly ChatScript[], seen: ModelRequest): ModelTurn | string {
	const script = scripts.find((candidate) => seen.userText.includes(candidate.marker));
	if (!script) return `no script matches the user message ${JSON.stringify(seen.userText)}`;
	if (!seen.tools.some((tool) => tool.name === script.tool))
		return `tool ${script.tool} was not offered (offered: ${seen.tools.map((t) => t.name).join(', ')})`;
	const answers = seen.toolOutputs;
	if (answers.length === 0)
		return { kind: 'toolCall', name: script.tool, arguments: JSON.stringify(script.arguments) };
	return { kind: 'text', text: script.reply(answers[answers.length - 1]) };
}

/**
 * An OpenAI-compatible chat model on 127.0.0.1 for n8n's OpenAI Chat Model node: the Responses
 * API and Chat Completions (plain or streaming, as the request asks), and GET /v1/models for the
 * credential test and the model list. Answers follow the scripts; every request is recorded.
 */
export async function startFakeChatModel(scripts: readonly ChatScript[]): Promise<FakeChatModel> {
	const requests: ModelRequest[] = [];
	let turns = 0;

	const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const path = (request.url ?? '').split('?')[0];
		const text = await readBody(request);
		const authorized = request.headers.authorization === `Bearer ${FAKE_OPENAI_KEY}`;
		const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
		const api = API_PATHS[path];
		const seen: ModelRequest = {
			api: api ?? 'chat',
			path,
			body,
			stream: body.stream === true,
			authorized,
			userText: api ? userText(api, body) : '',
			tools: api ? offeredTools(api, body) : [],
			toolOutputs: api ? toolOutputs(api, body) : [],
		};
		requests.push(seen);
		if (!authorized) return refuse(response, 401, 'Incorrect API key provided.');
		if (request.method === 'GET' && path === '/v1/models')
			return send(response, 200, {
				object: 'list',
				data: [{ id: FAKE_MODEL_ID, object: 'model', created: 1_700_000_000, owned_by: 'e2e' }],
			});
		if (request.method !== 'POST' || !api) return refuse(response, 404, `no route ${path}`);

		const turn = nextTurn(scripts, seen);
		if (typeof turn === 'string') return refuse(response, 400, turn);
		const model = typeof body.model === 'string' ? body.model : FAKE_MODEL_ID;
		const n = ++turns;
		if (!seen.stream) return send(response, 200, answerBody(api, turn, model, n));
		response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		response.end(streamText(api, turn, model, n));
	};

	const server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) =>
			refuse(response, 400, `fake chat model: ${(error as Error).message}`),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		conversation: (marker) =>
			requests.filter((entry) => entry.path !== '/v1/models' && entry.userText.includes(marker)),
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
