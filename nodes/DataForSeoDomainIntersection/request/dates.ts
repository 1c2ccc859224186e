/** DataForSEO's own date forms, sent as they are: 2024-01-31, or with time and offset. */
const API_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?( [+-]\d{2}:\d{2})?)?$/;
/** ISO 8601 with a time, as `$now.toISO()` and most tools write it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment in DataForSEO's form, in UTC: 2024-01-31 00:00:00 +00:00. */
function apiForm(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +00:00`;
}

/** n8n's DateTime values (Luxon) and JavaScript dates, without depending on Luxon. */
function asDate(value: unknown): Date | undefined {
	if (value instanceof Date) return value;
	const luxon = value as { toJSDate?: () => Date; isValid?: boolean } | null;
	if (luxon && typeof luxon.toJSDate === 'function' && luxon.isValid !== false)
		return luxon.toJSDate();
	return undefined;
}

/**
 * A date value for a filter, in a form DataForSEO accepts, or undefined when it is not a date.
 * Accepts the API's own forms, ISO 8601 text and n8n DateTime values, so
 * `{{ $now.minus({days: 7}) }}` works as typed.
 */
export function toApiDate(value: unknown): string | undefined {
	const date = asDate(value);
	if (date) return Number.isNaN(date.getTime()) ? undefined : apiForm(date);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (API_DATE.test(text)) return text;
	if (!ISO_DATE_TIME.test(text)) return undefined;
	// No zone written means UTC here: the server's local zone would be a guess.
	const parsed = new Date(/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text) ? text : `${text}Z`);
	return Number.isNaN(parsed.getTime()) ? undefined : apiForm(parsed);
}
