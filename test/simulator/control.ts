// Validation of scripted failures, shared by failNext() and POST /__sim/fail, so a typo in a test
// fails loudly instead of silently queueing nothing.
import type { ScriptedFailure } from './types';

function isInt(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

export function parseFailure(value: unknown): ScriptedFailure | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const v = value as Record<string, unknown>;
	const message = v.message;
	if (message !== undefined && typeof message !== 'string') return null;
	if ('http' in v) return isInt(v.http) && v.http >= 100 && v.http <= 599 ? { http: v.http } : null;
	if ('envelopeCode' in v)
		return isInt(v.envelopeCode) ? { envelopeCode: v.envelopeCode, message } : null;
	if ('taskCode' in v) return isInt(v.taskCode) ? { taskCode: v.taskCode, message } : null;
	if (v.drop === true) return { drop: true };
	return null;
}

/** Accepts one failure or an array of them; null if any entry is malformed. */
export function parseFailures(value: unknown): ScriptedFailure[] | null {
	const list = Array.isArray(value) ? value : [value];
	const out: ScriptedFailure[] = [];
	for (const item of list) {
		const failure = parseFailure(item);
		if (failure === null) return null;
		out.push(failure);
	}
	return out;
}
