/** Scenario 4: peak heap and RSS of Return All, each case in a fresh child process. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { intersect, type LinkGraph } from '../../test/simulator';
import { fnv1a } from '../../test/simulator/hash';
import { hostPopularity } from '../../test/simulator/targets';
import { median } from './model';
import { parseCost, type ParseCost } from './parseCost';
import { sentTask } from './returnAll';
import { ROOT, type SimProcess } from './simProcess';

export interface MemoryReport {
	rows: number;
	/** sha1 of the referring domains in output order, checked against the reference. */
	digest: string;
	ms: number;
	cpuMs: number;
	baseHeapMb: number;
	baseRssMb: number;
	peakHeapMb: number;
	peakRssMb: number;
	/** Heap after the run and a forced GC, with the output items still referenced. */
	heldHeapMb: number;
	/** The longest the event loop was blocked during the run (monitorEventLoopDelay). */
	longestBlockMs: number;
	error?: string;
}

export interface MemoryCase {
	label: string;
	targets: number;
	parameters: INodeParameters;
	/** The node's typeVersion; 1 (0.1.0's columns) unless set. */
	version?: number;
}

export const digestOf = (domains: readonly unknown[]): string =>
	createHash('sha1').update(domains.join('\n')).digest('hex');

/** The 20 most popular of many made-up names: the simulator's largest 20-target intersection. */
function twentyNames(): string[] {
	return Array.from({ length: 5000 }, (_, i) => `competitor${i + 1}.com`)
		.map((name) => ({ name, popularity: hostPopularity(fnv1a(name)) }))
		.sort((a, b) => b.popularity - a.popularity)
		.slice(0, 20)
		.map(({ name }) => name);
}

export type TwentyColumns = 'key' | 'all' | 'legacy';

const COLUMN_LABELS: Record<TwentyColumns, string> = {
	key: 'Key Metrics (default)',
	all: 'All Metrics',
	legacy: 'version 1 columns (all metrics)',
};

/**
 * DataForSEO's maximum of 20 targets. The simulator links each domain to a target with the
 * target's "popularity", so the 20 most popular of many made-up names give the largest
 * intersection; Backlinks Status "all" keeps lost links in, which lifts it to about 34,000 rows.
 */
export function twentyTargets(concurrency: number, columns: TwentyColumns = 'legacy'): MemoryCase {
	return {
		label: `20 targets, status all, ${COLUMN_LABELS[columns]}`,
		targets: 20,
		version: columns === 'legacy' ? 1 : 2,
		parameters: {
			targets: twentyNames().join(', '),
			excludeTargets: '',
			returnAll: true,
			maxResults: 0,
			...(columns === 'legacy' ? {} : { columns }),
			options: {
				includeSubdomains: false,
				excludeInternalBacklinks: true,
				backlinksStatusType: 'all',
				concurrency,
			},
		},
	};
}

function runChild(url: string, memoryCase: MemoryCase): Promise<MemoryReport> {
	const file = join(ROOT, 'scripts', 'bench', 'memoryChild.ts');
	const { parameters, version } = memoryCase;
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
		cwd: ROOT,
		env: { ...process.env, BENCH_MEMORY_CASE: JSON.stringify({ url, parameters, version }) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => {
			const line = /^RESULT (.*)$/m.exec(output)?.[1];
			if (code === 0 && line) resolve(JSON.parse(line) as MemoryReport);
			else reject(new Error(`memory child exited with ${code}`));
		});
	});
}

/** Counted runs of each case: one run's GC timing moves its peak heap and longest block. */
export const MEMORY_RUNS = 3;

const MEASURES = [
	'heldHeapMb',
	'ms',
	'cpuMs',
	'baseHeapMb',
	'baseRssMb',
	'peakHeapMb',
	'peakRssMb',
	'longestBlockMs',
] as const;

/** Each figure's median over the runs; the rows and their digest must be the same in all. */
function medianReport(runs: readonly MemoryReport[]): MemoryReport {
	const report: MemoryReport = { ...runs[0] };
	for (const measure of MEASURES) report[measure] = median(runs.map((run) => run[measure]));
	report.error = runs.find((run) => run.error)?.error;
	return report;
}

/**
 * Runs one case MEMORY_RUNS times; `problems` is empty when every run gave every row once, in
 * the API's order. `warm` runs it once uncounted first, so the simulator answers the counted
 * runs from pages it already rendered, as DataForSEO's own machines would, instead of taking the
 * node's cores to render them.
 */
export async function memoryRun(
	sim: SimProcess,
	graph: LinkGraph,
	memoryCase: MemoryCase,
	{ measureParse = true, warm = false } = {},
) {
	if (warm) {
		await sim.reset();
		await runChild(sim.url, memoryCase);
	}
	const runs: MemoryReport[] = [];
	const simCpu: number[] = [];
	for (let run = 0; run < MEMORY_RUNS; run++) {
		await sim.reset();
		const simBefore = sim.cpuMs();
		runs.push(await runChild(sim.url, memoryCase));
		const simAfter = sim.cpuMs();
		if (simBefore !== undefined && simAfter !== undefined) simCpu.push(simAfter - simBefore);
	}
	const report = medianReport(runs);
	const problems = report.error ? [`run failed: ${report.error}`] : [];
	let parse: ParseCost | undefined;
	if (!report.error) {
		const task = await sentTask(sim);
		const expected = intersect(graph, task).map((row) => row.referringDomain);
		for (const run of runs)
			if (run.rows !== expected.length || run.digest !== digestOf(expected))
				problems.push(`${run.rows} rows, not the ${expected.length} expected in order`);
		if (measureParse) parse = await parseCost(sim, task, expected.length);
	}
	const simCpuMs = simCpu.length > 0 ? median(simCpu) : undefined;
	return { report, runs, problems, parse, simCpuMs };
}
