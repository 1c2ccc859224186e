import { createServer, type ServerResponse } from 'node:http';

export interface RunningGate {
	/** Base URL; GET `${url}/hold/<name>` waits until release(name). */
	readonly url: string;
	/** Resolves once a request for `name` has arrived (it is then being held). */
	arrived(name: string, timeoutMs?: number): Promise<void>;
	/** Answers the held request(s) for `name` with 200 and lets later ones through at once. */
	release(name: string): void;
	/** Names whose request arrived, in arrival order. */
	arrivals(): string[];
	stop(): Promise<void>;
}

/**
 * A local HTTP server that holds each request until the test releases it: an HTTP Request node
 * calling it keeps its execution (and, in queue mode, the worker running it) busy for exactly as
 * long as the test wants, without timing guesses.
 */
export async function startGate(): Promise<RunningGate> {
	const held = new Map<string, ServerResponse[]>();
	const released = new Set<string>();
	const arrivals: string[] = [];
	const waiters: Array<() => void> = [];
	const answer = (res: ServerResponse, name: string): void => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ released: name }));
	};
	const server = createServer((req, res) => {
		const match = /^\/hold\/([\w-]+)$/.exec(req.url ?? '');
		if (!match) {
			res.writeHead(404).end();
			return;
		}
		const name = match[1];
		arrivals.push(name);
		for (const wake of waiters.splice(0)) wake();
		if (released.has(name)) return answer(res, name);
		held.set(name, [...(held.get(name) ?? []), res]);
	});
	const release = (name: string): void => {
		released.add(name);
		for (const res of held.get(name) ?? []) answer(res, name);
		held.delete(name);
	};
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		arrived: async (name, timeoutMs = 5 * 60_000) => {
			const deadline = Date.now() + timeoutMs;
			while (!arrivals.includes(name)) {
				if (Date.now() > deadline) throw new Error(`gate: no request for ${name} arrived`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 1000);
				});
			}
		},
		release,
		arrivals: () => [...arrivals],
		stop: async () => {
			for (const name of [...held.keys()]) release(name);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
