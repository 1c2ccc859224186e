/**
 * n8n's verification scanner (@n8n/scan-community-package, the check n8n runs before it
 * verifies a community package), offline: analyzePackage on the source and on the packed
 * tarball, plus the node's description as n8n loads it, written out as one literal so that
 * eslint-plugin-n8n-nodes-base's parameter rules can read it (scan/rendered.ts). Exits non-zero
 * with the findings (file, line, rule) if any leg fails; rules broken on purpose are listed with
 * their reason (scan/exceptions.ts).
 * The scanner is installed once into ~/.cache/n8n-nodes-dataforseo-scan ($N8N_SCAN_CACHE).
 *
 *   npm run scan
 */
import { basename } from 'node:path';

import { makeTempDir, PROJECT_ROOT, removeTempDir } from '../test/e2e/harness/paths';
import { analyze, describeReport, PACKED_PATTERNS, SOURCE_PATTERNS } from './scan/analyze';
import { DELIBERATE, judge } from './scan/exceptions';
import { ensureScanner, SCANNER_PACKAGE, SCANNER_VERSION } from './scan/install';
import { packAndUnpack } from './scan/packed';
import { renderNode } from './scan/rendered';

async function main(): Promise<void> {
	const started = Date.now();
	const log = (line: string): void => console.log(`scan: ${line}`);
	log(`${SCANNER_PACKAGE}@${SCANNER_VERSION}`);
	const scannerDir = await ensureScanner(log);
	const temp = makeTempDir('n8n-scan');
	try {
		const packed = await packAndUnpack(temp);
		log(`packed ${basename(packed.tarball)}`);
		const rendered = renderNode(temp);
		const [source, tarball, description] = await analyze(scannerDir, [
			{ dir: PROJECT_ROOT, patterns: SOURCE_PATTERNS },
			{ dir: packed.dir, patterns: PACKED_PATTERNS },
			{ dir: rendered.dir, patterns: SOURCE_PATTERNS },
		]);
		const { unexpected, stale } = judge(rendered, description.findings);
		const described = unexpected.length === 0 && stale.length === 0 && description.files > 0;
		const lines = [
			...describeReport('source', source),
			...describeReport(`tarball ${basename(packed.tarball)}`, tarball),
			`scan: the description n8n loads, every parameter written out (${description.files} files): ${described ? 'passed' : 'FAILED'}`,
			...unexpected.map(
				(finding) =>
					`  ${finding.parameter}: ${finding.severity}  ${finding.rule}  ${finding.message}`,
			),
			...stale.map(
				(entry) =>
					`  no longer flagged, remove it from scan/exceptions.ts: ${entry.rule} on ${entry.parameter}`,
			),
			...DELIBERATE.filter((entry) => !stale.includes(entry)).map(
				(entry) => `  kept on purpose: ${entry.rule} on ${entry.parameter}: ${entry.why}`,
			),
		];
		const passed = source.passed && tarball.passed && described;
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
