import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('package.json, as n8n verification expects', () => {
	it('has no runtime dependencies; n8n supplies n8n-workflow and zod', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.devDependencies.zod).toMatch(/^3\.25\./);
	});

	it('is a community node package', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('points n8n at compiled files that the build produces', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(file).toMatch(/^dist\/.*\.js$/);
			const source = join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
			expect(existsSync(source)).toBe(true);
		}
	});

	it('packs only dist/, README.md, LICENSE and package.json', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: root,
				encoding: 'utf8',
			}),
		) as Array<{ files: Array<{ path: string }> }>;
		const paths = packed.files.map((file) => file.path);
		expect(paths.filter((path) => !path.startsWith('dist/')).sort()).toEqual([
			'LICENSE',
			'README.md',
			'package.json',
		]);
		expect(paths.some((path) => /simulator|test\//.test(path))).toBe(false);
	});
});
