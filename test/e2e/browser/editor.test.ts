/**
 * The issue's "done means", in a real browser: a person builds the docs' example request in n8n's
 * editor by clicking (two competitors, one excluded domain, a filter on 1.backlinks picked from
 * the available_filters dropdown, a sort), runs it and sees the rows. n8n 2.41.1 runs on
 * 127.0.0.1 with the packed package installed the community way and the simulator behind the
 * credential; Chromium may reach nothing else. Screenshots and timings: test-artifacts/browser/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { startN8n, type RunningN8n } from '../harness/n8n-server';
import { packOnce } from '../harness/pack-once';
import { PROJECT_ROOT } from '../harness/paths';
import { prepareN8n, type PreparedN8n } from '../harness/profile';
import {
	SIM_LOGIN,
	SIM_PASSWORD,
	startSimulator,
	type RunningSimulator,
} from '../harness/simulator';
import { getVersionSpec, selectedVersions } from '../harness/versions';
import { importWorkflows } from '../harness/n8n-cli';
import {
	EDITOR_TOOL_PARAMETERS_WITH_LIMIT,
	editorProbeWorkflow,
	TOOL_NODE_NAME,
} from '../fixtures/agent-workflows';
import { TOOL_DESCRIPTION } from '../../../nodes/DataForSeoDomainIntersection/fields/tool';
import { letTheModelDefine } from './agent-tool';
import { addOption, collectionOptions, openToolPanel, searchCreator } from './finding';
import { launchLocalBrowser, nodeConsoleErrors, type LocalBrowser } from './chromium';
import { tableAtAGlance } from './table';
import { MAX_RESULTS_DEFAULT } from '../../../nodes/DataForSeoDomainIntersection/fields/main';
import { flatColumns } from '../../../nodes/DataForSeoDomainIntersection/output/flatten';
import { EDITOR_LIMIT_BYTES } from '../../../nodes/DataForSeoDomainIntersection/output/runHint';
import {
	competitorsTooltip,
	expectedDocsHint,
	returnAllTwice,
	runHint,
	tableHeaders,
	tableScreenshot,
	watchRuns,
} from './readable';
import {
	addNodeFromCreator,
	createCredential,
	openNewWorkflow,
	parameter,
	pickOption,
	setupOwner,
	signIn,
	trackLoadOptions,
} from './editor';

const VERSION = '2.41.1';
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts', 'browser');
const NODE_NAME = 'DataForSEO Domain Intersection';
const LIVE = '/v3/backlinks/domain_intersection/live';
const AVAILABLE_FILTERS = '/v3/backlinks/available_filters';

const selected = selectedVersions().some((spec) => spec.version === VERSION);
const wanted = process.env.N8N_E2E_SKIP_BROWSER !== '1' && process.env.N8N_E2E_HARNESS_ONLY !== '1';
const run = selected && wanted ? describe : describe.skip;

/** Seconds per phase, printed and saved next to the screenshots. */
const timings: Record<string, number> = {};
let mark = Date.now();
function lap(phase: string): void {
	const now = Date.now();
	timings[phase] = Math.round(now - mark) / 1000;
	mark = now;
}

