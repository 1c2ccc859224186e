// Answers read into buffers that one execution reuses: each read gives exactly its own bytes.
import { Readable } from 'node:stream';

import {
	BodyTimeoutError,
	isByteStream,
	ReceiveBuffers,
} from '../../../nodes/DataForSeoDomainIntersection/api/receive';
import { StoppedError } from '../../../nodes/DataForSeoDomainIntersection/api/stop';

const chunksOf = (text: string, size: number) =>
	Readable.from(
		Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
			Buffer.from(text.slice(i * size, (i + 1) * size)),
		),
	);

describe('ReceiveBuffers', () => {
	it('grows past its first buffer and keeps every byte in order', async () => {
		const text = 'x'.repeat(200_000) + 'end';
		const { bytes } = await new ReceiveBuffers().read(chunksOf(text, 7_000));
		expect(bytes.toString()).toBe(text);
	});

	it('reads the next answer into a buffer given back, only as long as that answer', async () => {
		const buffers = new ReceiveBuffers();
		const first = await buffers.read(chunksOf('a'.repeat(100_000), 4096), { expected: 100_000 });
		buffers.give(first.buffer);
		const second = await buffers.read(chunksOf('short', 4096));
		expect(second.buffer).toBe(first.buffer);
		expect(second.bytes.toString()).toBe('short');
	});

	it('takes the smallest free buffer that holds the expected size', async () => {
		const buffers = new ReceiveBuffers();
		const big = await buffers.read(chunksOf('b'.repeat(300_000), 65_536), { expected: 300_000 });
		const small = await buffers.read(chunksOf('s'.repeat(70_000), 65_536), { expected: 70_000 });
		buffers.give(big.buffer);
		buffers.give(small.buffer);
		expect((await buffers.read(chunksOf('t', 1), { expected: 70_000 })).buffer).toBe(small.buffer);
		expect((await buffers.read(chunksOf('u', 1), { expected: 70_000 })).buffer).toBe(big.buffer);
	});

	it('rejects with StoppedError once the signal aborts, and with a timeout when time runs out', async () => {
		const stalled = () => {
			const stream = new Readable({ read() {} });
			stream.push(Buffer.from('{"partial":'));
			return stream;
		};
		const stop = new AbortController();
		const stopping = new ReceiveBuffers().read(stalled(), { signal: stop.signal });
		stop.abort();
		await expect(stopping).rejects.toBeInstanceOf(StoppedError);
		const aborted = new AbortController();
		aborted.abort();
		await expect(
			new ReceiveBuffers().read(stalled(), { signal: aborted.signal }),
		).rejects.toBeInstanceOf(StoppedError);
		await expect(new ReceiveBuffers().read(stalled(), { remainingMs: 20 })).rejects.toBeInstanceOf(
			BodyTimeoutError,
		);
	});

	it('gives the buffer back when the stream fails, for the next answer', async () => {
		const buffers = new ReceiveBuffers();
		const failing = new Readable({
			read() {
				this.destroy(new Error('socket hang up'));
			},
		});
		await expect(buffers.read(failing, { expected: 100_000 })).rejects.toThrow('socket hang up');
		// Given back: the next answer, of no stated size, gets it rather than a new 64 KB one.
		const next = await buffers.read(chunksOf('ok', 1));
		expect(next.buffer.length).toBe(100_000);
		expect(next.bytes.toString()).toBe('ok');
	});
});

describe('isByteStream', () => {
	it('tells a readable from bytes, text and parsed objects', () => {
		expect(isByteStream(Readable.from([]))).toBe(true);
		for (const other of [Buffer.from('{}'), '{}', { a: 1 }, null, [1]])
			expect(isByteStream(other)).toBe(false);
	});
});
