import { Room } from '../../../nodes/DataForSeoDomainIntersection/api/room';

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
		let now = 0;
		const room = new Room(() => now);
		const before = room.answeredCalls;
		const other = room.sent();
		now = 4000;
		room.back(other, true);
		const state = watch(room, before);
		await settle();
		expect(state).toEqual({ done: true, backedOffWith: [] });
	});

	it('waits for the next answer while calls are out, and backs off if none comes', async () => {
		let now = 0;
		const room = new Room(() => now);
		const first = room.sent();
		now = 2500;
		room.back(first, true); // the last answer took 2.5 s
		const a = room.sent();
		const b = room.sent();
		const answered = watch(room, room.answeredCalls);
		await settle();
		expect(answered.done).toBe(false);
		room.back(a, true);
		await settle();
		expect(answered).toEqual({ done: true, backedOffWith: [] });

		const refusedToo = watch(room, room.answeredCalls);
		room.back(b, false); // the last call out was refused as well: nothing freed
		await settle();
		expect(refusedToo).toEqual({ done: true, backedOffWith: [0] });
	});

	it('backs off with the last answer time when nothing is out', async () => {
		const room = new Room(() => 0);
		const state = watch(room, room.answeredCalls);
		await settle();
		expect(state).toEqual({ done: true, backedOffWith: [undefined] });
	});

	it('lets every waiter go on close (Stop), without backing off', async () => {
		const room = new Room(() => 0);
		room.sent();
		const state = watch(room, room.answeredCalls);
		await settle();
		room.close();
		await settle();
		expect(state).toEqual({ done: true, backedOffWith: [] });
	});
});
