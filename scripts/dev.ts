/**
 * npm run dev: the n8n editor on http://127.0.0.1:5678 with this package installed as a community
 * package (rebuilt and reinstalled on every start), the API simulator running, and a credential
 * "DataForSEO simulator" plus link-gap workflows ready to open (two that run as they are,
 * and the Sheets, Slack and AI Agent examples). Ctrl-C stops everything it
 * started, also during start-up (see dev-stop.ts).
 *
 * Env: N8N_DEV_VERSION (2.41.1), N8N_DEV_PORT (5678), N8N_DEV_USER_FOLDER (kept between runs).
 */
import { join } from 'node:path';

import { importCredentials, importWorkflows } from '../test/e2e/harness/n8n-cli';
import { startN8n } from '../test/e2e/harness/n8n-server';
import { packOnce } from '../test/e2e/harness/pack-once';
import { prepareN8n } from '../test/e2e/harness/profile';
import { SIM_PASSWORD, startSimulator } from '../test/e2e/harness/simulator';
import { readMarker } from '../test/e2e/harness/install-steps';
import { cacheRoot, getVersionSpec, n8nInstallDir } from '../test/e2e/harness/versions';
import { SIM_CREDENTIAL, simulatorCredentials } from '../test/e2e/fixtures/dataforseo';
import { installDevStopper } from './dev-stop';
import { DEV_WORKFLOWS } from './lib/dev-workflows';
import { DEV_OWNER, ensureOwner } from './lib/owner';

const version = process.env.N8N_DEV_VERSION || '2.41.1';
const port = Number(process.env.N8N_DEV_PORT || 5678);
const userFolder =
	process.env.N8N_DEV_USER_FOLDER || join(cacheRoot(), `dev-user-folder-${version}`);

// The first thing anyone sees on the home screen: names that say what each workflow does.
const WORKFLOWS = DEV_WORKFLOWS;

const stopper = installDevStopper();

/** Runs one start-up step, unless Ctrl-C came first. */
async function step<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
	if (stopper.stopping) return undefined;
	console.log(`» ${label}`);
	const result = await work();
	return stopper.stopping ? undefined : result;
}

async function main(): Promise<void> {
	if (readMarker(n8nInstallDir(version))?.what !== `n8n@${version}`)
		console.log(
			`First start: n8n ${version} is installed once into ${cacheRoot()} (about 2.2 GB, typically 5 to 10 minutes, with a progress line). Later starts take under a minute.`,
		);
	const packed = await step('Building and packing the node', packOnce);
	if (!packed) return;
	const n8n = await step(`Installing ${packed.name}@${packed.version} into ${userFolder}`, () =>
		prepareN8n(getVersionSpec(version), { packed, userFolder }),
	);
	if (!n8n) return;
	const sim = await step('Starting the DataForSEO API simulator', () => startSimulator());
	if (!sim) return;
	const credentials = simulatorCredentials(sim.url).filter(
		(credential) => credential.id === SIM_CREDENTIAL.id,
	);
	const imported = await step('Importing the credential and the workflows', async () => {
		await importCredentials(n8n, credentials, [SIM_PASSWORD]);
		await importWorkflows(n8n, WORKFLOWS);
		return true;
	});
	if (!imported) return;
	const server = await step(`Starting n8n ${version} on 127.0.0.1:${port}`, () =>
		startN8n(n8n, { port, secrets: [SIM_PASSWORD] }),
	);
	if (!server) return;
	const owner = await step('Signing up the local owner', () => ensureOwner(server.url));
	if (!owner) return;
	console.log(`
n8n editor:     ${server.url}
Login:          ${DEV_OWNER.email} / ${DEV_OWNER.password}${owner === 'created' ? '' : ' (unless changed in this user folder)'}
Simulator:      ${sim.url} (credential "${SIM_CREDENTIAL.name}")
Workflows:      ${WORKFLOWS.map((workflow) => `"${workflow.name}"`).join('\n                ')}
User folder:    ${userFolder}
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
	// A step that fails because Ctrl-C stopped its process is part of the stop, not a failure.
	if (stopper.stopping) return;
	const message = error instanceof Error ? error.message : String(error);
	void stopper.stop(1, `dev failed: ${message}\nStopping what was started…`);
});
