/**
 * Installs the pinned n8n releases used by the e2e suite into a cache outside the clone
 * (default ~/.cache/n8n-nodes-dataforseo-e2e, override with N8N_E2E_CACHE). Idempotent.
 *
 *   npx tsx scripts/n8n-install.ts            # all pinned versions, in parallel
 *   npx tsx scripts/n8n-install.ts 2.41.1     # selected versions
 *   npx tsx scripts/n8n-install.ts --compat   # the releases of `npm run test:compat`, one at a time
 */
import { ensureN8n } from '../test/e2e/harness/install';
import {
	cacheRoot,
	COMPAT_VERSIONS,
	getVersionSpec,
	selectedVersions,
	type N8nVersionSpec,
} from '../test/e2e/harness/versions';

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const compat = args.includes('--compat');
	const specs = compat
		? [...COMPAT_VERSIONS]
		: args.length > 0
			? args.map(getVersionSpec)
			: selectedVersions();
	console.log(
		`n8n e2e cache: ${cacheRoot()}; versions: ${specs.map((spec) => spec.version).join(', ')}`,
	);
	const started = Date.now();
	// Five installs at once would each compile sqlite3 on the same cores: one after another.
	const results = compat
		? await inSeries(specs)
		: await Promise.allSettled(specs.map((spec) => ensureN8n(spec)));
	const failures = results.filter(
		(result): result is PromiseRejectedResult => result.status === 'rejected',
	);
	for (const failure of failures)
		console.error(
			String(failure.reason instanceof Error ? failure.reason.message : failure.reason),
		);
	console.log(
		`n8n e2e install finished in ${Math.round((Date.now() - started) / 1000)}s (${failures.length} failed)`,
	);
	process.exitCode = failures.length > 0 ? 1 : 0;
}

async function inSeries(
	specs: readonly N8nVersionSpec[],
): Promise<Array<PromiseSettledResult<string>>> {
	const results: Array<PromiseSettledResult<string>> = [];
	for (const spec of specs) {
		try {
			results.push({ status: 'fulfilled', value: await ensureN8n(spec) });
		} catch (reason) {
			results.push({ status: 'rejected', reason });
		}
	}
	return results;
}

void main();
