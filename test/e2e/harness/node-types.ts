import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Node types (with their versions) and credential types an n8n instance has loaded. */
export interface KnownTypes {
	readonly nodes: ReadonlyMap<string, ReadonlySet<number>>;
	readonly credentials: ReadonlySet<string>;
	/** Search aliases per node type, from the codex n8n read beside the node's file. */
	readonly aliases: ReadonlyMap<string, readonly string[]>;
}

interface TypeDescription {
	readonly name: string;
	readonly version?: number | readonly number[];
	readonly codex?: { readonly alias?: readonly string[] };
}

function typeFile(userFolder: string, name: string, notBefore: number): TypeDescription[] {
	const file = join(userFolder, '.cache', 'n8n', 'public', 'types', name);
	const { mtimeMs } = statSync(file);
	if (mtimeMs < notBefore)
		throw new Error(`${file} is older than the running n8n: it did not write it on start`);
	return JSON.parse(readFileSync(file, 'utf8')) as TypeDescription[];
}

function readOnce(userFolder: string, notBefore: number): KnownTypes {
	const nodes = new Map<string, Set<number>>();
	const aliases = new Map<string, readonly string[]>();
	for (const { name, version, codex } of typeFile(userFolder, 'nodes.json', notBefore)) {
		if (codex?.alias) aliases.set(name, codex.alias);
		const versions = nodes.get(name) ?? new Set<number>();
		for (const v of [version ?? 1].flat()) versions.add(v);
		nodes.set(name, versions);
	}
	const credentials = new Set(
		typeFile(userFolder, 'credentials.json', notBefore).map(({ name }) => name),
	);
	return { nodes, credentials, aliases };
}

/**
 * What `n8n start` wrote for its editor: /types/nodes.json and /types/credentials.json (served
 * from <userFolder>/.cache/n8n/public behind the login) list every loaded node type, community
 * packages included. 1.x writes them shortly after it reports ready, so this waits for files
 * newer than `notBefore` (ms) that parse.
 */
export async function readKnownTypes(
	userFolder: string,
	notBefore: number,
	timeoutMs = 60_000,
): Promise<KnownTypes> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return readOnce(userFolder, notBefore);
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

export interface WorkflowLike {
	readonly nodes: ReadonlyArray<{
		readonly name: string;
		readonly type: string;
		readonly typeVersion: number;
		readonly credentials?: Record<string, unknown>;
	}>;
}

/** What the workflow uses that n8n does not know, e.g. `node "Post": slack v9`; empty when all is known. */
export function unknownTypes(workflow: WorkflowLike, known: KnownTypes): string[] {
	const problems: string[] = [];
	for (const node of workflow.nodes) {
		const versions = known.nodes.get(node.type);
		if (!versions) problems.push(`node "${node.name}": unknown type ${node.type}`);
		else if (!versions.has(node.typeVersion))
			problems.push(`node "${node.name}": ${node.type} has no version ${node.typeVersion}`);
		for (const credentialType of Object.keys(node.credentials ?? {})) {
			if (!known.credentials.has(credentialType))
				problems.push(`node "${node.name}": unknown credential type ${credentialType}`);
		}
	}
	return problems;
}
