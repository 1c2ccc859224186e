/** Scenario 4: peak heap and RSS of Return All, each case in a fresh child process. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { intersect, type LinkGraph } from '../../test/simulator';
import { fnv1a } from '../../test/simulator/hash';
import { hostPopularity } from '../../test/simulator/targets';
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
	error?: string;
}

export interface MemoryCase {
	label: string;
	targets: number;
	parameters: INodeParameters;
}

export const digestOf = (domains: readonly unknown[]): string =>
	createHash('sha1').update(domains.join('\n')).digest('hex');

/**
 * DataForSEO's maximum of 20 targets. The simulator links each domain to a target with the
 * target's "popularity", so the 20 most popular of many made-up names give the largest
 * intersection; Backlinks Status "all" keeps lost links in, which lifts it to about 34,000 rows.
 */
export function twentyTargets(concurrency: number): MemoryCase {
	const names = Array.from({ length: 5000 }, (_, i) => `competitor${i + 1}.com`)
		.map((name) => ({ name, popularity: hostPopularity(fnv1a(name)) }))
		.sort((a, b) => b.popularity - a.popularity)
		.slice(0, 20)
		.map(({ name }) => name);
	return {
		label: '20 targets, status all',
		targets: 20,
		parameters: {
			targets: names.join(', '),
			excludeTargets: '',
			returnAll: true,
			maxResults: 0,
			options: {
				includeSubdomains: false,
				excludeInternalBacklinks: true,
				backlinksStatusType: 'all',
				concurrency,
			},
		},
	};
}

function runChild(url: string, parameters: INodeParameters): Promise<MemoryReport> {
	const file = join(ROOT, 'scripts', 'bench', 'memoryChild.ts');
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
		cwd: ROOT,
		env: { ...process.env, BENCH_MEMORY_CASE: JSON.stringify({ url, parameters }) },
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

/** Runs one case; `problems` is empty when every row came once, in the API's order. */
export async function memoryRun(sim: SimProcess, graph: LinkGraph, memoryCase: MemoryCase) {
	await sim.reset();
	const report = await runChild(sim.url, memoryCase.parameters);
	const problems = report.error ? [`run failed: ${report.error}`] : [];
	if (!report.error) {
		const expected = intersect(graph, await sentTask(sim)).map((row) => row.referringDomain);
		if (report.rows !== expected.length || report.digest !== digestOf(expected))
			problems.push(`${report.rows} rows, not the ${expected.length} expected in order`);
	}
	return { report, problems };
}
