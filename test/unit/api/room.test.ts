import {
	Room,
	ROOM_WAIT_MAX_MS,
	type RoomClock,
} from '../../../nodes/DataForSeoDomainIntersection/api/room';

/** A clock the test moves; its sleeps end when the test says so, or when their signal aborts. */
function testClock() {
	const sleeps: Array<{ ms: number; end: () => void; cancelled: boolean }> = [];
	const clock: RoomClock & { at: number; sleeps: typeof sleeps } = {
		at: 0,
		sleeps,
		now: () => clock.at,
		sleep: (ms, signal) =>
			new Promise<void>((resolve, reject) => {
				const entry = { ms, end: resolve, cancelled: false };
				sleeps.push(entry);
				signal?.addEventListener('abort', () => {
					entry.cancelled = true;
					reject(new Error('aborted'));
				});
			}),
	};
	return clock;
}

describe('Room', () => {
	const settle = () => new Promise((resolve) => setImmediate(resolve));

	function watch(room: Room, answeredBefore: number) {
		const state = { done: false, backedOffWith: [] as Array<number | undefined> };
		void room
			.afterRefusal(answeredBefore, async (roomInMs) => void state.backedOffWith.push(roomInMs))
			.then(() => (state.done = true));
		return state;
	}

	it('has room at once when another call was answered while the refused one was out', async () => {
		const clock = testClock();
		const room = new Room(clock);
		const before = room.answeredCalls;
		const other = room.sent();
		clock.at = 4000;
		room.back(other, true);
		const state = watch(room, before);
		await settle();
		expect(state).toEqual({ done: true, backedOffWith: [] });
	});

	it('waits for the next answer while calls are out, and backs off if none comes', async () => {
		const clock = testClock();
		const room = new Room(clock);
		const first = room.sent();
		clock.at = 2500;
		room.back(first, true); // the last answer took 2.5 s
		const a = room.sent();
		const b = room.sent();
		const answered = watch(room, room.answeredCalls);
		await settle();
		expect(answered.done).toBe(false);
		room.back(a, true);
		await settle();
		expect(answered).toEqual({ done: true, backedOffWith: [] });
		// The answer ended the wait: its timer is gone too.
		expect(clock.sleeps.map((sleep) => sleep.cancelled)).toEqual([true]);

		const refusedToo = watch(room, room.answeredCalls);
		room.back(b, false); // the last call out was refused as well: nothing freed
		await settle();
		expect(refusedToo).toEqual({ done: true, backedOffWith: [0] });
	});

	it('waits for an unrelated slow call no longer than about one answer time', async () => {
		const clock = testClock();
		const room = new Room(clock);
		const quick = room.sent();
		clock.at = 250;
		room.back(quick, true); // answers take about 250 ms
		room.sent(); // held by the API for minutes
		const state = watch(room, room.answeredCalls);
		await settle();
		expect(state.done).toBe(false);
		expect(clock.sleeps.map((sleep) => sleep.ms)).toEqual([250]);
		clock.sleeps[0].end();
		await settle();
		// Time is up: retry (it then queues for the pace), no back-off on top.
		expect(state).toEqual({ done: true, backedOffWith: [] });
	});

	it(`waits at most ${ROOM_WAIT_MAX_MS} ms, also before any answer or after a slow one`, async () => {
		for (const lastAnswerMs of [undefined, 60_000]) {
			const clock = testClock();
			const room = new Room(clock);
			if (lastAnswerMs !== undefined) {
				const slow = room.sent();
				clock.at = lastAnswerMs;
				room.back(slow, true);
			}
			room.sent();
			const state = watch(room, room.answeredCalls);
			await settle();
			expect(clock.sleeps.map((sleep) => sleep.ms)).toEqual([ROOM_WAIT_MAX_MS]);
			clock.sleeps[0].end();
			await settle();
			expect(state).toEqual({ done: true, backedOffWith: [] });
		}
	});

	it('backs off with the last answer time when nothing is out', async () => {
		const room = new Room(testClock());
		const state = watch(room, room.answeredCalls);
		await settle();
		expect(state).toEqual({ done: true, backedOffWith: [undefined] });
	});

	it('lets every waiter go on close (Stop, or another item failed), without backing off', async () => {
		const clock = testClock();
		const room = new Room(clock);
		room.sent();
		const state = watch(room, room.answeredCalls);
		await settle();
		room.close();
		await settle();
		expect(state).toEqual({ done: true, backedOffWith: [] });
		expect(clock.sleeps.map((sleep) => sleep.cancelled)).toEqual([true]);
	});
});
