import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { installCommunityPackage } from './community-install';
import { ensureN8n } from './install';
import { newEncryptionKey, type N8nProfile } from './n8n-env';
import type { PackedPackage } from './pack';
import { makeTempDir, removeTempDir } from './paths';
import { runtimeFor } from './runtime';
import type { N8nVersionSpec } from './versions';

export interface PreparedN8n extends N8nProfile {
	/** Deletes the user folder if the harness created it (kept with N8N_E2E_KEEP=1). */
	dispose(): void;
}

export interface PrepareOptions {
	/** Packed community package to install into the user folder. */
	readonly packed?: PackedPackage;
	/** Persistent user folder (e.g. for `npm run dev`); default: a fresh temp folder. */
	readonly userFolder?: string;
}

/** n8n writes the key it was first started with to .n8n/config; reuse it for a persistent folder. */
function existingEncryptionKey(userFolder: string): string | undefined {
	const configFile = join(userFolder, '.n8n', 'config');
	if (!existsSync(configFile)) return undefined;
	const config = JSON.parse(readFileSync(configFile, 'utf8')) as { encryptionKey?: string };
	return config.encryptionKey;
}

/** Makes sure n8n is installed, creates the user folder and installs the community package into it. */
export async function prepareN8n(
	spec: N8nVersionSpec,
	options: PrepareOptions = {},
): Promise<PreparedN8n> {
	const n8nBin = await ensureN8n(spec);
	const runtime = runtimeFor(spec);
	const userFolder = options.userFolder ?? makeTempDir(`n8n-e2e-${spec.version}`);
	mkdirSync(userFolder, { recursive: true });
	const encryptionKey = existingEncryptionKey(userFolder) ?? newEncryptionKey();
	if (options.packed) await installCommunityPackage(userFolder, options.packed, runtime);
	return {
		spec,
		runtime,
		n8nBin,
		userFolder,
		encryptionKey,
		dispose: () => {
			if (!options.userFolder) removeTempDir(userFolder);
		},
	};
}
