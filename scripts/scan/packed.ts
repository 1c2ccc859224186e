import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { packOnce } from '../../test/e2e/harness/pack-once';
import { runCommand, tail } from '../../test/e2e/harness/proc';

/**
 * Builds and packs the package as a publisher would (`npm run build`, `npm pack`; shared with
 * the e2e suite while the sources are unchanged) and unpacks the tarball into destDir, as the
 * scanner does with a published version. Returns the unpacked folder and the tarball's name.
 */
export async function packAndUnpack(destDir: string): Promise<{ dir: string; tarball: string }> {
	const packed = await packOnce();
	const dir = join(destDir, 'package');
	mkdirSync(dir, { recursive: true });
	const untar = await runCommand('tar', [
		'-xzf',
		packed.tarball,
		'-C',
		dir,
		'--strip-components=1',
	]);
	if (untar.code !== 0)
		throw new Error(`tar failed on ${packed.tarball}:\n${tail(untar.stderr, 20)}`);
	return { dir, tarball: packed.tarball };
}
