import { randomBytes } from 'node:crypto';

import { runtimeEnv, type NodeRuntime } from './runtime';
import type { N8nVersionSpec } from './versions';

/** Settings shared by every n8n process of one user folder. */
export interface N8nProfile {
	readonly spec: N8nVersionSpec;
	readonly runtime: NodeRuntime;
	readonly n8nBin: string;
	readonly userFolder: string;
	readonly encryptionKey: string;
	/** The database of every process and CLI call of this profile; default SQLite in the user folder. */
	readonly dbEnv?: NodeJS.ProcessEnv;
}

export function newEncryptionKey(): string {
	return randomBytes(24).toString('hex');
}

/**
 * Headless, local-only environment: nothing listens beyond 127.0.0.1 and the
 * features that phone home (telemetry, templates, version checks, banners) are off.
 */
export function n8nEnv(
	profile: N8nProfile,
	brokerPort: number,
	extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
	const env = runtimeEnv(profile.runtime, {
		N8N_USER_FOLDER: profile.userFolder,
		N8N_ENCRYPTION_KEY: profile.encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		NO_COLOR: '1',
		...profile.spec.env,
		...profile.dbEnv,
		...extra,
	});
	// Under jest NODE_ENV=test, which makes the n8n CLI skip running its command altogether.
	for (const key of Object.keys(env)) {
		if (key === 'NODE_ENV' || key.startsWith('JEST_')) delete env[key];
	}
	return env;
}
