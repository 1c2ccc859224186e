// Small HTTP helpers shared by the API and the control endpoints.
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Parsed JSON; the raw text if it was not JSON; null when empty. */
export function bodyForLog(text: string): unknown {
	if (text === '') return null;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export function credentials(header: string | undefined): [string, string] | null {
	const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
	if (match === null) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function writeJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
	parts: readonly Buffer[] = [Buffer.from(JSON.stringify(body))],
): void {
	if (res.destroyed || res.writableEnded) return;
	res.writeHead(status, {
		...JSON_HEADERS,
		'content-length': String(parts.reduce((sum, part) => sum + part.length, 0)),
		...headers,
	});
	// Corked so the parts leave together (end() uncorks), without being copied into one buffer.
	res.cork();
	for (const part of parts) res.write(part);
	res.end();
}
