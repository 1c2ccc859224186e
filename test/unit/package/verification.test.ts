/**
 * n8n's verification rules that a file can show, one test each (VERIFICATION.md maps every rule
 * to its check). The scanner's rules run in `npm run scan`; these are the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataForSeoBasicAuthApi } from '../../../credentials/DataForSeoBasicAuthApi.credentials';
import { DataForSeoDomainIntersection } from '../../../nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node';
import {
	LIVE_BASE_URL,
	SANDBOX_BASE_URL,
} from '../../../nodes/DataForSeoDomainIntersection/api/baseUrl';

const root = join(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const node = new DataForSeoDomainIntersection().description;
const credential = new DataForSeoBasicAuthApi();

/** Every string in a value, nested objects and arrays included. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

/** README section titles: "## Installation" → "Installation". */
const headings = (markdown: string): string[] =>
	[...markdown.matchAll(/^#{2,3} (.+)$/gm)].map(([, title]) => title.trim());

describe("n8n's verification rules", () => {
	it('publishes from a GitHub Action with npm provenance, after the tests and the scanner', () => {
		const workflow = read('.github/workflows/publish.yml');
		expect(workflow).toMatch(/^\s+id-token: write/m);
		expect(workflow).toMatch(/^\s+- run: npm publish --provenance\b/m);
		const steps = [...workflow.matchAll(/^\s+- run: (.+)$/gm)].map(([, step]) => step.trim());
		const publish = steps.findIndex((step) => step.startsWith('npm publish'));
		expect(steps.slice(0, publish)).toEqual(
			expect.arrayContaining(['npm ci', 'npm test', 'npm run scan']),
		);
		// On a version tag only, so what is published is a tagged commit of this repository.
		expect(workflow).toMatch(/tags: \['v\*'\]/);
	});

	it('is MIT licensed, in package.json and in LICENSE', () => {
		expect(pkg.license).toBe('MIT');
		expect(read('LICENSE')).toMatch(/^MIT License\n/);
	});

	it('names one public GitHub repository, the same in every link', () => {
		const repository = String(pkg.repository.url)
			.replace(/^git\+/, '')
			.replace(/\.git$/, '');
		expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
		expect(pkg.homepage.startsWith(repository)).toBe(true);
		expect(node.documentationUrl?.startsWith(repository)).toBe(true);
	});

	it('integrates one service: one node, one credential, only DataForSEO hosts', () => {
		expect(pkg.n8n.nodes).toHaveLength(1);
		expect(pkg.n8n.credentials).toHaveLength(1);
		expect(node.credentials).toEqual([{ name: credential.name, required: true }]);
		const hosts = [LIVE_BASE_URL, SANDBOX_BASE_URL].map((url) => new URL(url).hostname);
		expect(hosts.every((host) => host.endsWith('.dataforseo.com'))).toBe(true);
		// Placeholders use example.com, the domain reserved for examples.
		const links = strings([node, credential]).filter((text) => /^https?:\/\//.test(text));
		for (const link of links)
			expect(new URL(link).hostname).toMatch(/(^|\.)(dataforseo|example)\.com$|^github\.com$/);
	});

	it('is an app node, not a logic or flow-control node', () => {
		const codex = JSON.parse(
			read('nodes/DataForSeoDomainIntersection/DataForSeoDomainIntersection.node.json'),
		);
		expect(codex.categories).not.toContain('Core Nodes');
		expect(codex.categories).toContain('Marketing');
		expect(node.inputs).toHaveLength(1);
		expect(node.outputs).toHaveLength(1);
	});

	it('speaks English only in its UI', () => {
		// Letters, digits, punctuation and the typographic marks English text uses (’ — – … × ✨).
		const foreign = strings([node.properties, credential.properties, node.displayName]).filter(
			(text) => /[^\x09\x0a\x20-\x7e’‘“”—–…×→✨]/.test(text),
		);
		expect(foreign).toEqual([]);
	});

	it('documents installation, credentials, usage and importable examples in the README', () => {
		const readme = read('README.md');
		expect(headings(readme)).toEqual(
			expect.arrayContaining(['Installation', 'Credentials', 'Usage', 'Compatibility']),
		);
		expect(readme).toContain('N8N_UNVERIFIED_PACKAGES_ENABLED=true');
		const examples = [...readme.matchAll(/\]\((examples\/[\w.-]+\.json)\)/g)].map(
			([, file]) => file,
		);
		expect(examples.length).toBeGreaterThan(0);
		for (const example of examples) expect(existsSync(join(root, example))).toBe(true);
	});

	it('VERIFICATION.md points only at checks that exist', () => {
		const map = read('VERIFICATION.md');
		const files = [
			...map.matchAll(/`((?:test|scripts|\.github|\.ci|nodes|credentials)\/[^`\s]+)`/g),
		];
		expect(files.length).toBeGreaterThan(5);
		for (const [, file] of files)
			expect({ file, exists: existsSync(join(root, file)) }).toEqual({ file, exists: true });
		const scripts = [...map.matchAll(/`npm run ([\w:-]+)`/g)].map(([, name]) => name);
		expect(scripts.length).toBeGreaterThan(2);
		for (const script of scripts) expect(Object.keys(pkg.scripts)).toContain(script);
	});
});
