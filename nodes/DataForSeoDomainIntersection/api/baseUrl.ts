import {
	DataForSeoBasicAuthApi,
	LIVE_BASE_URL,
	SANDBOX_BASE_URL,
} from '../../../credentials/DataForSeoBasicAuthApi.credentials';
import { InputError } from '../request/inputError';

const baseUrlField = new DataForSeoBasicAuthApi().properties.find((p) => p.name === 'baseUrl');
const FIELD = `Credential > ${baseUrlField?.displayName} (baseUrl)`;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Where requests go, from the credential's environment. Plain http only to this machine. */
export function resolveBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	if (credentials.environment === 'sandbox') return SANDBOX_BASE_URL;
	if (credentials.environment !== 'custom') return LIVE_BASE_URL;
	const text = String(credentials.baseUrl ?? '').trim();
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) {
		throw new InputError(FIELD, `"${text}" is not a URL. Write it like https://proxy.example.com.`);
	}
	if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
		throw new InputError(
			FIELD,
			`plain http:// would send your DataForSEO password unencrypted to ${url.hostname}. Use https://, or http:// only for this machine (127.0.0.1 or localhost).`,
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new InputError(FIELD, `"${text}" must start with https://.`);
	}
	return text.replace(/\/+$/, '');
}
