/**
 * n8n's verification scanner really runs and really catches what n8n Cloud bans: a copy of the
 * package's source and of its packed tarball pass clean, and fail with findings naming the
 * planted file, line and rule once a setTimeout, a console.log and a process.env are planted.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { makeTempDir, PROJECT_ROOT, removeTempDir } from '../e2e/harness/paths';
import {
	analyze,
	PACKED_PATTERNS,
	SOURCE_PATTERNS,
	type Finding,
	type ScanReport,
} from '../../scripts/scan/analyze';
import { ensureScanner } from '../../scripts/scan/install';
import { packAndUnpack } from '../../scripts/scan/packed';

interface Plant {
	readonly code: string;
	readonly rule: string;
	readonly mentions: string;
}

const RESTRICTED_GLOBAL = '@n8n/community-nodes/no-restricted-globals';
const PLANTS: readonly Plant[] = [
	{ code: 'setTimeout(() => undefined, 1000);', rule: RESTRICTED_GLOBAL, mentions: 'setTimeout' },
	{ code: "console.log('planted');", rule: 'no-console', mentions: 'console' },
	{
		code: "if (process.env.PLANTED) throw new Error('planted');",
		rule: RESTRICTED_GLOBAL,
		mentions: 'process',
	},
];

interface Planted {
	readonly file: string;
	readonly line: number;
	readonly plant: Plant;
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

/** The node, the credential and a module in a subfolder of the node's folder: three kinds of file. */
function targets(root: string, ext: '.ts' | '.js'): string[] {
	const toExt = (distPath: string): string =>
		ext === '.js' ? distPath : distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	const node = toExt(manifest.n8n.nodes[0]);
	const credential = toExt(manifest.n8n.credentials[0]);
	const nested = (readdirSync(join(root, dirname(node)), { recursive: true }) as string[])
		.filter((entry) => entry.includes('/') && entry.endsWith(ext) && !entry.endsWith('.d.ts'))
		.sort()[0];
	return [node, credential, join(dirname(node), nested)];
}

/** Appends one plant to each target file; returns where each one went. */
function plantAll(root: string, files: readonly string[]): Planted[] {
	return files.map((file, index) => {
		const path = join(root, file);
		const original = readFileSync(path, 'utf8');
		const content = original.endsWith('\n') ? original : `${original}\n`;
		const plant = PLANTS[index];
		writeFileSync(path, `${content}${plant.code}\n`);
		return { file, line: content.split('\n').length, plant };
	});
}

function expectCaught(report: ScanReport, planted: readonly Planted[]): void {
	expect(report.passed).toBe(false);
	for (const { file, line, plant } of planted) {
		expect(report.findings).toContainEqual(
			expect.objectContaining<Partial<Finding>>({
				file,
				line,
				severity: 'error',
				rule: plant.rule,
				message: expect.stringContaining(plant.mentions),
			}),
		);
	}
	// Nothing is reported anywhere else: the clean copy passed.
	const plantedFiles = new Set(planted.map((entry) => entry.file));
	expect(report.findings.filter((finding) => !plantedFiles.has(finding.file))).toEqual([]);
}

describe("n8n's verification scanner", () => {
	let temp: string;
	let reports: ScanReport[];
	let sourcePlants: Planted[];
	let packedPlants: Planted[];

	beforeAll(async () => {
		temp = makeTempDir('n8n-scan-test');
		const scannerDir = await ensureScanner(() => undefined);
		const source = (name: string): string => {
			const dir = join(temp, name);
			for (const entry of ['package.json', 'nodes', 'credentials'])
				cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
			return dir;
		};
		const cleanSource = source('source-clean');
		const plantedSource = source('source-planted');
		sourcePlants = plantAll(plantedSource, targets(plantedSource, '.ts'));
		const cleanPacked = (await packAndUnpack(join(temp, 'packed-clean'))).dir;
		const plantedPacked = (await packAndUnpack(join(temp, 'packed-planted'))).dir;
		packedPlants = plantAll(plantedPacked, targets(plantedPacked, '.js'));
		// One child process for all four: loading ESLint and its plugins is the slow part.
		reports = await analyze(scannerDir, [
			{ dir: cleanSource, patterns: SOURCE_PATTERNS },
			{ dir: plantedSource, patterns: SOURCE_PATTERNS },
			{ dir: cleanPacked, patterns: PACKED_PATTERNS },
			{ dir: plantedPacked, patterns: PACKED_PATTERNS },
		]);
	}, 900_000);

	afterAll(() => {
		if (temp) removeTempDir(temp);
	});

	it('passes a clean copy of the source', () => {
		expect(reports[0]).toMatchObject({ passed: true, findings: [] });
		expect(reports[0].files).toBeGreaterThan(10);
	});

	it('catches setTimeout, console.log and process.env planted in the source', () => {
		expect(sourcePlants.map((entry) => entry.file)).toEqual([
			expect.stringMatching(/\.node\.ts$/),
			expect.stringMatching(/^credentials\/.*\.credentials\.ts$/),
			expect.stringMatching(/^nodes\/.+\/.+\/.+\.ts$/),
		]);
		expectCaught(reports[1], sourcePlants);
	});

	it('passes the clean packed tarball', () => {
		expect(reports[2]).toMatchObject({ passed: true, findings: [] });
		expect(reports[2].files).toBeGreaterThan(10);
	});

	it('catches the same plants in the compiled files of the packed tarball', () => {
		expect(packedPlants.map((entry) => entry.file)).toEqual([
			expect.stringMatching(/^dist\/nodes\/.+\.node\.js$/),
			expect.stringMatching(/^dist\/credentials\/.*\.credentials\.js$/),
			expect.stringMatching(/^dist\/nodes\/.+\/.+\/.+\.js$/),
		]);
		expectCaught(reports[3], packedPlants);
	});
});
