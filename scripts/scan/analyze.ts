import { join, relative } from 'node:path';

import { cleanEnv, runCommand, tail } from '../../test/e2e/harness/proc';
import { scannerModule } from './install';

/** The scanner's own patterns for the two legs of its check (see its analyzePackageByName). */
export const SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
export const PACKED_PATTERNS = ['**/*.js', 'package.json'];

export interface ScanJob {
	readonly dir: string;
	readonly patterns: readonly string[];
}

export interface Finding {
	/** Relative to the scanned folder. */
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly severity: 'error' | 'warning';
	readonly rule: string;
	readonly message: string;
}

export interface ScanReport {
	readonly job: ScanJob;
	readonly files: number;
	readonly passed: boolean;
	/** The scanner's message when it did not pass (or found nothing to scan). */
	readonly problem?: string;
	readonly findings: readonly Finding[];
	/** The scanner's own text (ESLint's stylish format), for whatever the parse missed. */
	readonly details?: string;
}

interface RawResult {
	readonly files: number;
	readonly result: { passed: boolean; message?: string; details?: string };
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
// "  91:26  error  Unexpected console statement  no-console" (the rule column may be empty).
const PROBLEM = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.*?)(?:\s{2,}(\S+))?\s*$/;

/** analyzePackage returns ESLint's stylish text only; this turns it back into findings. */
export function parseFindings(details: string, dir: string): Finding[] {
	const findings: Finding[] = [];
	let file: string | undefined;
	for (const line of details.replace(ANSI, '').split('\n')) {
		if (line.startsWith('/')) {
			file = relative(dir, line.trim());
			continue;
		}
		const match = PROBLEM.exec(line);
		if (!match || file === undefined) continue;
		findings.push({
			file,
			line: Number(match[1]),
			column: Number(match[2]),
			severity: match[3] as Finding['severity'],
			message: match[4],
			rule: match[5] ?? '(no rule)',
		});
	}
	return findings;
}

/** Runs analyzePackage on each job in one child process (the module load is the slow part). */
export async function analyze(scannerDir: string, jobs: readonly ScanJob[]): Promise<ScanReport[]> {
	const runner = join(__dirname, 'run-scanner.mjs');
	// eslint-plugin-n8n-nodes-base treats every file as a node file when NODE_ENV=test (jest sets
	// it): the scan would then report rules n8n's own run does not.
	const { NODE_ENV: _nodeEnv, ...env } = cleanEnv();
	const run = await runCommand(
		process.execPath,
		[runner, scannerModule(scannerDir), JSON.stringify(jobs)],
		{ env },
	);
	const lastLine = run.stdout.trim().split('\n').pop() ?? '';
	if (run.code !== 0 || !lastLine.startsWith('[')) {
		throw new Error(
			`the scanner did not run (exit ${run.code ?? run.signal}):\n${tail(run.stderr + run.stdout, 30)}`,
		);
	}
	const raw = JSON.parse(lastLine) as RawResult[];
	return raw.map(({ files, result }, index) => {
		const job = jobs[index];
		const findings = result.details ? parseFindings(result.details, job.dir) : [];
		// A scan of no files is no check at all, whatever the scanner says.
		const passed = result.passed && files > 0;
		const problem = passed ? undefined : (result.message ?? 'no files matched');
		// When analyzePackage itself failed it printed the error to stderr, not into details.
		const details = result.details ?? (passed ? undefined : tail(run.stderr, 30));
		return { job, files, passed, problem, findings, details };
	});
}

/** Human lines for one report: a verdict, then one line per finding. */
export function describeReport(label: string, report: ScanReport): string[] {
	const where = `${label} (${report.job.patterns.join(', ')}; ${report.files} files)`;
	if (report.passed) return [`scan: ${where}: passed`];
	const lines = [`scan: ${where}: FAILED: ${report.problem}`];
	for (const finding of report.findings) {
		lines.push(
			`  ${finding.file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.rule}  ${finding.message}`,
		);
	}
	// Anything the parse did not turn into a finding (a crash, an unexpected format) is shown whole.
	if (report.findings.length === 0 && report.details) lines.push(report.details);
	return lines;
}
