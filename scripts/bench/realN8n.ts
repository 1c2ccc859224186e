/**
 * Section 7: the Return All of section 1 at Concurrency 10 in a real n8n 2.41.1, set up as the
 * e2e harness does (the packed package installed into a fresh user folder, the simulator's
 * credential imported). Each run is either an `n8n execute` of its own (a cold process) or a call
 * of a warm `n8n start`'s webhook (production's shape). The node's time is read from the
 * execution data n8n keeps (the task's executionTime), so n8n's own share of the work (the
 * engine, deepCopy of the output, its process' other duties) is in it, startup is not.
 */
import {
	importCredentials,
	importWorkflows,
	executeWorkflow,
} from '../../test/e2e/harness/n8n-cli';
import { isN8nInstalled } from '../../test/e2e/harness/install';
import { packOnce } from '../../test/e2e/harness/pack-once';
import { prepareN8n } from '../../test/e2e/harness/profile';
import { nodeOutput } from '../../test/e2e/harness/run-data';
import { getVersionSpec } from '../../test/e2e/harness/versions';
import { domainIntersection, simulatorCredentials } from '../../test/e2e/fixtures/dataforseo';
import { manualTrigger } from '../../test/e2e/fixtures/base-nodes';
import { buildWorkflow } from '../../test/e2e/fixtures/workflow-builder';
import { intersect, SIM_PASSWORD, type LinkGraph } from '../../test/simulator';
import { median, pagedBound } from './model';
import { ms, ratio, met, table } from './report';
import { DOCS_TOTAL, docsParameters, sentTask } from './returnAll';
import { benchWebhook, runsInServer, type RecordRun } from './realN8nServer';
import { RUNS, LATENCY_MS, step } from './runners';
import type { TimingRow } from './sections';
import type { SimProcess } from './simProcess';

export const REAL_VERSION = '2.41.1';
export const REAL_GOAL = 1.4;
const CONCURRENCY = 10;
const NODE_NAME = 'Domain Intersection';

interface Variant {
	label: string;
	version: 1 | 2;
	/** `cli`: one cold `n8n execute` per run; `server`: one warm `n8n start` for all runs. */
	host: 'cli' | 'server';
}

const VARIANTS: readonly Variant[] = [
	{ label: 'version 1 columns (as section 1), cold `n8n execute`', version: 1, host: 'cli' },
	{ label: 'version 2, Key Metrics (default), cold `n8n execute`', version: 2, host: 'cli' },
	{ label: 'version 2, Key Metrics (default), warm `n8n start`', version: 2, host: 'server' },
];

export interface RealN8nRow extends Variant {
	/** The node's executionTime of each counted run, in ms. */
	runs: number[];
	rows: number;
}

export interface RealN8nResult {
	rows: RealN8nRow[];
	bound: number;
	/** Why the section did not run, e.g. n8n not installed. */
	skipped?: string;
	problems: string[];
}

const workflowOf = ({ version, host }: Variant) =>
	buildWorkflow(`benchReal${version}${host}`, [
		host === 'server' ? benchWebhook() : manualTrigger(),
		domainIntersection(NODE_NAME, docsParameters(CONCURRENCY), { typeVersion: version }),
	]);