run(`the node in n8n ${VERSION}'s editor (Chromium)`, () => {
	let n8n: PreparedN8n | undefined;
	let sim: RunningSimulator | undefined;
	let server: RunningN8n | undefined;
	let local: LocalBrowser | undefined;
	let page: Page;
	let runs: ReturnType<typeof watchRuns>;

	beforeAll(async () => {
		rmSync(ARTIFACTS, { recursive: true, force: true });
		mkdirSync(ARTIFACTS, { recursive: true });
		mark = Date.now();
		const packed = await packOnce();
		n8n = await prepareN8n(getVersionSpec(VERSION), { packed });
		// An AI Agent with this node's tool variant attached and nothing filled in yet.
		await importWorkflows(n8n, [editorProbeWorkflow]);
		lap('pack and install the package');
		// One after the other, so a failed start never leaves the other process unassigned.
		sim = await startSimulator();
		// Sign-in over http needs the cookie not to be secure; the personalization survey would
		// cover the canvas with a modal that has no close button. (The harness sets them too.)
		server = await startN8n(n8n, {
			secrets: [SIM_PASSWORD],
			env: {
				N8N_SECURE_COOKIE: 'false',
				N8N_PERSONALIZATION_ENABLED: 'false',
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
		});
		lap('start n8n until /healthz/readiness');
		await setupOwner(server.url);
		local = await launchLocalBrowser();
		page = await local.context.newPage();
		trackLoadOptions(page);
		runs = watchRuns(page);
		lap('owner and browser');
	}, 15 * 60_000);

	afterAll(async () => {
		writeFileSync(join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, '\t')}\n`);
		console.log(`browser test timings (s): ${JSON.stringify(timings)}`);
		if (local)
			writeFileSync(join(ARTIFACTS, 'page-log.json'), `${JSON.stringify(local.log, null, '\t')}\n`);
		await local?.close();
		await server?.stop();
		await sim?.stop();
		n8n?.dispose();
	});

	it('builds the docs example by clicking and shows the rows', async () => {
		if (!server || !sim || !local) throw new Error('setup failed, see beforeAll');
		try {
			await docsExampleByClicking(server, sim, local);
		} catch (error) {
			// What the editor showed when a step failed, next to the other artifacts.
			await page.screenshot({ path: join(ARTIFACTS, 'failure.png') }).catch(() => undefined);
			throw error;
		}
	});

	it("as an AI Agent tool: shows the tool's defaults, and ✨ writes the $fromAI the e2e uses", async () => {
		if (!server || !local) throw new Error('setup failed, see beforeAll');
		try {
			// Signed in by the test before, unless that one failed early.
			await page.goto(`${server.url}/home/workflows`);
			await page.waitForURL((url) => /^\/(signin|home)/.test(url.pathname));
			if (new URL(page.url()).pathname.startsWith('/signin')) await signIn(page, server.url);
			const tool = await letTheModelDefine(
				page,
				server.url,
				editorProbeWorkflow.id,
				TOOL_NODE_NAME,
				['targets', 'excludeTargets', 'limit'],
			);
			expect(tool.shown).toEqual({
				limit: '20',
				outputFormat: 'Compact (For AI Agents)',
				description: TOOL_DESCRIPTION,
			});
			expect(tool.saved).toEqual(EDITOR_TOOL_PARAMETERS_WITH_LIMIT);
			await page.screenshot({ path: join(ARTIFACTS, 'agent-tool.png') });
		} catch (error) {
			await page
				.screenshot({ path: join(ARTIFACTS, 'agent-tool-failure.png') })
				.catch(() => undefined);
			throw error;
		}
	});

	/**
	 * Issue 23, the output table: in a 1440×757 window the columns in sight are the numbers people
	 * rank by, none repeats the same value on every row, and the node's hint names the competitors.
	 */
	async function tableReadsAtAGlance(ndv: Locator) {
		const glance = await tableAtAGlance(page, ndv, ARTIFACTS);
		console.log(`table at 1440 px: ${JSON.stringify(glance)}`);
		expect(glance.inSight.slice(0, 3)).toEqual([
			'referring_domain',
			'competitor1_backlinks',
			'competitor2_backlinks',
		]);
		for (const constant of ['intersections_count', 'competitor1', 'competitor2'])
			expect(glance.inSight).not.toContain(constant);
		const own = glance.hints.filter((text) => /referring domains/.test(text));
		expect(own).toEqual([
			expect.stringMatching(
				/\. In the columns, competitor1 is moz\.com and competitor2 is ahrefs\.com\.$/,
			),
		]);
	}

	it('is found in the AI Agent’s tool panel by "link gap" and "backlinks"', async () => {
		if (!server) throw new Error('setup failed, see beforeAll');
		try {
			await page.goto(`${server.url}/home/workflows`);
			await page.waitForURL((url) => /^\/(signin|home)/.test(url.pathname));
			if (new URL(page.url()).pathname.startsWith('/signin')) await signIn(page, server.url);
			await page.goto(`${server.url}/workflow/${editorProbeWorkflow.id}`);
			await page.getByTestId('canvas-node').filter({ hasText: 'AI Agent' }).first().waitFor();
			await openToolPanel(page, 'AI Agent');
			for (const search of ['link gap', 'backlinks']) {
				const found = await searchCreator(
					page,
					search,
					NODE_NAME,
					join(ARTIFACTS, `tool-search-${search.replace(' ', '-')}.png`),
				);
				expect([search, found.some((title) => title.startsWith(NODE_NAME))]).toEqual([
					search,
					true,
				]);
			}
			await page.keyboard.press('Escape');
		} catch (error) {
			await page
				.screenshot({ path: join(ARTIFACTS, 'tool-search-failure.png') })
				.catch(() => undefined);
			throw error;
		}
	});

	async function docsExampleByClicking(
		server: RunningN8n,
		sim: RunningSimulator,
		local: LocalBrowser,
	) {
		mark = Date.now();
		await signIn(page, server.url);
		await openNewWorkflow(page, server.url);
		lap('sign in and open /workflow/new');

		// Found by what a person looks for, not only by its name: the codex's aliases.
		await page.getByTestId('node-creator-plus-button').click();
		for (const search of ['link gap', 'backlinks']) {
			const found = await searchCreator(
				page,
				search,
				NODE_NAME,
				join(ARTIFACTS, `search-${search.replace(' ', '-')}.png`),
			);
			expect([search, found]).toEqual([search, expect.arrayContaining([NODE_NAME])]);
		}
		await page.keyboard.press('Escape');
		await page.getByTestId('node-creator-search-bar').waitFor({ state: 'hidden' });
		lap('search the node panel');

		const ndv = await addNodeFromCreator(page, 'DataForSEO', NODE_NAME);
		await createCredential(page, ndv, {
			login: SIM_LOGIN,
			password: SIM_PASSWORD,
			baseUrl: sim.url,
		});
		lap('add the node and create the credential');

		// The tooltip's example expression works when copied: n8n's variable is $json.
		const tooltip = await competitorsTooltip(page, ndv, ARTIFACTS);
		expect(tooltip).toContain(
			'An expression may also return a list, e.g. {{ $json.competitors }}.',
		);
		expect(tooltip).not.toContain('$JSON');

		await ndv
			.getByTestId('parameter-input-targets')
			.locator('textarea')
			.fill('moz.com, ahrefs.com');
		await ndv.getByTestId('parameter-input-excludeTargets').locator('textarea').fill('semrush.com');

		await ndv.getByRole('button', { name: 'Add Filter' }).click();
		const filter = ndv.getByTestId('fixed-collection-filterBuilder');
		await pickOption(page, parameter(filter, 'target'), '1: moz.com');
		// The field list comes from the simulator's available_filters, through the credential.
		const fields = await pickOption(page, parameter(filter, 'field'), 'Rank');
		const catalogue = (await sim.log()).filter((entry) => entry.path === AVAILABLE_FILTERS);
		expect(catalogue.map((entry) => [entry.method, entry.authorized, entry.httpStatus])).toEqual([
			['GET', true, 200],
		]);
		expect(fields).toHaveLength(18);
		expect(fields).toEqual(
			expect.arrayContaining(['Backlinks', 'Referring Domains', 'Intersections Count']),
		);
		expect(fields).toEqual(expect.arrayContaining(['Referring IPs', 'Referring Domain']));
		// Text fields offer text operators; after switching to a number field, only number ones.
		await pickOption(page, parameter(filter, 'field'), 'Referring Domain');
		const textOperators = await pickOption(
			page,
			parameter(filter, 'operator'),
			'Like, % as Wildcard (like)',
		);
		expect(textOperators).not.toContain('Greater Than (>)');
		await pickOption(page, parameter(filter, 'field'), 'Backlinks');
		const numberOperators = await pickOption(
			page,
			parameter(filter, 'operator'),
			'Greater Than (>)',
		);
		expect(numberOperators).toEqual(expect.arrayContaining(['Less Than (<)', 'Is One Of (in)']));
		expect(numberOperators).not.toContain('Like, % as Wildcard (like)');
		await parameter(filter, 'value').locator('input').fill('10');

		await ndv.getByRole('button', { name: 'Add Sort Rule' }).click();
		const sort = ndv.getByTestId('fixed-collection-sortBuilder');
		await pickOption(page, parameter(sort, 'field'), 'Backlinks');
		await pickOption(page, parameter(sort, 'direction'), 'Descending (Highest First)');
		await page.getByRole('option').first().waitFor({ state: 'hidden' });
		await ndv.getByTestId('parameter-input-targets').scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(ARTIFACTS, 'parameters.png') });
		lap('fill competitors, build the filter and the sort');

		// Options: the link-gap choices, each only where it acts; API settings under Advanced.
		const options = await collectionOptions(page, ndv, 0, ARTIFACTS, 'options.png');
		expect(options).toEqual([
			'Match Mode',
			'Only New Since Last Run',
			'Prospect Score',
			'Skip Platforms',
			'Linking Pages',
			'Max Cost (USD)',
			'Backlinks Status',
			'Include Subdomains',
			'Include Indirect Links',
			'Exclude Internal Backlinks',
			'Sites Linking To',
			'Backlinks Filters',
			'Backlinks Filters Must Match',
			'Include Input Fields',
		]);
		expect(await collectionOptions(page, ndv, 1, ARTIFACTS, 'advanced.png')).toEqual([
			'Offset',
			'Internal List Limit',
			'Rank Scale',
			'Tag',
			'Filters (JSON)',
			'Sort (JSON)',
			'Backlinks Filters (JSON)',
			'Max Retries',
			'Retry Delay (Ms)',
			'Timeout (Ms)',
			'Concurrency',
			'Requests per Minute',
		]);
		// Minimum Matches acts only with At Least: offered once Match Mode is At Least.
		await addOption(page, ndv, 0, 'Match Mode');
		await pickOption(page, parameter(ndv, 'matchMode'), 'At Least Some Competitors');
		const atLeast = await collectionOptions(page, ndv, 0, ARTIFACTS, 'options-at-least.png');
		expect(atLeast).toEqual(
			expect.arrayContaining(['Minimum Matches', 'Max Competitor Combinations']),
		);
		await pickOption(page, parameter(ndv, 'matchMode'), 'All Competitors');
		const all = await collectionOptions(page, ndv, 0, ARTIFACTS, 'options-all.png');
		expect(all).not.toContain('Minimum Matches');
		expect(all).not.toContain('Max Competitor Combinations');
		// Empty JSON options are not errors, and (below) the request stays the same.
		for (const name of ['Filters (JSON)', 'Sort (JSON)', 'Backlinks Filters (JSON)'])
			await addOption(page, ndv, 1, name);
		await parameter(ndv, 'backlinksFiltersJson').waitFor();
		await parameter(ndv, 'backlinksFiltersJson').scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(ARTIFACTS, 'json-options.png') });
		expect(await ndv.getByText('Unexpected end of JSON input').count()).toBe(0);
		expect(await ndv.getByText(/not valid JSON|Invalid JSON/i).count()).toBe(0);
		lap('options: lists, Match Mode, JSON options');

		await ndv.getByTestId('node-execute-button').click();
		const hint = await runHint(ndv);
		// Key Metrics, the default: each metric side by side for both competitors, nothing hidden.
		expect(await tableHeaders(ndv)).toEqual(flatColumns(2, 'key'));
		expect(await ndv.getByText('Some columns are hidden').count()).toBe(0);
		await tableReadsAtAGlance(ndv);
		await page.screenshot({ path: join(ARTIFACTS, 'output.png') });
		await tableScreenshot(page, ndv, join(ARTIFACTS, 'output-table.png'));
		lap('execute and show the rows');

		const sent = (await sim.log()).filter((entry) => entry.path === LIVE);
		expect(sent.map((entry) => (entry.body as unknown[])[0])).toEqual([
			{
				targets: { '1': 'moz.com', '2': 'ahrefs.com' },
				exclude_targets: ['semrush.com'],
				filters: ['1.backlinks', '>', 10],
				order_by: ['1.backlinks,desc', '1.target,asc'],
				limit: 50,
			},
		]);
		// A sentence: how many of how many, the request, and whose cost it is.
		expect(hint).toBe(await expectedDocsHint(sim));

		// Return All at its defaults, then Execute step again, which sends that output back.
		const twice = await returnAllTwice(page, ndv, sim, runs, ARTIFACTS);
		expect(twice.maxResultsValue).toBe(String(MAX_RESULTS_DEFAULT));
		expect(twice.maxResultsHint).toBe(
			'About $0.05 per 1,000 rows on the live API, e.g. $0.50 for 10,000',
		);
		// n8n's refusal would be a toast "Problem running workflow … (Existing execution data is too large.)".
		expect(twice.toasts.filter((toast) => /problem|too large/i.test(toast))).toEqual([]);
		expect(twice.sent.map((run) => run.status)).toEqual([200, 200]);
		// The second run carried the first one's rows, well under n8n's limit.
		expect(twice.sent[1].bytes).toBeGreaterThan(MAX_RESULTS_DEFAULT * 100);
		expect(twice.sent[1].bytes).toBeLessThan(EDITOR_LIMIT_BYTES / 2);
		expect(twice.rows).toBe(`${MAX_RESULTS_DEFAULT} items`);
		for (const text of twice.hints)
			expect(text).toMatch(
				/^Showing the first 1,500 of [\d,]+ referring domains, 2 requests, \$0\.\d\d simulated: your credential points to a local test server, not DataForSEO\. Max Results stopped moz\.com, ahrefs\.com at 1,500: to get the other [\d,]+, raise Max Results \(0 means no cap\), for about \$\d+\.\d\d more\. In the columns, competitor1 is moz\.com and competitor2 is ahrefs\.com\.$/,
			);
		lap('Return All at the defaults, then Execute step again');

		await ndv.getByTestId('ndv-close-button').click();
		await page.getByText('Link gap: moz.com, ahrefs.com').first().waitFor();
		lap('close the panel');

		expect(local.log.pageErrors).toEqual([]);
		expect(nodeConsoleErrors(local.log)).toEqual([]);
	}
});
