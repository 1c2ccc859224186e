/**
 * What the packed tarball holds beside each compiled node: n8n reads `<Node>.node.json` (the
 * codex: categories and the aliases the node panel searches) and the icons from the folder of
 * the node's .js file. Packed as a publisher packs it (`npm run build`, `npm pack`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { makeTempDir, PROJECT_ROOT, removeTempDir } from '../e2e/harness/paths';
import { DataForSeoDomainIntersection } from '../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import { packAndUnpack } from '../../scripts/scan/packed';

interface Manifest {
	readonly name: string;
	readonly n8n: { readonly nodes: readonly string[] };
}

interface Codex {
	readonly node: string;
	readonly categories: readonly string[];
	readonly alias: readonly string[];
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;

describe('the packed tarball', () => {
	let temp: string;
	let packed: string;

	beforeAll(async () => {
		temp = makeTempDir('n8n-tarball-test');
		packed = (await packAndUnpack(temp)).dir;
	}, 600_000);

	afterAll(() => {
		if (temp) removeTempDir(temp);
	});

	it.each(manifest.n8n.nodes)('ships the codex beside %s, as in the source', (nodeFile) => {
		const codexFile = `${nodeFile}on`;
		expect(existsSync(join(packed, nodeFile))).toBe(true);
		expect(existsSync(join(packed, codexFile))).toBe(true);
		const shipped = readFileSync(join(packed, codexFile), 'utf8');
		const source = readFileSync(join(PROJECT_ROOT, codexFile.replace(/^dist\//, '')), 'utf8');
		expect(shipped).toBe(source);
	});

	it.each(manifest.n8n.nodes)(
		'the codex of %s names its node type and the search words people type',
		(nodeFile) => {
			const codex = JSON.parse(readFileSync(join(packed, `${nodeFile}on`), 'utf8')) as Codex;
			const compiled = readFileSync(join(packed, nodeFile), 'utf8');
			// n8n loads the class named like the file ("Class could not be found" otherwise).
			const className = nodeFile.split('/').pop()?.split('.')[0] ?? '';
			expect(compiled).toContain(`exports.${className} = ${className};`);
			const node = new DataForSeoDomainIntersection();
			expect(codex.node).toBe(`${manifest.name}.${node.description.name}`);
			expect(codex.categories).toContain('Marketing');
			expect(codex.alias).toEqual(expect.arrayContaining(['link gap', 'backlinks']));
		},
	);

	it.each(manifest.n8n.nodes)('ships the icons %s points at', (nodeFile) => {
		const source = readFileSync(join(packed, nodeFile), 'utf8');
		const icons = [...source.matchAll(/file:([\w.-]+\.(?:svg|png))/g)].map(([, file]) => file);
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) expect(existsSync(join(packed, dirname(nodeFile), icon))).toBe(true);
	});
});
