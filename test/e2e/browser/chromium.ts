import { existsSync } from 'node:fs';

import {
	chromium,
	selectors,
	type Browser,
	type BrowserContext,
	type ConsoleMessage,
} from 'playwright-core';

/** Debian's chromium package; `npx playwright install` cannot download a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const LAUNCH_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** What the page said while the test ran, kept to fail on and to explain failures. */
export interface PageLog {
	pageErrors: string[];
	consoleErrors: Array<{ text: string; url: string }>;
	/** Requests that would have left 127.0.0.1, aborted. */
	blocked: string[];
}

export interface LocalBrowser {
	browser: Browser;
	context: BrowserContext;
	log: PageLog;
	close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, where every request not to 127.0.0.1 is aborted, and
 * `getByTestId` reads n8n's `data-test-id`.
 */
export async function launchLocalBrowser(): Promise<LocalBrowser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
		);
	}
	selectors.setTestIdAttribute('data-test-id');
	// launch() without a user data dir starts from a new temporary profile each time.
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: LAUNCH_ARGS,
		headless: true,
	});
	// Tall enough that the screenshots show the whole parameter panel.
	// Service workers would fetch outside context.route(); n8n does not need them.
	const context = await browser.newContext({
		viewport: { width: 1440, height: 1600 },
		serviceWorkers: 'block',
	});
	const log: PageLog = { pageErrors: [], consoleErrors: [], blocked: [] };
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (new URL(url).hostname === '127.0.0.1') return route.continue();
		log.blocked.push(url);
		return route.abort('blockedbyclient');
	});
	context.on('page', (page) => {
		page.on('pageerror', (error) => log.pageErrors.push(error.stack ?? error.message));
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() === 'error')
				log.consoleErrors.push({ text: message.text(), url: message.location().url });
		});
	});
	return {
		browser,
		context,
		log,
		close: async () => {
			await context.close().catch(() => undefined);
			await browser.close();
		},
	};
}

const NODE_MARKERS = /dataforseo|domain.?intersection|dynamic-node-parameters|loadOptions/i;

/**
 * Console errors that come from this node: they name it, its package or the loadOptions route.
 * The editor also asks the public npm registry about the community package; that request is
 * blocked here, and its two errors are expected.
 */
export function nodeConsoleErrors(log: PageLog): PageLog['consoleErrors'] {
	return log.consoleErrors.filter(({ text, url }) => {
		if (/registry\.npmjs\.org/.test(url) || /ERR_BLOCKED_BY_CLIENT/.test(text)) return false;
		return NODE_MARKERS.test(text) || NODE_MARKERS.test(url);
	});
}
