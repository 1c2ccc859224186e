/**
 * Dates for filters. DataForSEO documents one form, UTC: "2024-01-31 00:00:00 +00:00", and also
 * takes a bare date. People and expressions write ISO 8601, other offsets and typos, so every
 * form is read into its parts, checked against the calendar, and sent in the documented form.
 */
const API_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?(?: ?(Z|[+-]\d{2}(?::?\d{2})?))?)?$/i;
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Text that is meant as a date: a JSON filter value of this shape is checked like one. */
const DATE_SHAPED = /^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\S.*)?$/;

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

/** Minutes east of UTC for "Z", "+05", "+0530" or "+05:30"; undefined past ±14:00. */
function offsetMinutes(zone: string | undefined): number | undefined {
	if (zone === undefined || /^z$/i.test(zone)) return 0;
	const [, sign, hours, minutes = '00'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) ?? [];
	const total = Number(hours) * 60 + Number(minutes);
	if (Number(minutes) > 59 || total > 14 * 60) return undefined;
	return sign === '-' ? -total : total;
}

/**
 * The moment the parts name, or undefined when they name none (a 13th month, 30 February,
 * 25:61). No zone written means UTC: the server's local zone would be a guess.
 */
function moment(parts: string[]): Date | undefined {
	const [year, month, day, hour = 0, minute = 0, second = 0] = parts
		.slice(1, 7)
		.map((part) => (part === undefined ? undefined : Number(part))) as number[];
	const offset = offsetMinutes(parts[7]);
	if (offset === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
	return new Date(utc - offset * 60_000);
}

/**
 * A date value for a filter in DataForSEO's form, or undefined when it is not a real date.
 * Accepts the API's own forms, ISO 8601 text and n8n DateTime values, so
 * `{{ $now.minus({days: 7}) }}` works as typed. A bare date stays a date; anything with a time
 * is sent in UTC.
 */
export function toApiDate(value: unknown): string | undefined {
	const date = asDate(value);
	if (date) return Number.isNaN(date.getTime()) ? undefined : apiForm(date);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const parts = API_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
	if (!parts) return undefined;
	const when = moment(parts);
	if (!when) return undefined;
	return parts[4] === undefined ? text : apiForm(when);
}

/** Whether text looks meant as a date, so that a wrong one is refused rather than sent. */
export function isDateShaped(value: unknown): value is string {
	return typeof value === 'string' && DATE_SHAPED.test(value.trim());
}
