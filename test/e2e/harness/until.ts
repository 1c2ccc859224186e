/**
 * Polls `check` until it gives a value: a state the test waits for, never a duration. The
 * deadline only turns a hang into a failure that says what never happened.
 */
export async function until<T>(
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	{ deadlineMs = 120_000, everyMs = 200 }: { deadlineMs?: number; everyMs?: number } = {},
): Promise<T> {
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
