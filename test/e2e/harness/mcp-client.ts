import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
	StreamableHTTPClientTransport,
	StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { until } from './until';

/** What a tool call gave the client: the text a model reads, and whether it is an error. */
export interface McpToolAnswer {
	readonly isError: boolean;
	readonly text: string;
}

export interface McpTool {
	readonly name: string;
	readonly description?: string;
	readonly inputSchema: { properties?: Record<string, unknown>; required?: string[] };
}

export interface McpSession {
	listTools(): Promise<McpTool[]>;
	callTool(name: string, args: Record<string, unknown>): Promise<McpToolAnswer>;
	close(): Promise<void>;
}

/**
 * The official MCP TypeScript SDK's client over streamable HTTP, as Claude Desktop, Cursor or
 * an IDE agent connect: `token` goes in `Authorization: Bearer …`, nothing when undefined.
 */
export async function connectMcp(url: string, token?: string): Promise<McpSession> {
	const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
	const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
	const client = new Client({ name: 'e2e-mcp-client', version: '1.0.0' });
	await client.connect(transport);
	return {
		listTools: async () => (await client.listTools()).tools as McpTool[],
		callTool: async (name, args) => {
			const result = await client.callTool({ name, arguments: args });
			const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
			return {
				isError: result.isError === true,
				text: content.map((part) => part.text ?? '').join(''),
			};
		},
		close: () => client.close(),
	};
}

/** The HTTP status an MCP connect failed with (403 for a missing or wrong token), or the error. */
export async function connectRefusal(url: string, token?: string): Promise<number | string> {
	try {
		const session = await connectMcp(url, token);
		await session.close();
		return 'connected';
	} catch (error) {
		return error instanceof StreamableHTTPError ? (error.code ?? -1) : String(error);
	}
}

/**
 * Connects once n8n has registered the MCP Server Trigger's production URL: right after
 * readiness it still answers 404 for a moment. If it never does, n8n's output says why (e.g.
 * the workflow could not be activated).
 */
export async function connectWhenLive(
	url: string,
	token: string,
	n8n?: { recentOutput(): string },
): Promise<McpSession> {
	try {
		return await until(
			`the MCP server at ${url}`,
			async () => {
				try {
					return await connectMcp(url, token);
				} catch (error) {
					if (error instanceof StreamableHTTPError && error.code === 404) return undefined;
					throw error;
				}
			},
			{ deadlineMs: 60_000, everyMs: 250 },
		);
	} catch (error) {
		const output = n8n?.recentOutput().slice(-4000) ?? '';
		throw new Error(`${(error as Error).message}\n${output}`);
	}
}
