import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { PROJECT_ROOT } from '../../test/e2e/harness/paths';

/**
 * eslint-plugin-n8n-nodes-base recognises a parameter only as an object literal with
 * displayName, name, type and default written out. Ours are assembled in fields/, so on the
 * source its parameter rules see nothing. This writes the description n8n loads (from the
 * compiled node) back as one literal in a .node.ts, and the credential likewise, beside copies
 * of the icons and package.json, so the scanner's rules can read every parameter.
 */

interface Manifest {
	readonly n8n: { readonly nodes: readonly string[]; readonly credentials: readonly string[] };
}

type Instance = Record<string, unknown>;

/** The class n8n loads from a compiled file: the export named like the file. */
function instantiate(compiled: string): { className: string; instance: Instance } {
	const className = basename(compiled).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(PROJECT_ROOT, compiled)) as Record<string, new () => Instance>;
	return { className, instance: { ...new module[className]() } };
}

const sourceOf = (compiled: string): string =>
	compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts');

/** A credential class with every field written out, as the credential rules expect it. */
function credentialText(compiled: string): string {
	const { className, instance } = instantiate(compiled);
	const fields = Object.entries(instance).map(
		([field, value]) => `\t${field} = ${literal(value, '\t')};`,
	);
	return [
		"import type { ICredentialType } from 'n8n-workflow';",
		'',
		`export class ${className} implements ICredentialType {`,
		fields.join('\n\n'),
		'}',
		'',
	].join('\n');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Written as n8n-workflow's constant, as in the source, so the connection-type rule reads it as such. */
const CONNECTIONS = new Set(['inputs', 'outputs']);

function literal(value: unknown, indent: string, key?: string): string {
	const inner = `${indent}\t`;
	if (key !== undefined && CONNECTIONS.has(key) && Array.isArray(value))
		return `[${value.map((type) => (type === 'main' ? 'NodeConnectionTypes.Main' : JSON.stringify(type))).join(', ')}]`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((entry) => `${inner}${literal(entry, inner)},`).join('\n')}\n${indent}]`;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
		if (entries.length === 0) return '{}';
		const lines = entries.map(
			([name, entry]) =>
				`${inner}${IDENTIFIER.test(name) ? name : JSON.stringify(name)}: ${literal(entry, inner, name)},`,
		);
		return `{\n${lines.join('\n')}\n${indent}}`;
	}
	return JSON.stringify(value);
}

/** The node's description as written into the rendered file, for a finding's line to name its parameter. */
export interface RenderedNode {
	readonly dir: string;
	/** Relative to dir. */
	readonly file: string;
	readonly lines: readonly string[];
}

/** Renders the compiled node (built by packOnce) into destDir/rendered; `change` may alter a copy first. */
export function renderNode(
	destDir: string,
	change: (description: { properties: unknown[] }) => void = () => undefined,
): RenderedNode {
	const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;
	const compiled = manifest.n8n.nodes[0];
	const { className, instance } = instantiate(compiled);
	const description = structuredClone(instance.description) as { properties: unknown[] };
	change(description);

	const dir = join(destDir, 'rendered');
	const source = sourceOf(compiled);
	mkdirSync(join(dir, dirname(source)), { recursive: true });
	for (const credential of manifest.n8n.credentials) {
		mkdirSync(join(dir, dirname(sourceOf(credential))), { recursive: true });
		writeFileSync(join(dir, sourceOf(credential)), credentialText(credential));
	}
	copyFileSync(join(PROJECT_ROOT, 'package.json'), join(dir, 'package.json'));
	const icons = JSON.stringify(description).match(/file:[\w.-]+\.(?:svg|png)/g) ?? [];
	for (const icon of new Set(icons)) {
		const name = icon.slice('file:'.length);
		copyFileSync(join(PROJECT_ROOT, dirname(source), name), join(dir, dirname(source), name));
	}
	const text = [
		"import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';",
		'',
		`export class ${className} implements INodeType {`,
		`\tdescription: INodeTypeDescription = ${literal(description, '\t')};`,
		'}',
		'',
	].join('\n');
	writeFileSync(join(dir, source), text);
	return { dir, file: source, lines: text.split('\n') };
}

/** The parameter a line of the rendered file belongs to: the `name:` of the object that holds it. */
export function parameterAt(rendered: RenderedNode, line: number): string {
	const depth = (text: string): number => text.length - text.trimStart().length;
	const nameOf = (text: string): string | undefined => /^\s*name: "(.*)",$/.exec(text)?.[1];
	const at = depth(rendered.lines[line - 1] ?? '');
	// Its own object first (displayName comes before name), then the objects around it.
	for (let index = line - 1; index < rendered.lines.length; index++) {
		const text = rendered.lines[index];
		if (depth(text) < at) break;
		const name = depth(text) === at ? nameOf(text) : undefined;
		if (name !== undefined) return name;
	}
	for (let index = line - 2; index >= 0; index--) {
		const text = rendered.lines[index];
		const name = depth(text) <= at ? nameOf(text) : undefined;
		if (name !== undefined) return name;
	}
	return '(node)';
}
