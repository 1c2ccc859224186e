import { InputError } from '../request/inputError';

export const LIVE_BASE_URL = 'https://api.dataforseo.com';
export const SANDBOX_BASE_URL = 'https://sandbox.dataforseo.com';
/** The credential's Base URL field label, written once for the credential and the messages. */
export const BASE_URL_LABEL = 'Base URL';

const FIELD = `Credential > ${BASE_URL_LABEL}`;

/**
 * The one rule for where the password may go: https:// anywhere, plain http:// only to this
 * machine, and then only as scheme, loopback host, optional port and a plain path (no user part,
 * query or other characters a URL parser could read as a different host). It is a pattern, not
 * URL parsing, because the credential's Test request applies it inside an n8n expression.
 */
const HTTPS = /^https:\/\//i;
/** This machine, as a host name: the only place plain http:// may go. */
const LOOPBACK_HOST = String.raw`(localhost|127(\.\d{1,3}){3}|\[::1\])`;
export const LOOPBACK = new RegExp(`^${LOOPBACK_HOST}$`, 'i');
const PLAIN_HTTP_TO_THIS_MACHINE = new RegExp(
	String.raw`^http:\/\/${LOOPBACK_HOST}(:\d{1,5})?(\/[\w.~%-]*)*$`,
	'i',
);

/** What the Test request is sent to when the rule refuses the Base URL: a scheme no HTTP client
 * supports, so the test fails before any connection is opened and nothing is sent anywhere. */
export const REFUSED_TEST_URL = 'refused-use-https:';

export function isAllowedBaseUrl(text: string): boolean {
	return HTTPS.test(text) || PLAIN_HTTP_TO_THIS_MACHINE.test(text);
}

/** Where requests go, from the credential's environment. Plain http only to this machine. */
export function resolveBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	if (credentials.environment === 'sandbox') return SANDBOX_BASE_URL;
	if (credentials.environment !== 'custom') return LIVE_BASE_URL;
	const text = String(credentials.baseUrl ?? '').trim();
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) {
		throw new InputError(FIELD, `"${text}" is not a URL. Write it like https://proxy.example.com.`);
	}
	if (url.protocol === 'http:' && !isAllowedBaseUrl(text)) {
		throw new InputError(
			FIELD,
			`plain http:// would send your DataForSEO password unencrypted to ${url.hostname}. Use https://, or http:// only for this machine, written as http://127.0.0.1:PORT or http://localhost:PORT.`,
		);
	}
	if (!isAllowedBaseUrl(text)) {
		throw new InputError(FIELD, `"${text}" must start with https://.`);
	}
	return text.replace(/\/+$/, '');
}

/**
 * The credential Test request's baseURL: n8n evaluates it as an expression, so the same rule is
 * written into it from the patterns above. A refused Base URL yields REFUSED_TEST_URL.
 */
export function testBaseUrlExpression(): string {
	const text = 'String($credentials.baseUrl).trim()';
	const custom = `(${HTTPS.toString()}.test(${text}) || ${PLAIN_HTTP_TO_THIS_MACHINE.toString()}.test(${text}) ? ${text}.replace(/\\/+$/, "") : "${REFUSED_TEST_URL}")`;
	const body = `$credentials.environment === "custom" ? ${custom} : $credentials.environment === "sandbox" ? "${SANDBOX_BASE_URL}" : "${LIVE_BASE_URL}"`;
	return `={{ ${body} }}`;
}
