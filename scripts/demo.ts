/**
 * npm run demo: builds and packs the node, installs it into a throwaway n8n 2.41.1 user folder
 * (installing n8n into the cache on first use), runs DataForSEO's link-gap example against the
 * local API simulator and prints the top intersecting domains. Everything runs on 127.0.0.1.
 */
import { executeOk, importCredentials, importWorkflows } from '../test/e2e/harness/n8n-cli';
import { packOnce } from '../test/e2e/harness/pack-once';
import { exitOnSignals } from '../test/e2e/harness/proc';
import { prepareN8n, type PreparedN8n } from '../test/e2e/harness/profile';
import { nodeJson } from '../test/e2e/harness/run-data';
import { SIM_PASSWORD, startSimulator, type RunningSimulator } from '../test/e2e/harness/simulator';
import { getVersionSpec } from '../test/e2e/harness/versions';
import { simulatorCredentials } from '../test/e2e/fixtures/dataforseo';
import { DFS, linkGapWorkflow } from '../test/e2e/fixtures/node-workflows';
import { linkGapTable, summaryLine } from './lib/link-gap-report';

const DEMO_VERSION = '2.41.1';

function step(message: string): void {
	console.log(`» ${message}`);
}

async function main(): Promise<void> {
	exitOnSignals();
	const started = Date.now();
	let n8n: PreparedN8n | undefined;
	let sim: RunningSimulator | undefined;
	try {
		step('Building and packing the node (npm run build, npm pack)');
		const packed = await packOnce();
		step(
			`Preparing n8n ${DEMO_VERSION} with ${packed.name}@${packed.version} installed as a community package`,
		);
		n8n = await prepareN8n(getVersionSpec(DEMO_VERSION), { packed });
		step('Starting the DataForSEO API simulator');
		sim = await startSimulator();
		step(`Importing a credential for ${sim.url} and the link-gap workflow`);
		await importCredentials(n8n, simulatorCredentials(sim.url), [SIM_PASSWORD]);
		await importWorkflows(n8n, [linkGapWorkflow]);
		await sim.reset();
		step(
			'Running: sites linking to moz.com and ahrefs.com but not to semrush.com (top 5 by moz.com backlinks)',
		);
		const rows = nodeJson(await executeOk(n8n, linkGapWorkflow.id, [SIM_PASSWORD]), DFS);
		const stats = await sim.stats();
		console.log(`\n${linkGapTable(rows)}\n`);
		console.log(summaryLine(rows.length, stats));
		console.log(`Done in ${Math.round((Date.now() - started) / 1000)}s.`);
	} finally {
		await sim?.stop();
		n8n?.dispose();
	}
}

main().catch((error: unknown) => {
	console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
