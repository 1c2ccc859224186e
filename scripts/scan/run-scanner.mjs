// Runs n8n's scanner in its own Node process: it is an ES module installed in a cache folder,
// which neither tsx's nor jest's CommonJS loaders should have to import.
//   node run-scanner.mjs <scanner.mjs> '[{"dir": "...", "patterns": ["..."]}]'
// Prints one JSON line: [{ files, result }] with result as analyzePackage returned it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [scannerPath, jobsJson] = process.argv.slice(2);
const { analyzePackage } = await import(pathToFileURL(scannerPath).href);
// The scanner's own fast-glob, with its options, so the count is of the files it lints.
const glob = createRequire(scannerPath)('fast-glob');

const out = [];
for (const { dir, patterns } of JSON.parse(jobsJson)) {
	const files = glob.sync(patterns, {
		cwd: dir,
		ignore: ['node_modules/**', '**/package-lock.json'],
	}).length;
	const { passed, message, details } = await analyzePackage(dir, patterns);
	out.push({ files, result: { passed, message, details } });
}
process.stdout.write(`${JSON.stringify(out)}\n`);
