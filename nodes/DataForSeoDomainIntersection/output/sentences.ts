import type { IntersectionRequest } from '../request/task';

const ENDED = /[.!?]["”’)]*$/;

/** Text as a sentence of its own: a capital first letter and a full stop at the end. */
export function asSentence(text: string): string {
	const trimmed = text.trim();
	if (trimmed === '') return '';
	const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
	return ENDED.test(capital) ? capital : `${capital}.`;
}

/**
 * Notes on how input was read, e.g. `"https://moz.com" was read as the domain moz.com`: the
 * ones without an ending are listed in one sentence, separated by semicolons; whole sentences
 * stay as they are.
 */
export function notesText(notes: Iterable<string>): string[] {
	const whole: string[] = [];
	const parts: string[] = [];
	for (const note of notes) {
		const trimmed = note.trim();
		if (trimmed === '') continue;
		if (ENDED.test(trimmed)) whole.push(asSentence(trimmed));
		else parts.push(trimmed);
	}
	return parts.length > 0 ? [...whole, asSentence(parts.join('; '))] : whole;
}

/** "a, b and c". */
function listed(items: string[]): string {
	return items.length < 2
		? items.join('')
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Which competitor each `competitor{n}` column is about, when the rows leave the names out
 * (Key Metrics with a typed list of competitors): "In the columns, competitor1 is moz.com and
 * competitor2 is ahrefs.com." A list differs per item only through an expression, and then
 * the rows name the competitors themselves.
 */
export function competitorColumnsText(requests: readonly IntersectionRequest[]): string {
	const unnamed = requests.filter(
		(request) =>
			request.outputFormat === 'flat' && request.columns === 'key' && !request.competitorsVary,
	);
	const lists = new Set(unnamed.map((request) => JSON.stringify(request.targets)));
	if (lists.size !== 1) return '';
	const [targets] = unnamed.map((request) => request.targets);
	const named = targets.map((target, index) => `competitor${index + 1} is ${target}`);
	return `In the columns, ${listed(named)}.`;
}
