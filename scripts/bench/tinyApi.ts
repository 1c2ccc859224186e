/**
 * A stand-in API whose pages hold one item each: the same latency, total_count and paging as
 * the simulator, but almost no bytes to parse, check or flatten. A run against it times the
 * node's scheduling alone (throttle, page window, engine, HTTP), which is the floor that the
 * node's per-row work is then measured against.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TinyApi {
	url: string;
	/** Requests and most open at once since the last reset. */
	stats(): { requests: number; peakInFlight: number };
	reset(): void;
	close(): Promise<void>;
}

function page(task: Record<string, unknown>, total: number): unknown {
	const targets = (task.targets ?? {}) as Record<string, string>;
	// One referring domain per page and query, so the node's de-duplication keeps every one.
	const domain = `r${Number(task.offset ?? 0)}.${Object.values(targets).join('.')}`;
	const entries = Object.fromEntries(Object.keys(targets).map((key) => [key, { target: domain }]));
	const item = { domain_intersection: entries, summary: { intersections_count: 2 } };
	const result = { total_count: total, items_count: 1, items: [item] };
	const task0 = { status_code: 20000, status_message: 'Ok.', cost: 0, result: [result] };
	return { status_code: 20000, status_message: 'Ok.', cost: 0, tasks: [task0] };
}

export async function startTinyApi(latencyMs: number, total: number): Promise<TinyApi> {
	let requests = 0;
	let inFlight = 0;
	let peakInFlight = 0;
	const server: Server = createServer((req, res) => {
		requests++;
		peakInFlight = Math.max(peakInFlight, ++inFlight);
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString()));
		req.on('end', () => {
			const task = (JSON.parse(text) as Record<string, unknown>[])[0];
			setTimeout(() => {
				inFlight--;
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(page(task, total)));
			}, latencyMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stats: () => ({ requests, peakInFlight }),
		reset: () => {
			requests = 0;
			peakInFlight = inFlight;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
