// The watchdog of `npm run dev`: it runs in its own process group, so Ctrl-C does not reach it,
// and reads "+<pgid>" / "-<pgid>" lines on stdin for each process group dev starts or ends.
// When stdin closes, because dev exited in any way (even killed outright, when its exit hooks
// never run), it stops the groups still listed: SIGTERM, then SIGKILL after GRACE_MS.
// Plain JavaScript, so it starts fast with plain node and needs nothing else.
import { createInterface } from 'node:readline';

const GRACE_MS = 10_000;
const POLL_MS = 100;
const groups = new Set();

function alive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

function signal(pgid, name) {
	try {
		process.kill(-pgid, name);
	} catch {
		// already gone
	}
}

async function stopAll() {
	for (const pgid of groups) signal(pgid, 'SIGTERM');
	const deadline = Date.now() + GRACE_MS;
	while ([...groups].some(alive) && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	for (const pgid of groups) signal(pgid, 'SIGKILL');
	process.exit(0);
}

// Ctrl-C in dev's terminal must not end the watchdog before its work is done.
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(name, () => undefined);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
	const pgid = Number(line.slice(1));
	if (!Number.isInteger(pgid) || pgid <= 1) return;
	if (line.startsWith('+')) groups.add(pgid);
	else if (line.startsWith('-')) groups.delete(pgid);
});
lines.on('close', () => void stopAll());
