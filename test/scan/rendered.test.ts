/**
 * The scanner's parameter rules (eslint-plugin-n8n-nodes-base) read only parameters written out
 * as literals; `npm run scan` therefore also lints the description n8n loads, rendered as one
 * literal. This proves that leg sees parameters: clean, only the deliberate exceptions are
 * flagged (each once); a planted miscased parameter is caught and named.
 */
import { analyze, SOURCE_PATTERNS, type ScanReport } from '../../scripts/scan/analyze';
import { DELIBERATE, judge, type Judged } from '../../scripts/scan/exceptions';
import { ensureScanner } from '../../scripts/scan/install';
import { renderNode, type RenderedNode } from '../../scripts/scan/rendered';
import { packOnce } from '../e2e/harness/pack-once';
import { makeTempDir, removeTempDir } from '../e2e/harness/paths';

const PLANTED = {
	displayName: 'planted lower case label',
	name: 'plantedParameter',
	type: 'string',
	default: '',
	description: 'A planted parameter',
};

describe("the scanner's rules on the rendered description", () => {
	let temp: string;
	let clean: RenderedNode;
	let planted: RenderedNode;
	let reports: ScanReport[];

	beforeAll(async () => {
		temp = makeTempDir('n8n-rendered-test');
		const scannerDir = await ensureScanner(() => undefined);
		await packOnce();
		clean = renderNode(`${temp}/clean`);
		planted = renderNode(`${temp}/planted`, (description) => {
			description.properties.push(PLANTED);
		});
		reports = await analyze(scannerDir, [
			{ dir: clean.dir, patterns: SOURCE_PATTERNS },
			{ dir: planted.dir, patterns: SOURCE_PATTERNS },
		]);
	}, 900_000);

	afterAll(() => {
		if (temp) removeTempDir(temp);
	});

	it('flags only the deliberate exceptions, each once, on the clean node and credential', () => {
		expect(reports[0].files).toBe(3);
		const judged: Judged = judge(clean, reports[0].findings);
		expect(judged).toEqual({ unexpected: [], stale: [] });
		expect(reports[0].findings).toHaveLength(DELIBERATE.length);
	});

	it('catches a planted parameter and names it', () => {
		const { unexpected, stale } = judge(planted, reports[1].findings);
		expect(stale).toEqual([]);
		expect(unexpected).toEqual([
			expect.objectContaining({
				parameter: PLANTED.name,
				rule: 'n8n-nodes-base/node-param-display-name-miscased',
			}),
		]);
	});
});
