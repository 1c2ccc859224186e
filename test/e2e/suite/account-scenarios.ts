import { activateWorkflows } from '../harness/n8n-activate';
import { until as poll } from '../harness/until';
import { importCredentials, importWorkflows } from '../harness/n8n-cli';
import { n8nRest, type N8nRest } from '../harness/n8n-rest';
import { startN8n, type RunningN8n } from '../harness/n8n-server';
import {
	SIM_PASSWORD,
	startSimulator,
	type RunningSimulator,
	type SimLogEntry,
} from '../harness/simulator';
import { callWebhook } from '../harness/webhook';
import {
	accountSimCredentials,
	accountWorkflows,
	SHARED_HOOK_PATH,
	SHARED_PAGES,
	STOP_HOOK_PATH,
	stopHookWorkflow,
} from '../fixtures/account-workflows';
import { USER_DATA_PATH } from '../../simulator/handlers';
import type { ContextGetter } from './context';
import { firstDomains } from './sim-oracle';

const START_TIMEOUT_MS = 5 * 60_000;
/** Safety nets only: the checks below wait for states (requests held, lines logged), not times. */
const STATE_DEADLINE_MS = 60_000;
const SHARED_DEADLINE_MS = 120_000;
const ENDPOINT = '/v3/backlinks/domain_intersection/live';

const until = <T>(check: () => Promise<T | undefined> | T | undefined, what: string) =>
	poll(what, check, { deadlineMs: STATE_DEADLINE_MS, everyMs: 20 });

/** n8n's JSON log lines (N8N_LOG_FORMAT=json) whose message contains `text`, with their times. */
function loggedAt(output: string, text: string): number[] {
	const times: number[] = [];
	for (const line of output.split('\n')) {
		if (!line.startsWith('{') || !line.includes(text)) continue;
		try {
			// n8n 2.x writes the time under metadata; older versions at the top level.
			const entry = JSON.parse(line) as {
				message?: string;
				timestamp?: string;
				metadata?: { timestamp?: string };
			};
			const at = entry.metadata?.timestamp ?? entry.timestamp;
			if (entry.message?.includes(text) && at) times.push(Date.parse(at));
		} catch {
			// A line cut by the output buffer: not one of ours.
		}
	}
	return times;
}

const posts = (log: readonly SimLogEntry[]) =>
	log.filter((entry) => entry.method === 'POST' && entry.path === ENDPOINT);

/**
 * `n8n start` with its own simulator for one DataForSEO account: the editor's Stop on a running
 * execution, and several executions sharing the account's 30-at-once limit.
 */
