const AUTH_HEADER = /(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi;

/** Masks secrets and Authorization header values before text is printed or attached to an error. */
export function redact(text: string, secrets: readonly string[] = []): string {
	let out = text.replace(AUTH_HEADER, '$1$2 ***');
	for (const secret of secrets) {
		if (secret.length < 4) continue;
		out = out.split(secret).join('***');
		const encoded = Buffer.from(secret).toString('base64');
		out = out.split(encoded).join('***');
	}
	return out;
}
