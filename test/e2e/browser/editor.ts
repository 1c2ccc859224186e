import type { Locator, Page } from 'playwright-core';

/** The instance owner the browser test creates and signs in as (n8n on 127.0.0.1 only). */
export const OWNER = {
	email: 'browser-test@example.com',
	firstName: 'Browser',
	lastName: 'Test',
	password: 'BrowserTest1234',
} as const;

/** POST /rest/owner/setup: a fresh n8n has no user, and the editor would show its setup form. */
export async function setupOwner(baseUrl: string): Promise<void> {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok)
		throw new Error(`owner setup: HTTP ${response.status} ${await response.text()}`);
}

export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** /workflow/new redirects to /workflow/<id>?new=true once the editor has made the workflow. */
export async function openNewWorkflow(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.waitForURL((url) => /^\/workflow\/(?!new$)[^/]+$/.test(url.pathname));
	await page.getByTestId('node-creator-plus-button').waitFor();
}

/** Node creator -> search -> the node; a community node first shows its details panel. */
export async function addNodeFromCreator(
	page: Page,
	search: string,
	name: string,
): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	await page.getByTestId('item-iterator-item').filter({ hasText: name }).first().click();
	await page.getByRole('button', { name: 'Add to workflow' }).click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

/**
 * A parameter's input by name. The container is a div: a parameter named "field" would otherwise
 * also match the <input data-test-id="parameter-input-field"> inside every other parameter.
 */
export function parameter(scope: Locator, name: string): Locator {
	return scope.locator(`div[data-test-id="parameter-input-${name}"]`);
}

const LOAD_OPTIONS = '/rest/dynamic-node-parameters/';
const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's loadOptions requests, so a pick can wait until the lists have settled. */
export function trackLoadOptions(page: Page): void {
	const pending = new Set<unknown>();
	inFlight.set(page, pending);
	page.on('request', (request) => {
		if (request.url().includes(LOAD_OPTIONS)) pending.add(request);
	});
	page.on('requestfinished', (request) => pending.delete(request));
	page.on('requestfailed', (request) => pending.delete(request));
}

async function loadOptionsSettled(page: Page): Promise<void> {
	const pending = inFlight.get(page);
	if (!pending) return;
	for (let quiet = 0; quiet < 3; ) {
		quiet = pending.size === 0 ? quiet + 1 : 0;
		await page.waitForTimeout(100);
	}
}

/**
 * Opens a dropdown parameter and clicks the option whose title is exactly `title`.
 * Returns the titles that were offered (loadOptions lists arrive before the option shows).
 */
export async function pickOption(page: Page, select: Locator, title: string): Promise<string[]> {
	const options = page.getByRole('option');
	const option = options.filter({ has: page.getByText(title, { exact: true }) }).first();
	const offered = async () =>
		(
			await options.evaluateAll((items) =>
				items.map(
					(item) => item.querySelector('.option-headline')?.textContent ?? item.textContent ?? '',
				),
			)
		).map((text) => text.trim());
	// A list that depends on another parameter reloads, and re-renders, after that one changes;
	// a click that lands then is lost, so wait for the lists to settle and open it again if needed.
	for (let attempt = 1; ; attempt++) {
		await loadOptionsSettled(page);
		await select.click();
		try {
			await option.waitFor({ timeout: 2_000 });
			break;
		} catch {
			if (attempt === 5) {
				throw new Error(
					`"${title}" was not offered; the open list had: ${JSON.stringify(await offered())}`,
				);
			}
			await page.keyboard.press('Escape');
		}
	}
	const titles = await offered();
	await option.click();
	return titles;
}

export interface CustomCredential {
	login: string;
	password: string;
	baseUrl: string;
}

/**
 * Creates the credential from the parameter panel. The modal closes itself after saving, so the
 * save is awaited on `POST /rest/credentials`, not on a label.
 */
export async function createCredential(
	page: Page,
	ndv: Locator,
	data: CustomCredential,
): Promise<void> {
	const empty = ndv.getByTestId('node-credentials-empty-state');
	if (await empty.isVisible()) {
		await empty.click();
	} else {
		await ndv.getByTestId('node-credentials-select').click();
		await page.getByTestId('node-credentials-select-item-new').click();
	}
	const modal = page.getByTestId('editCredential-modal');
	await modal.waitFor();
	await modal.getByTestId('parameter-input-login').locator('input').fill(data.login);
	await modal.getByTestId('parameter-input-password').locator('input').fill(data.password);
	await pickOption(page, modal.getByTestId('parameter-input-environment'), 'Custom URL');
	await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(data.baseUrl);
	const saved = page.waitForResponse(
		(response) =>
			response.request().method() === 'POST' &&
			new URL(response.url()).pathname === '/rest/credentials',
	);
	await modal.getByTestId('credential-save-button').click();
	const response = await saved;
	if (!response.ok()) throw new Error(`saving the credential: HTTP ${response.status()}`);
	await modal.waitFor({ state: 'hidden' });
}
