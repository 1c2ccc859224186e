import { join } from 'node:path';

import { PROJECT_ROOT } from './paths';
import { cleanEnv, runCommand, tail } from './proc';

export interface PackedPackage {
	readonly tarball: string;
	readonly name: string;
	readonly version: string;
}

interface NpmPackJson {
	readonly filename: string;
	readonly name: string;
	readonly version: string;
}

/** `npm run build` then `npm pack` of the project into destDir, as a publisher would. */
export async function buildAndPack(
	destDir: string,
	projectDir = PROJECT_ROOT,
): Promise<PackedPackage> {
	const env = cleanEnv();
	const build = await runCommand('npm', ['run', 'build'], { cwd: projectDir, env });
	if (build.code !== 0) {
		throw new Error(
			`npm run build failed (exit ${build.code}):\n${tail(build.stdout + build.stderr, 40)}`,
		);
	}
	const pack = await runCommand('npm', ['pack', '--json', '--pack-destination', destDir], {
		cwd: projectDir,
		env,
	});
	if (pack.code !== 0)
		throw new Error(`npm pack failed (exit ${pack.code}):\n${tail(pack.stderr, 40)}`);
	const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as NpmPackJson[];
	return { tarball: join(destDir, info.filename), name: info.name, version: info.version };
}
