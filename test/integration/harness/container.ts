import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoggerProxy } from 'n8n-workflow';

import { CaptureLogger } from './logger';

// n8n-core ships its own nested copies of @n8n/di, @n8n/config and @n8n/backend-common
// (node_modules/n8n-core/node_modules/@n8n/...). The hoisted copies at the top of
// node_modules are other versions with another DI container, so everything here is
// loaded from n8n-core's own folder: that is the container its execution engine reads.
const coreDir = path.dirname(require.resolve('n8n-core'));

function fromCore<T>(id: string): T {
	return require(require.resolve(id, { paths: [coreDir] })) as T;
}

type Token = abstract new (...args: never[]) => unknown;

interface DiContainer {
	get<T>(type: abstract new (...args: never[]) => T): T;
	set(type: Token, instance: unknown): void;
}

interface InstanceSettingsConfigLike {
	n8nFolder: string;
	userHome: string;
	encryptionKey: string;
	enforceSettingsFilePermissions: boolean;
}

export interface HarnessEnvironment {
	container: DiContainer;
	logger: CaptureLogger;
	/** The n8n user folder InstanceSettings uses: a shared one in the OS temp dir, not ~/.n8n. */
	n8nFolder: string;
}

let environment: HarnessEnvironment | undefined;

const ENCRYPTION_KEY = 'integration-harness-encryption-key';

/**
 * One shared n8n user folder in the OS temp dir. Its settings file is written here,
 * atomically, so InstanceSettings only reads it: parallel Jest workers never see a
 * half-written file, and nothing accumulates from run to run.
 */
function prepareUserFolder(): string {
	const folder = path.join(tmpdir(), 'n8n-integration-harness');
	mkdirSync(folder, { recursive: true });
	const partial = path.join(folder, `config.${process.pid}.tmp`);
	writeFileSync(partial, JSON.stringify({ encryptionKey: ENCRYPTION_KEY }, null, '\t'));
	renameSync(partial, path.join(folder, 'config'));
	return folder;
}

/**
 * Prepares n8n-core's DI container the way n8n's own node tests rely on it, once per
 * module registry (Jest gives each test file its own): InstanceSettings gets a temp
 * user folder and a fixed encryption key instead of ~/.n8n, and the Logger that nodes
 * see as `this.logger` is a capturing one. Everything else (ErrorReporter, OutboundHttp
 * for `httpRequest`, SSRF settings, binary data config) is built by the container itself.
 */
export function setupEnvironment(): HarnessEnvironment {
	if (environment) return environment;

	const { Container } = fromCore<{ Container: DiContainer }>('@n8n/di');
	const { InstanceSettingsConfig } = fromCore<{
		InstanceSettingsConfig: new () => InstanceSettingsConfigLike;
	}>('@n8n/config');
	const { Logger } = fromCore<{ Logger: Token }>('@n8n/backend-common');

	const n8nFolder = prepareUserFolder();

	const config = new InstanceSettingsConfig();
	config.n8nFolder = n8nFolder;
	config.userHome = n8nFolder;
	config.encryptionKey = ENCRYPTION_KEY;
	config.enforceSettingsFilePermissions = false;
	Container.set(InstanceSettingsConfig, config);

	const logger = new CaptureLogger();
	Container.set(Logger, logger);
	LoggerProxy.init(logger);

	environment = { container: Container, logger, n8nFolder };
	return environment;
}