export function accountScenarios(context: ContextGetter): void {
	describe('n8n start: Stop, and one account shared by several executions', () => {
		let sim: RunningSimulator | undefined;
		let server: RunningN8n | undefined;
		let rest: N8nRest | undefined;
		const api = () => sim as RunningSimulator;

		beforeAll(async () => {
			const { n8n } = context();
			sim = await startSimulator(['--max-in-flight', '30']);
			await importCredentials(n8n, accountSimCredentials(sim.url), [SIM_PASSWORD]);
			await importWorkflows(n8n, accountWorkflows);
			await activateWorkflows(
				n8n,
				accountWorkflows.map((workflow) => workflow.id),
			);
			// JSON logs carry each line's time, so the node's own end can be read from n8n's log.
			server = await startN8n(n8n, { secrets: [SIM_PASSWORD], env: { N8N_LOG_FORMAT: 'json' } });
			rest = await n8nRest(server.url);
		}, START_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
			await sim?.stop();
		});

		beforeEach(async () => {
			await api().reset();
			await api().setLatency(0);
		});

		it('Stop aborts the requests in flight, sends no more, and the node ends at once', async () => {
			if (!rest) return;
			const url = server?.url ?? '';
			// Pages after the first wait forever: the run is mid-way, with two requests open.
			await api().hold({ inFlight: 1_000_000 });
			const answer = await callWebhook(url, STOP_HOOK_PATH, { competitors: 'moz.com, ahrefs.com' });
			expect(answer.status).toBe(200);
			await until(
				async () => ((await api().stats()).held === 2 ? true : undefined),
				'two pages held',
			);
			const running = await until(async () => {
				const list = await rest?.executions(stopHookWorkflow.id);
				return list?.find((entry) => entry.status === 'running');
			}, 'a running execution');

			const stoppedAt = Date.now();
			await rest?.stop(running.id);
			const output = () => server?.recentOutput() ?? '';
			const ended = await until(() => {
				const times = loggedAt(output(), 'DataForSEO Domain Intersection: stopped');
				return times.length > 0 ? times[0] : undefined;
			}, "the node's stop line").catch((error: Error) => {
				const lines = output()
					.split('\n')
					.filter((line) => /DataForSEO|cancel|stop/i.test(line))
					.slice(-20);
				throw new Error(`${error.message}\n${lines.join('\n')}\n---\n${output().slice(-3000)}`);
			});
			const seen = loggedAt(
				server?.recentOutput() ?? '',
				'DataForSEO Domain Intersection: Stop received',
			);
			const status = await until(async () => {
				const execution = await rest?.execution(running.id);
				return execution && execution.status !== 'running' && execution.status !== 'new'
					? execution.status
					: undefined;
			}, 'the execution to end');

			const log = posts(await api().log());
			expect(log).toHaveLength(3);
			// Nothing started after Stop; the two open requests were cut, not answered.
			expect(log.filter((entry) => entry.startedAt > stoppedAt)).toEqual([]);
			expect(log.slice(1).map((entry) => entry.aborted)).toEqual([true, true]);
			expect(status).toBe('canceled');
			expect(seen).toHaveLength(1);
			// The node's own work, from the signal to its last promise, within 1 s.
			expect(ended - seen[0]).toBeLessThan(1000);
			process.stdout.write(
				`[e2e] Stop -> node settled: ${ended - stoppedAt} ms (signal -> settled ${ended - seen[0]} ms, requests aborted ${Math.max(...log.slice(1).map((e) => e.endedAt)) - stoppedAt} ms after Stop)\n`,
			);
		});

		// The credential's Basic auth is a function (no expressions per request): the editor's Test
		// button goes through it too, so a wrong password must fail there and the right one pass.
		it("n8n's credential Test passes with the password and fails with a wrong one", async () => {
			if (!rest) return;
			const [stored] = accountSimCredentials(api().url);
			const good = await rest.testCredential(stored);
			const bad = await rest.testCredential({
				...stored,
				data: { ...stored.data, password: 'not-the-password' },
			});
			expect(good.status).toBe('OK');
			expect(bad.status).toBe('Error');
			const tests = (await api().log()).filter((entry) => entry.path === USER_DATA_PATH);
			// n8n may ask again after a refusal; no request with the wrong password got through.
			expect(tests[0]?.authorized).toBe(true);
			expect(tests.length).toBeGreaterThan(1);
			expect(tests.slice(1).filter((entry) => entry.authorized)).toEqual([]);
		});

		it('three executions at once share the 30-at-once limit and each delivers every row once', async () => {
			const url = server?.url ?? '';
			await api().setLatency(300);
			// Pages after each first page wait until 31 are open: the account's limit always bites.
			await api().hold({ inFlight: 31 });
			const sets = ['moz.com, ahrefs.com', 'moz.com, majestic.com', 'ahrefs.com, semrush.com'];
			const started = Date.now();
			const answers = await Promise.all(
				sets.map(async (competitors) => {
					const answer = await callWebhook(
						url,
						SHARED_HOOK_PATH,
						{ competitors },
						{ timeoutMs: SHARED_DEADLINE_MS },
					);
					return { competitors, answer, ms: Date.now() - started };
				}),
			);
			const log = posts(await api().log());
			const refused = log.filter((entry) => entry.statusCode === 40202).length;
			expect(refused).toBeGreaterThan(0);
			for (const { competitors, answer } of answers) {
				expect(answer.status).toBe(200);
				const domains = (answer.json as Array<{ domains: string[] }>)[0].domains;
				const [a, b] = competitors.split(', ');
				const task = log.find((entry) => {
					const sent = (
						entry.body as Array<{ targets: Record<string, string>; offset?: number }>
					)[0];
					return sent.targets['1'] === a && sent.targets['2'] === b && !sent.offset;
				});
				const first = { ...(task?.body as Array<Record<string, unknown>>)[0] };
				delete first.offset;
				delete first.limit;
				expect(new Set(domains).size).toBe(domains.length);
				expect(domains).toEqual(await firstDomains(api(), first, SHARED_PAGES * 1000));
			}
			process.stdout.write(
				`[e2e] shared account: ${answers.map((a) => `${a.ms} ms`).join(', ')}; ${refused} answered 40202 of ${log.length} requests\n`,
			);
		});
	});
}
