/** A local-only editor login for `npm run dev` (the n8n instance listens on 127.0.0.1 only). */
export const DEV_OWNER = {
	email: 'dev@example.com',
	firstName: 'Dev',
	lastName: 'Local',
	password: 'LocalDev1234',
} as const;

export type OwnerSetup = 'created' | 'exists';

/** Creates the instance owner through n8n's REST API so the editor skips its setup form. */
export async function ensureOwner(baseUrl: string): Promise<OwnerSetup> {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEV_OWNER),
	});
	if (response.ok) return 'created';
	const text = await response.text();
	if (response.status === 400 && /already/i.test(text)) return 'exists';
	throw new Error(`owner setup answered ${response.status}: ${text.slice(0, 300)}`);
}
