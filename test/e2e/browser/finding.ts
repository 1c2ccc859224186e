import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

/**
 * Types `search` into the open node creator and returns the titles it lists, after the node
 * named `expected` shows (or the deadline passes: then the list says what was found instead).
 */
export async function searchCreator(
	page: Page,
	search: string,
	expected: string,
	screenshot: string,
): Promise<string[]> {
	await page.getByTestId('node-creator-search-bar').fill(search);
	const items = page.getByTestId('item-iterator-item');
	await items
		.filter({ hasText: expected })
		.first()
		.waitFor({ timeout: 10_000 })
		.catch(() => undefined);
	await page.screenshot({ path: screenshot });
	return (await items.allInnerTexts()).map((text) => text.trim().split('\n')[0]);
}

/** The node creator opened from the AI Agent's "Tool" connector: the tools panel. */
export async function openToolPanel(page: Page, agentName: string): Promise<void> {
	const handle = page.locator(
		`[data-test-id="canvas-node-input-handle"][data-connection-type="ai_tool"][data-node-name="${agentName}"]`,
	);
	await handle.getByTestId('canvas-handle-plus').first().click();
	await page.getByTestId('node-creator-search-bar').waitFor();
}

/** The Add Option buttons of the node's collections, in panel order: Options, then Advanced. */
function addButton(ndv: Locator, collection: number): Locator {
	return ndv.getByTestId('collection-parameter-add').nth(collection);
}

/** The names a collection's "Add …" list offers, in order. */
export async function collectionOptions(
	page: Page,
	ndv: Locator,
	collection: number,
	artifacts: string,
	screenshot: string,
): Promise<string[]> {
	await addButton(ndv, collection).click();
	const options = page.getByTestId('collection-parameter-option');
	await options.filter({ visible: true }).first().waitFor();
	await page.screenshot({ path: join(artifacts, screenshot) });
	// The other collection's list stays in the page, hidden: only the open one counts.
	const names = (await options.filter({ visible: true }).allInnerTexts()).map((name) =>
		name.trim(),
	);
	await page.keyboard.press('Escape');
	await options.filter({ visible: true }).first().waitFor({ state: 'hidden' });
	return names;
}

/** Adds one option of a collection by its name. */
export async function addOption(
	page: Page,
	ndv: Locator,
	collection: number,
	name: string,
): Promise<void> {
	await addButton(ndv, collection).click();
	await page
		.getByTestId('collection-parameter-option')
		.filter({ hasText: name, visible: true })
		.first()
		.click();
}
