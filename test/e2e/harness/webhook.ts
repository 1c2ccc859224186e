export interface WebhookAnswer {
	readonly status: number;
	readonly text: string;
	/** The body parsed as JSON, undefined when it is not JSON. */
	readonly json: unknown;
}

export interface WebhookCallOptions {
	/** How long a 404 ("not registered") is retried: n8n registers webhooks after it is ready. */
	readonly registrationTimeoutMs?: number;
	/** How long one call may take (the workflow runs before n8n answers). */
	readonly timeoutMs?: number;
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * GET on a production webhook (`<n8n>/webhook/<path>?query`). Retries while n8n answers 404
 * because the webhook is not registered yet, so the first call that is not a 404 is the only
 * execution it starts.
 */
export async function callWebhook(
	baseUrl: string,
	path: string,
	query: Record<string, string> = {},
	options: WebhookCallOptions = {},
): Promise<WebhookAnswer> {
	const url = `${baseUrl}/webhook/${path}?${new URLSearchParams(query).toString()}`;
	const deadline = Date.now() + (options.registrationTimeoutMs ?? 60_000);
	for (;;) {
		const response = await fetch(url, {
			signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
		});
		const text = await response.text();
		if (response.status !== 404 || Date.now() > deadline)
			return { status: response.status, text, json: parse(text) };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The items of a "respond with all entries of the last node" answer; throws on anything else. */
export function answerItems(answer: WebhookAnswer): Array<Record<string, unknown>> {
	if (answer.status !== 200 || !Array.isArray(answer.json))
		throw new Error(`webhook answered ${answer.status}: ${answer.text.slice(0, 500)}`);
	return answer.json as Array<Record<string, unknown>>;
}

/**
 * One message to a public Chat Trigger's production webhook (`<n8n>/webhook/<webhookId>/chat`),
 * as n8n's embedded chat widget sends it. Retries while n8n answers 404 (not registered yet).
 */
export async function sendChatMessage(
	baseUrl: string,
	webhookId: string,
	chatInput: string,
	options: WebhookCallOptions & { readonly sessionId?: string } = {},
): Promise<WebhookAnswer> {
	const url = `${baseUrl}/webhook/${webhookId}/chat`;
	const body = JSON.stringify({
		action: 'sendMessage',
		sessionId: options.sessionId ?? `e2e-${webhookId}`,
		chatInput,
	});
	const deadline = Date.now() + (options.registrationTimeoutMs ?? 60_000);
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
		});
		const text = await response.text();
		if (response.status !== 404 || Date.now() > deadline)
			return { status: response.status, text, json: parse(text) };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
