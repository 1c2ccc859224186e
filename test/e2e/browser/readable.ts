/**
 * What a non-developer reads in the editor (issue 13), checked in the browser: the Competitors
 * tooltip, the order of Options, the default columns, the run hint, and a Return All at the
 * defaults followed by Execute step, which must not meet n8n's "Existing execution data is too
 * large". Each step leaves a screenshot in the artifacts folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { EDITOR_LIMIT_BYTES } from '../../../nodes/DataForSeoDomainIntersection/output/runHint';
import type { RunningSimulator } from '../harness/simulator';
import { until } from '../harness/until';
import { intersectionTasks, totalCount } from '../suite/sim-oracle';
import { parameter } from './editor';

const n = (value: number) => value.toLocaleString('en-US');
const SIMULATED = 'simulated: your credential points to a local test server, not DataForSEO.';
const COLUMNS = 'In the columns, competitor1 is moz.com and competitor2 is ahrefs.com.';

/** The run hint the node wrote above the output table. */
export async function runHint(ndv: Locator): Promise<string> {
	const hints = ndv.getByTestId('output-panel').getByTestId('run-data-hints');
	await hints
		.getByText(/referring domain/)
		.first()
		.waitFor();
	return (
		await hints
			.getByText(/referring domain/)
			.first()
			.innerText()
	).trim();
}

/** The Competitors tooltip: an expression that works when copied ($json, not $JSON). */
export async function competitorsTooltip(page: Page, ndv: Locator, artifacts: string) {
	const item = parameter(ndv, 'targets').locator(
		'xpath=ancestor::*[@data-test-id="parameter-item"][1]',
	);
	await item.locator('label').first().hover();
	await item.locator('label [data-icon="circle-help"]').first().hover();
	const tip = page.getByText(/An expression may also return a list/).first();
	await tip.waitFor();
	const text = await tip.innerText();
	await page.screenshot({ path: join(artifacts, 'competitors-tooltip.png') });
	await page.mouse.move(0, 0);
	return text;
}

/** The column headers of the output table, left to right. */
export async function tableHeaders(ndv: Locator): Promise<string[]> {
	const output = ndv.getByTestId('output-panel');
	await output.getByText('referring_domain', { exact: true }).first().waitFor();
	return (await output.locator('table thead th').allInnerTexts())
		.map((text) => text.trim())
		.filter((text) => text.length > 0);
}

/**
 * The output table as the README shows it: the parameter panel dragged to the left so that all
 * Key Metrics columns of two competitors fit, then only the output panel, without toasts.
 */
export async function tableScreenshot(page: Page, ndv: Locator, path: string): Promise<void> {
	const size = page.viewportSize();
	await page.setViewportSize({ width: 3300, height: 640 });
	await closeToasts(page);
	const handle = ndv.getByTestId('panel-drag-button');
	const box = await handle.boundingBox();
	if (box) {
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(40, box.y + box.height / 2, { steps: 10 });
		await page.mouse.up();
	}
	const output = ndv.getByTestId('output-panel');
	await output.getByText('referring_domain', { exact: true }).first().waitFor();
	await output.screenshot({ path });
	if (size) await page.setViewportSize(size);
}

export interface RunRequest {
	status: number;
	bytes: number;
	executionId?: string;
}

/** Sizes and answers of the editor's "run" requests, which carry the earlier output back. */
export function watchRuns(page: Page): RunRequest[] {
	const runs: RunRequest[] = [];
	page.on('response', async (response) => {
		const request = response.request();
		if (request.method() !== 'POST' || !/\/rest\/workflows\/[^/]+\/run$/.test(request.url()))
			return;
		const run: RunRequest = {
			status: response.status(),
			bytes: Buffer.byteLength(request.postData() ?? ''),
		};
		const body = (await response.json().catch(() => undefined)) as
			| { data?: { executionId?: string } }
			| undefined;
		run.executionId = body?.data?.executionId;
		runs.push(run);
	});
	return runs;
}

/**
 * The hint of the docs example's run: 50 of all rows, one request, its simulated cost, and which
 * competitor each column is about.
 */
export async function expectedDocsHint(sim: RunningSimulator): Promise<string> {
	const log = await sim.log();
	const [task] = intersectionTasks(log);
	const cost = log.reduce((sum, entry) => sum + entry.cost, 0);
	const { limit: _limit, ...all } = task;
	const total = await totalCount(sim, all);
	return `50 of ${n(total)} referring domains, 1 request, $${cost.toFixed(2)} ${SIMULATED} ${COLUMNS}`;
}

/** Waits for the editor's next run request and, if n8n took it, for that execution to end. */
async function runEnded(page: Page, runs: RunRequest[], index: number): Promise<RunRequest> {
	const run = await until(`run request ${index + 1}`, async () => runs[index]);
	if (run.status !== 200 || !run.executionId) return run;
	const url = `${new URL(page.url()).origin}/rest/executions/${run.executionId}`;
	await until(`execution ${run.executionId} to end`, async () => {
		// As the editor asks: its session cookie is bound to the browser-id it sends.
		const body = (await page.evaluate(
			`fetch(${JSON.stringify(url)}, { headers: { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' } }).then((r) => r.json())`,
		)) as { data?: { finished?: boolean; status?: string } };
		const status = body.data?.status;
		return body.data?.finished || (status && !['new', 'running', 'waiting'].includes(status))
			? true
			: undefined;
	});
	return run;
}

/**
 * Return All at its defaults, run, then Execute step again: the second run sends the first's
 * output back to n8n, which refuses more than 16 MB. Returns what the hint said each time, the
 * run requests and every toast seen.
 */
export async function returnAllTwice(
	page: Page,
	ndv: Locator,
	sim: RunningSimulator,
	runs: RunRequest[],
	artifacts: string,
) {
	await parameter(ndv, 'returnAll').locator('[role="switch"], .el-switch').first().click();
	const maxResults = parameter(ndv, 'maxResults');
	await maxResults.waitFor();
	const maxResultsValue = await maxResults.locator('input').inputValue();
	const maxResultsHint = (
		await maxResults
			.locator('xpath=ancestor::*[@data-test-id="parameter-item"][1]')
			.getByText(/per 1,000 rows/)
			.innerText()
	).trim();
	await sim.reset();
	const before = runs.length;
	const hints: string[] = [];
	const toasts: string[] = [];
	const rows = ndv
		.getByTestId('output-panel')
		.getByText(/^[\d,]+ items$/)
		.first();
	for (let attempt = 0; attempt < 2; attempt++) {
		await ndv.getByTestId('node-execute-button').click();
		await runEnded(page, runs, before + attempt);
		await rows.waitFor();
		hints.push(await runHint(ndv));
		toasts.push(...(await page.locator('.el-notification').allInnerTexts()));
	}
	await page.screenshot({ path: join(artifacts, 'return-all-twice.png') });
	const sent = runs.slice(before);
	writeFileSync(
		join(artifacts, 'execute-step.json'),
		`${JSON.stringify({ limitBytes: EDITOR_LIMIT_BYTES, runs: sent, toasts }, null, '\t')}\n`,
	);
	return { maxResultsValue, maxResultsHint, hints, toasts, sent, rows: await rows.innerText() };
}

/** Closes the toasts on screen, e.g. before a screenshot. */
async function closeToasts(page: Page): Promise<void> {
	const toasts = page.locator('.el-notification');
	for (let count = await toasts.count(); count > 0; count = await toasts.count()) {
		await toasts.first().locator('.el-notification__closeBtn').click();
		await page.waitForFunction(`document.querySelectorAll('.el-notification').length < ${count}`);
	}
}
