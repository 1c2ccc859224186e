/**
 * Issue 23, "the output table": the default table as a newcomer first sees it, in a window of
 * 1440×757. Which column headers are in sight without scrolling, which hints stand above the
 * table, and the screenshot the README shows (docs/output-key-metrics.png is copied from it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

export const GLANCE = { width: 1440, height: 757 } as const;

export interface TableAtAGlance {
	/** Headers at least half inside the output panel, left to right. */
	inSight: string[];
	/** Every hint box above the table, as shown. */
	hints: string[];
}

/** Sizes the window to 1440×757, reads the output panel, screenshots it, restores the size. */
export async function tableAtAGlance(
	page: Page,
	ndv: Locator,
	artifacts: string,
): Promise<TableAtAGlance> {
	const size = page.viewportSize();
	await page.setViewportSize(GLANCE);
	const output = ndv.getByTestId('output-panel');
	await output.getByText('referring_domain', { exact: true }).first().waitFor();
	const panel = await output.boundingBox();
	if (!panel) throw new Error('the output panel is not shown');
	const inSight: string[] = [];
	for (const header of await output.locator('table thead th').all()) {
		const text = (await header.innerText()).trim();
		const box = await header.boundingBox();
		if (text && box && box.x + box.width / 2 <= panel.x + panel.width) inSight.push(text);
	}
	const hints = (
		await output.getByTestId('run-data-hints').getByTestId('node-hint').allInnerTexts()
	)
		.map((text) => text.trim())
		.filter(Boolean);
	await page.screenshot({ path: join(artifacts, 'output-key-metrics.png') });
	writeFileSync(
		join(artifacts, 'table-at-a-glance.json'),
		`${JSON.stringify({ window: GLANCE, inSight, hints }, null, '\t')}\n`,
	);
	if (size) await page.setViewportSize(size);
	return { inSight, hints };
}
