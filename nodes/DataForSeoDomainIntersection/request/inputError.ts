/**
 * A problem with what the user typed, found before anything is sent.
 * Kept free of n8n types so validation stays a pure, unit-testable step;
 * the node turns it into a NodeOperationError with the item index.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(`${field}: ${message}`);
		this.name = 'InputError';
	}
}

/** Short, single-line rendering of a user value for error messages. */
export function show(value: unknown): string {
	// JSON would write NaN and Infinity as null.
	const text =
		typeof value === 'number' && !Number.isFinite(value)
			? String(value)
			: (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
