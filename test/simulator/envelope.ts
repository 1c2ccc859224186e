// DataForSEO's response envelope and task objects, shaped like the docs' example response.
import { fnv1a, mix } from './hash';

export const API_VERSION = '0.1.20230825';

export const MESSAGES: Readonly<Record<number, string>> = {
	20000: 'Ok.',
	40000: 'You can set only one task at a time.',
	40100: 'You are not authorized to access this resource. Please check your login and password.',
	40200: 'Payment Required. Please, check your account balance.',
	40202: 'Rate-limit exceeded. Please contact support.',
	40203: 'Your daily limit of requests has been exceeded.',
	40400: 'Not Found.',
	40501: 'Invalid Field.',
	40503: 'POST Data Is Invalid.',
	42900: 'Too Many Requests.',
	50000: 'Internal Server Error.',
	50200: 'Bad Gateway.',
	50300: 'Service Unavailable.',
	50400: 'Gateway Timeout.',
};

export function messageFor(code: number): string {
	return MESSAGES[code] ?? `Error ${code}.`;
}

export interface TaskJson {
	id: string;
	status_code: number;
	status_message: string;
	time: string;
	cost: number;
	result_count: number;
	path: string[];
	data: Record<string, unknown>;
	result: unknown[] | null;
}

export interface EnvelopeJson {
	version: string;
	status_code: number;
	status_message: string;
	time: string;
	cost: number;
	tasks_count: number;
	tasks_error: number;
	tasks: TaskJson[];
}

export function round5(value: number): number {
	return Math.round(value * 1e5) / 1e5;
}

/** Live Backlinks pricing in the docs' example: 0.02 per request + 0.00003 per returned item. */
export function requestCost(items: number): number {
	return round5(0.02 + 0.00003 * items);
}

export function formatTime(ms: number): string {
	return `${(ms / 1000).toFixed(4)} sec.`;
}

export function envelope(
	statusCode: number,
	message: string,
	tasks: TaskJson[],
	time: string,
): EnvelopeJson {
	return {
		version: API_VERSION,
		status_code: statusCode,
		status_message: message,
		time,
		cost: round5(tasks.reduce((sum, t) => sum + t.cost, 0)),
		tasks_count: tasks.length,
		tasks_error: tasks.filter((t) => t.status_code !== 20000).length,
		tasks,
	};
}

/** A refused task as DataForSEO answers it: no cost, no result, the sent task echoed as `data`. */
export function errorTask(
	ids: TaskIds,
	refusal: { code: number; message: string; started: number },
	path: string[],
	data: Record<string, unknown>,
): TaskJson {
	return {
		id: ids.next(),
		status_code: refusal.code,
		status_message: refusal.message,
		time: formatTime(Date.now() - refusal.started),
		cost: 0,
		result_count: 0,
		path,
		data,
		result: null,
	};
}

/** Envelope-level error (no tasks), e.g. 40100 or a scripted 50000. */
export function errorEnvelope(
	statusCode: number,
	message = messageFor(statusCode),
	time = '0 sec.',
): EnvelopeJson {
	return envelope(statusCode, message, [], time);
}

/** Ids look like the API's ("09291837-1535-0268-0000-0020bcf36b3e"): time prefix + unique tail. */
export class TaskIds {
	private counter = 0;
	private readonly salt: number;

	constructor(seed: number) {
		this.salt = fnv1a(`ids:${seed}:${Date.now()}`);
	}

	next(now = new Date()): string {
		const n = ++this.counter;
		const two = (v: number) => String(v).padStart(2, '0');
		const stamp = `${two(now.getUTCMonth() + 1)}${two(now.getUTCDate())}${two(now.getUTCHours())}${two(now.getUTCMinutes())}`;
		const a = mix(this.salt, n).toString(16).padStart(8, '0');
		const b = (mix(n, this.salt) & 0xffff).toString(16).padStart(4, '0');
		return `${stamp}-1535-${String(n % 10000).padStart(4, '0')}-0000-${b}${a}`;
	}
}