export async function realN8nRun(sim: SimProcess, graph: LinkGraph): Promise<RealN8nResult> {
	const bound = pagedBound(Math.ceil(DOCS_TOTAL / 1000), CONCURRENCY, LATENCY_MS);
	const spec = getVersionSpec(REAL_VERSION);
	if (!isN8nInstalled(spec))
		return {
			rows: [],
			bound,
			problems: [],
			skipped: `n8n ${REAL_VERSION} is not installed (npm run n8n:install)`,
		};
	step(`Real n8n ${REAL_VERSION}: building and installing the package`);
	const n8n = await prepareN8n(spec, { packed: await packOnce() });
	const problems: string[] = [];
	const rows: RealN8nRow[] = [];
	try {
		await importCredentials(n8n, simulatorCredentials(sim.url), [SIM_PASSWORD]);
		await importWorkflows(n8n, VARIANTS.map(workflowOf));
		const cliRuns = async (variant: Variant, record: RecordRun) => {
			for (let run = 0; run <= RUNS; run++) {
				step(`Real n8n, ${variant.label}, ${run === 0 ? 'warm-up' : `run ${run}`}`);
				await sim.reset();
				const result = await executeWorkflow(n8n, workflowOf(variant).id, [SIM_PASSWORD]);
				if (!result.ok || !result.run)
					throw new Error(`execution failed: ${result.logs.slice(-500)}`);
				await record(result.run, run > 0);
			}
		};
		const serverRuns = (variant: Variant, record: RecordRun) =>
			runsInServer(n8n, sim, workflowOf(variant).id, RUNS, record);
		let expected: string[] | undefined;
		for (const variant of VARIANTS) {
			const times: number[] = [];
			let count = 0;
			// Checks a run's rows and keeps its node time; the first run warms the disk cache and
			// n8n's compile cache (and, for the server, its JIT) and is not counted.
			const record: RecordRun = async (run, counted) => {
				const task = run.data.resultData.runData[NODE_NAME]?.[0] as
					| { executionTime?: number }
					| undefined;
				const domains = nodeOutput(run, NODE_NAME).map((item) =>
					String(item.json.referring_domain),
				);
				expected ??= intersect(graph, await sentTask(sim)).map((row) => row.referringDomain);
				if (domains.join('\n') !== expected.join('\n'))
					problems.push(
						`${variant.label}: ${domains.length} rows, not the ${expected.length} expected in order`,
					);
				count = domains.length;
				if (counted) times.push(task?.executionTime ?? NaN);
			};
			try {
				if (variant.host === 'server') await serverRuns(variant, record);
				else await cliRuns(variant, record);
			} catch (error) {
				problems.push(`${variant.label}: ${(error as Error).message.slice(-500)}`);
			}
			rows.push({ ...variant, runs: times, rows: count });
		}
	} finally {
		n8n.dispose();
	}
	return { rows, bound, problems };
}

/** BENCHMARKS.md section 7; `core` is section 1's rows, for the same case through n8n-core. */
export function realN8nSection(result: RealN8nResult, core?: readonly TimingRow[]): string {
	const intro = `## 7. Return All in a real n8n ${REAL_VERSION}, Concurrency ${CONCURRENCY}

The docs example (${DOCS_TOTAL.toLocaleString('en-US')} rows, ${Math.ceil(DOCS_TOTAL / 1000)} pages at ${LATENCY_MS} ms) in n8n ${REAL_VERSION} set up as the e2e harness sets it up: the packed package installed into a fresh user folder, the simulator's credential imported. Two hosts: **cold \`n8n execute\`**, a CLI process of its own per run; **warm \`n8n start\`**, the process schedules and webhooks run in: the workflow active and started by its production webhook (which answers with the first item only), every run in the same process, each saved execution read back through n8n's REST API as the editor opens it. **node time** is the node's \`executionTime\` in the execution data n8n saved: what the run cost inside n8n, startup excluded. Goal: within ${ratio(REAL_GOAL)} of the bound (${ms(result.bound)}). Per case one uncounted warm-up, then ${RUNS} runs.`;
	if (result.skipped) return `${intro}\n\nNot run: ${result.skipped}.\n`;
	const c10 = core?.find((row) => row.label === '10');
	const rows = result.rows.map((row) => {
		const time = median(row.runs);
		return [
			row.label,
			String(row.runs.length),
			row.runs.map((run) => ms(run)).join(' / '),
			ms(time),
			ms(result.bound),
			ratio(time / result.bound),
			met(time / result.bound <= REAL_GOAL),
			row.version === 1 && c10 ? `${ms(c10.ms)} (${ratio(c10.ms / c10.bound)})` : '–',
		];
	});
	const headers = [
		'case',
		'runs',
		'node time per run',
		'median',
		'bound',
		'median / bound',
		`within ${ratio(REAL_GOAL)}`,
		'same case through n8n-core (section 1)',
	];
	return `${intro}\n\n${table(headers, rows)}\n`;
}
