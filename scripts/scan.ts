/**
 * n8n's verification scanner (@n8n/scan-community-package, the check n8n runs before it
 * verifies a community package), offline: analyzePackage on the source and on the packed
 * tarball. Exits non-zero with the findings (file, line, rule) if either leg fails.
 * The scanner is installed once into ~/.cache/n8n-nodes-dataforseo-scan ($N8N_SCAN_CACHE).
 *
 *   npm run scan
 */
import { basename } from 'node:path';

import { makeTempDir, PROJECT_ROOT, removeTempDir } from '../test/e2e/harness/paths';
import { analyze, describeReport, PACKED_PATTERNS, SOURCE_PATTERNS } from './scan/analyze';
import { ensureScanner, SCANNER_PACKAGE, SCANNER_VERSION } from './scan/install';
import { packAndUnpack } from './scan/packed';

async function main(): Promise<void> {
	const started = Date.now();
	const log = (line: string): void => console.log(`scan: ${line}`);
	log(`${SCANNER_PACKAGE}@${SCANNER_VERSION}`);
	const scannerDir = await ensureScanner(log);
	const temp = makeTempDir('n8n-scan');
	try {
		const packed = await packAndUnpack(temp);
		log(`packed ${basename(packed.tarball)}`);
		const [source, tarball] = await analyze(scannerDir, [
			{ dir: PROJECT_ROOT, patterns: SOURCE_PATTERNS },
			{ dir: packed.dir, patterns: PACKED_PATTERNS },
		]);
		const lines = [
			...describeReport('source', source),
			...describeReport(`tarball ${basename(packed.tarball)}`, tarball),
		];
		const passed = source.passed && tarball.passed;
		const seconds = Math.round((Date.now() - started) / 1000);
		(passed ? console.log : console.error)(lines.join('\n'));
		log(`${passed ? 'passed' : 'FAILED'} in ${seconds}s`);
		process.exitCode = passed ? 0 : 1;
	} finally {
		removeTempDir(temp);
	}
}

main().catch((error: unknown) => {
	console.error(`scan: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
