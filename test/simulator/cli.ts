// Standalone simulator process for the demo and e2e harness:
//   npx tsx test/simulator/cli.ts [--port N] [--seed N] [--latency MS] [--refusal-latency MS] [--max-in-flight N] [--graph-size N] [--page-cache-mb N]
// Prints "SIMULATOR_URL=http://127.0.0.1:PORT" once listening; closes cleanly on SIGTERM/SIGINT.
import { startSimulator } from './server';
import type { SimulatorOptions } from './types';

const FLAGS: Readonly<Record<string, keyof SimulatorOptions>> = {
	'--port': 'port',
	'--seed': 'seed',
	'--latency': 'latencyMs',
	'--refusal-latency': 'refusalLatencyMs',
	'--max-in-flight': 'maxInFlight',
	'--graph-size': 'graphSize',
	'--page-cache-mb': 'pageCacheMb',
};

function parseArgs(argv: string[]): SimulatorOptions {
	const opts: Record<string, number> = {};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const key = FLAGS[flag];
		if (key === undefined) throw new Error(`unknown argument ${argv[i]}`);
		const text = inline ?? argv[++i];
		const value = Number(text);
		if (text === undefined || !Number.isFinite(value) || value < 0)
			throw new Error(`${flag} needs a number >= 0`);
		opts[key] = value;
	}
	return opts as SimulatorOptions;
}

async function main(): Promise<void> {
	const sim = await startSimulator(parseArgs(process.argv.slice(2)));
	process.stdout.write(`SIMULATOR_URL=${sim.url}\n`);
	let closing = false;
	const stop = (): void => {
		if (closing) return;
		closing = true;
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(2);
});
