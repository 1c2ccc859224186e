// A deterministic stand-in for "many requests at once": answers are held until a given number of
// /v3 requests are open together, so a test can make the in-flight cap bite on any machine,
// however slowly the client's requests trickle in.
import type { HoldRule } from './types';

interface Held {
	release: () => void;
	isOpen: () => boolean;
}

/** The offset of a domain_intersection POST body's first task (0 when absent or unreadable). */
export function taskOffset(body: unknown): number {
	const task = Array.isArray(body) ? (body[0] as unknown) : undefined;
	const offset =
		typeof task === 'object' && task !== null ? (task as { offset?: unknown }).offset : undefined;
	return typeof offset === 'number' ? offset : 0;
}

export class AnswerGate {
	private rule: HoldRule | null = null;
	private readonly held: Held[] = [];

	/** Arms the gate; it opens (once) when `rule.inFlight` requests are open at the same time. */
	arm(rule: HoldRule, inFlightNow: number): void {
		this.rule = rule;
		this.onInFlight(inFlightNow);
	}

	/** Called whenever a request arrives, with the number now open (that request included). */
	onInFlight(inFlight: number): void {
		if (this.rule !== null && inFlight >= this.rule.inFlight) this.open();
	}

	/** Whether a request with this body waits for the gate. */
	holds(isDomainIntersection: boolean, body: unknown, isBacklinks = false): boolean {
		if (this.rule === null) return false;
		if (this.rule.backlinks) return isBacklinks;
		if (!isDomainIntersection) return false;
		return taskOffset(body) >= (this.rule.minOffset ?? 1);
	}

	wait(isOpen: () => boolean): Promise<void> {
		return new Promise((release) => this.held.push({ release, isOpen }));
	}

	/** Releases everything held and disarms. */
	open(): void {
		this.rule = null;
		this.held.splice(0).forEach((entry) => entry.release());
	}

	get armed(): boolean {
		return this.rule !== null;
	}

	/** Requests waiting now whose client is still connected. */
	get count(): number {
		return this.held.filter((entry) => entry.isOpen()).length;
	}
}
