/**
 * One memory measurement in a fresh process (run with --expose-gc): a collected heap to start
 * from, then process.memoryUsage() every 5 ms while the node runs. Samples are taken when the
 * event loop is free, so a peak inside one long synchronous step can be missed. The same run
 * records the longest time the event loop was blocked (monitorEventLoopDelay).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { INodeParameters } from 'n8n-workflow';

import { digestOf, type MemoryReport } from './memory';
import { timeNode } from './nodeRun';

const mb = (bytes: number) => bytes / 2 ** 20;

async function main(): Promise<void> {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('start with node --expose-gc');
	const { url, parameters, version } = JSON.parse(process.env.BENCH_MEMORY_CASE ?? '{}') as {
		url: string;
		parameters: INodeParameters;
		version?: number;
	};
	gc();
	const base = process.memoryUsage();
	let peakHeap = base.heapUsed;
	let peakRss = base.rss;
	const sample = () => {
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed);
		peakRss = Math.max(peakRss, now.rss);
	};
	const timer = setInterval(sample, 5);
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	const run = await timeNode(url, parameters, { version });
	delay.disable();
	sample();
	clearInterval(timer);
	// What stays once transient garbage is gone: mostly the output items, which run still holds.
	gc();
	const heldHeap = process.memoryUsage().heapUsed;
	const report: MemoryReport = {
		rows: run.items.length,
		heldHeapMb: mb(heldHeap),
		digest: digestOf(run.items.map((item) => item.json.referring_domain)),
		ms: run.ms,
		cpuMs: run.cpuMs,
		baseHeapMb: mb(base.heapUsed),
		baseRssMb: mb(base.rss),
		peakHeapMb: mb(peakHeap),
		peakRssMb: mb(peakRss),
		longestBlockMs: delay.max / 1e6,
		error: run.error,
	};
	process.stdout.write(`RESULT ${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`memory child: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
