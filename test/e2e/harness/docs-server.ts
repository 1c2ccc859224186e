import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { PROJECT_ROOT } from './paths';

export const DOCS_RESPONSE_PATH = join(PROJECT_ROOT, 'test', 'fixtures', 'example_response.json');

export interface DocsServer {
	readonly url: string;
	/** Request bodies received, parsed, in arrival order. */
	readonly bodies: unknown[];
	stop(): Promise<void>;
}

/**
 * Answers every POST with DataForSEO's own example response from its docs, so a real n8n can be
 * checked against the documented answer byte for byte. Listens on 127.0.0.1 only.
 */
export async function startDocsServer(): Promise<DocsServer> {
	const answer = readFileSync(DOCS_RESPONSE_PATH);
	const bodies: unknown[] = [];
	const server = createServer((request, response) => {
		let text = '';
		request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		request.on('end', () => {
			bodies.push(text ? JSON.parse(text) : null);
			response.setHeader('content-type', 'application/json');
			response.end(answer);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		bodies,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
