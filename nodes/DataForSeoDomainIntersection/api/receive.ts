/**
 * Answer bytes received into buffers reused from page to page. Left to n8n's helper, every
 * answer is joined into a buffer of its own once it ends: at 20 competitors a fresh ~14 MB per
 * page, whose first touch costs page faults (one join blocked n8n for ~60 ms), and whose memory
 * V8 frees only in a full collection, so ~0.5 GB of them forced one every few pages (measured:
 * 17 full collections instead of 4, ~1.5 s more CPU per 34,000 rows).
 */
import { StoppedError } from './stop';

/** A first buffer when the size is not known; it grows by doubling. */
const FIRST_BYTES = 64 * 1024;

/** What the helper hands over for `encoding: 'stream'`: a readable of Buffer chunks. */
export type ByteStream = AsyncIterable<Buffer> & { destroy(error?: Error): void };

export function isByteStream(body: unknown): body is ByteStream {
	return (
		typeof body === 'object' &&
		body !== null &&
		Symbol.asyncIterator in body &&
		typeof (body as { destroy?: unknown }).destroy === 'function'
	);
}

/** The helper's own timeout ends once the headers are in; the rest of the answer gets this. */
export class BodyTimeoutError extends Error {
	readonly code = 'ETIMEDOUT';
	constructor() {
		super('The answer did not arrive in time');
	}
}

export interface ReadLimits {
	/** The answer's Content-Length: its size as sent, a lower bound when it came compressed. */
	expected?: number;
	/** Stops reading (Stop, or another item's failure): the read rejects with StoppedError. */
	signal?: AbortSignal;
	/** Milliseconds left of the request's Timeout. */
	remainingMs?: number;
}

/** Buffers of one execution, taken for an answer while it is read and parsed, then given back. */
export class ReceiveBuffers {
	private readonly free: Buffer[] = [];

	/** The stream's bytes, in `buffer`, to `give` back once nothing reads them any more. */
	async read(
		stream: ByteStream,
		{ expected = 0, signal, remainingMs }: ReadLimits = {},
	): Promise<{ bytes: Buffer; buffer: Buffer }> {
		let buffer = this.take(expected);
		let length = 0;
		const deadline = remainingMs === undefined ? undefined : AbortSignal.timeout(remainingMs);
		const stop = () => stream.destroy(new StoppedError());
		const late = () => stream.destroy(new BodyTimeoutError());
		signal?.addEventListener('abort', stop, { once: true });
		deadline?.addEventListener('abort', late, { once: true });
		let read = false;
		try {
			if (signal?.aborted) stop();
			for await (const chunk of stream) {
				if (length + chunk.length > buffer.length) buffer = grown(buffer, length, chunk.length);
				chunk.copy(buffer, length);
				length += chunk.length;
			}
			read = true;
		} finally {
			signal?.removeEventListener('abort', stop);
			deadline?.removeEventListener('abort', late);
			// A failed read's buffer serves the next answer.
			if (!read) this.give(buffer);
		}
		return { bytes: buffer.subarray(0, length), buffer };
	}

	give(buffer: Buffer): void {
		this.free.push(buffer);
	}

	/** The smallest free buffer that holds `expected` bytes, else a new one that does. */
	private take(expected: number): Buffer {
		let best = -1;
		for (let index = 0; index < this.free.length; index++) {
			const size = this.free[index].length;
			if (size >= expected && (best < 0 || size < this.free[best].length)) best = index;
		}
		if (best >= 0) return this.free.splice(best, 1)[0];
		return Buffer.allocUnsafe(Math.max(expected, FIRST_BYTES));
	}
}

/** A buffer twice as large (or more), holding the first `length` bytes of `buffer`. */
function grown(buffer: Buffer, length: number, adding: number): Buffer {
	let size = buffer.length * 2;
	while (size < length + adding) size *= 2;
	const larger = Buffer.allocUnsafe(size);
	buffer.copy(larger, 0, 0, length);
	return larger;
}
