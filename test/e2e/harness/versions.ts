import { homedir } from 'node:os';
import { join } from 'node:path';

/** One pinned n8n release the e2e suite runs against. */
export interface N8nVersionSpec {
	readonly version: string;
	/** Node major the release runs on: 20 = machine's node, 24 = node@24 from npm in the cache. */
	readonly nodeMajor: 20 | 24;
	/** Extra env for every n8n process of this release. */
	readonly env: Readonly<Record<string, string>>;
	/** npm overrides written into the install folder's package.json. */
	readonly overrides: Readonly<Record<string, string>>;
}

export const NODE24_PACKAGE = 'node@24.21.0';

const V2_41_1: N8nVersionSpec = {
	version: '2.41.1',
	nodeMajor: 24,
	// Its MCP registry module refreshes from api.n8n.io on `n8n start`; everything stays local.
	env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	overrides: {},
};

// n8n-nodes-base before 2.x's switch to @e965/xlsx pins xlsx to a tarball outside the npm registry.
const XLSX_OVERRIDES = { xlsx: '0.18.5' };

/** The releases CI and `npm run test:e2e` run by default. */
export const N8N_VERSIONS: readonly N8nVersionSpec[] = [
	V2_41_1,
	{
		version: '1.123.81',
		nodeMajor: 20,
		env: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_RUNNERS_ENABLED: 'true' },
		overrides: XLSX_OVERRIDES,
	},
];

/**
 * `npm run test:compat`: the oldest release with community tools, the 2.x line where other
 * DataForSEO packages failed to load ("Class could not be found"), and recent releases.
 * Releases before the mcp-registry module reject it in N8N_DISABLED_MODULES, so only 2.41.1 names it.
 */
export const COMPAT_VERSIONS: readonly N8nVersionSpec[] = [
	{
		version: '1.85.4',
		nodeMajor: 20,
		// Its internal task runner is refused by its own broker (403): the Code node runs in-process.
		env: {},
		overrides: XLSX_OVERRIDES,
	},
	{ version: '2.4.8', nodeMajor: 24, env: {}, overrides: XLSX_OVERRIDES },
	{ version: '2.35.0', nodeMajor: 24, env: {}, overrides: {} },
	{ version: '2.40.7', nodeMajor: 24, env: {}, overrides: {} },
	V2_41_1,
];

const KNOWN_VERSIONS = [...N8N_VERSIONS, ...COMPAT_VERSIONS];

export function getVersionSpec(version: string): N8nVersionSpec {
	const spec = KNOWN_VERSIONS.find((candidate) => candidate.version === version);
	if (!spec) {
		const known = [...new Set(KNOWN_VERSIONS.map((candidate) => candidate.version))].join(', ');
		throw new Error(`n8n ${version} is not supported by the e2e harness (known: ${known})`);
	}
	return spec;
}

/** Versions selected by env N8N_E2E_VERSIONS (comma-separated), default the CI pair. */
export function selectedVersions(): N8nVersionSpec[] {
	const raw = process.env.N8N_E2E_VERSIONS?.trim();
	if (!raw) return [...N8N_VERSIONS];
	return raw
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part.length > 0)
		.map(getVersionSpec);
}

export function cacheRoot(): string {
	return process.env.N8N_E2E_CACHE?.trim() || join(homedir(), '.cache', 'n8n-nodes-dataforseo-e2e');
}

export function n8nInstallDir(version: string): string {
	return join(cacheRoot(), `n8n-${version}`);
}

export function node24InstallDir(): string {
	return join(cacheRoot(), 'node24');
}

export const MARKER_FILE = '.e2e-install-complete.json';
