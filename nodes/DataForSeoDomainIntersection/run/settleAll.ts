/**
 * Waits for every call, then throws the first failure: nothing the node started is still
 * running (or still spending) once its error is shown.
 */
export async function settleAll<T>(calls: ReadonlyArray<Promise<T>>): Promise<T[]> {
	const settled = await Promise.allSettled(calls);
	const failed = settled.find((outcome) => outcome.status === 'rejected');
	if (failed) throw failed.reason;
	return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}
