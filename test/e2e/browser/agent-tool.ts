import type { Page } from 'playwright-core';

/** What the editor shows and saves for the tool node after "let the model define". */
export interface ToolInEditor {
	/** The tool node's parameters in the workflow the editor saved. */
	readonly saved: Record<string, unknown>;
	/** Values the parameter panel showed before anything was changed. */
	readonly shown: { limit: string; outputFormat: string; description: string };
}

/**
 * Opens an imported workflow, double-clicks the tool node, clicks "Let the model define this
 * parameter" (✨) on each of `parameters`, closes the panel and saves with Ctrl+S. The saved
 * workflow is read from the editor's own save request.
 */
export async function letTheModelDefine(
	page: Page,
	baseUrl: string,
	workflowId: string,
	nodeName: string,
	parameters: readonly string[],
): Promise<ToolInEditor> {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	const node = page.getByTestId('canvas-node').filter({ hasText: nodeName }).first();
	await node.waitFor();
	const ndv = page.getByTestId('ndv');
	// The canvas fades in; a double-click during that is lost, so try again until the panel opens.
	for (let attempt = 1; ; attempt++) {
		await node.dblclick();
		try {
			await ndv.waitFor({ timeout: 10_000 });
			break;
		} catch (error) {
			if (attempt === 5) throw error;
		}
	}
	const input = (name: string) => ndv.getByTestId(`parameter-input-${name}`);
	const shown = {
		limit: await input('limit').locator('input').inputValue(),
		outputFormat: await input('outputFormat').locator('input').inputValue(),
		description: await input('toolDescription').locator('textarea').inputValue(),
	};
	const overrides = ndv.getByTestId('fromAI-override-field');
	for (const [index, name] of parameters.entries()) {
		// `has` takes a locator relative to the item, i.e. one rooted at the page.
		const inItem = page.getByTestId(`parameter-input-${name}`);
		const item = ndv.getByTestId('parameter-item').filter({ has: inItem });
		await item.getByTestId('from-ai-override-button').first().click();
		// The input gives way to the "defined automatically by the model" panel.
		await overrides.nth(index).waitFor();
	}
	await ndv.getByTestId('ndv-close-button').click();
	await ndv.waitFor({ state: 'hidden' });
	const save = page.waitForRequest(
		(request) =>
			request.method() === 'PATCH' &&
			new URL(request.url()).pathname === `/rest/workflows/${workflowId}`,
	);
	await page.keyboard.press('Control+s');
	const body = (await save).postDataJSON() as {
		nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
	};
	const saved = body.nodes.find((candidate) => candidate.name === nodeName)?.parameters ?? {};
	return { saved, shown };
}
