/**
 * npm run dev: the n8n editor on http://127.0.0.1:5678 with this package installed as a community
 * package (rebuilt and reinstalled on every start), the API simulator running, and a credential
 * "DataForSEO simulator" plus the link-gap workflow ready to open. Ctrl-C stops everything.
 *
 * Env: N8N_DEV_VERSION (2.41.1), N8N_DEV_PORT (5678), N8N_DEV_USER_FOLDER (kept between runs).
 */
import { join } from 'node:path';

import { importCredentials, importWorkflows } from '../test/e2e/harness/n8n-cli';
import { startN8n, type RunningN8n } from '../test/e2e/harness/n8n-server';
import { packOnce } from '../test/e2e/harness/pack-once';
import { prepareN8n } from '../test/e2e/harness/profile';
import { SIM_PASSWORD, startSimulator, type RunningSimulator } from '../test/e2e/harness/simulator';
import { cacheRoot, getVersionSpec } from '../test/e2e/harness/versions';
import { SIM_CREDENTIAL, simulatorCredentials } from '../test/e2e/fixtures/dataforseo';
import { linkGapWorkflow, multiItemWorkflow } from '../test/e2e/fixtures/node-workflows';
import { DEV_OWNER, ensureOwner } from './lib/owner';

const version = process.env.N8N_DEV_VERSION || '2.41.1';
const port = Number(process.env.N8N_DEV_PORT || 5678);
const userFolder =
	process.env.N8N_DEV_USER_FOLDER || join(cacheRoot(), `dev-user-folder-${version}`);

let sim: RunningSimulator | undefined;
let server: RunningN8n | undefined;

async function shutdown(code: number): Promise<void> {
	console.log('\nStopping n8n and the simulator…');
	await server?.stop();
	await sim?.stop();
	process.exit(code);
}

async function main(): Promise<void> {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.once(signal, () => void shutdown(0));
	console.log('» Building and packing the node');
	const packed = await packOnce();
	console.log(`» Installing ${packed.name}@${packed.version} into ${userFolder}`);
	const n8n = await prepareN8n(getVersionSpec(version), { packed, userFolder });
	console.log('» Starting the DataForSEO API simulator');
	sim = await startSimulator();
	const credentials = simulatorCredentials(sim.url).filter(
		(credential) => credential.id === SIM_CREDENTIAL.id,
	);
	await importCredentials(n8n, credentials, [SIM_PASSWORD]);
	await importWorkflows(n8n, [linkGapWorkflow, multiItemWorkflow]);
	console.log(`» Starting n8n ${version} on 127.0.0.1:${port}`);
	server = await startN8n(n8n, { port, secrets: [SIM_PASSWORD] });
	const owner = await ensureOwner(server.url);
	console.log(`
n8n editor:     ${server.url}
Login:          ${DEV_OWNER.email} / ${DEV_OWNER.password}${owner === 'created' ? '' : ' (unless changed in this user folder)'}
Simulator:      ${sim.url} (credential "${SIM_CREDENTIAL.name}")
Workflows:      "${linkGapWorkflow.name}", "${multiItemWorkflow.name}"
User folder:    ${userFolder}
Press Ctrl-C to stop.`);
}

main().catch(async (error: unknown) => {
	console.error(`dev failed: ${error instanceof Error ? error.message : String(error)}`);
	await shutdown(1);
});
