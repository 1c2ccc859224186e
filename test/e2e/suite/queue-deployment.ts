import { startGate, type RunningGate } from '../harness/gate';
import { activateWorkflows } from '../harness/n8n-activate';
import { importCredentials, importWorkflows } from '../harness/n8n-cli';
import { startN8n, type RunningN8n } from '../harness/n8n-server';
import { queueModeEnv, startN8nWorker, type RunningWorker } from '../harness/n8n-worker';
import { packOnce } from '../harness/pack-once';
import { startPostgres, type RunningPostgres } from '../harness/postgres';
import { prepareN8n, type PreparedN8n } from '../harness/profile';
import { startRedis, type RunningRedis } from '../harness/redis';
import { SIM_PASSWORD, startSimulator, type RunningSimulator } from '../harness/simulator';
import type { N8nVersionSpec } from '../harness/versions';
import { callWebhook, type WebhookAnswer } from '../harness/webhook';
import {
	QUEUE_GRAPH_SIZE,
	QUEUE_HOLD_PATH,
	queueHoldWorkflow,
	queueOnlyNewWorkflow,
	queueSimCredentials,
	queueWonWorkflow,
} from '../fixtures/queue-workflows';
import { queueOnlyNewItemsWorkflow } from '../fixtures/only-new-workflows';
import { delay } from './rows';

const READY_TIMEOUT_MS = 5 * 60_000;

/** Milliseconds since the previous call (the first: since lap() was called). */
function lap(): () => number {
	let last = Date.now();
	return () => {
		const now = Date.now();
		const ms = now - last;
		last = now;
		return ms;
	};
}
export const WORKER_NAMES = ['A', 'B'] as const;

export interface QueueExtras {
	readonly credentials: readonly unknown[];
	readonly workflows: ReadonlyArray<{ readonly id: string }>;
	readonly secrets: readonly string[];
}
const NO_EXTRAS: QueueExtras = { credentials: [], workflows: [], secrets: [] };

/**
 * n8n in queue mode as it runs at scale, all on 127.0.0.1: PostgreSQL, Redis, `n8n start` and two
 * `n8n worker`s. Each process has its own user folder with its own install of the packed
 * package, as on separate machines; they share the database and the encryption key only.
 */
export class QueueDeployment {
	postgres?: RunningPostgres;
	redis?: RunningRedis;
	sim?: RunningSimulator;
	gate?: RunningGate;
	main?: RunningN8n;
	readonly workers: RunningWorker[] = [];
	private readonly folders: PreparedN8n[] = [];

	private readonly extraSecrets: string[] = [];

	get secrets(): string[] {
		const postgres = this.postgres ? [this.postgres.password] : [];
		return [SIM_PASSWORD, ...postgres, ...this.extraSecrets];
	}

	/**
	 * Everything but the workers; the workflows are imported into PostgreSQL and activated.
	 * `extra`: more credentials and workflows for main, and the secrets to mask in its output.
	 */
	async startMain(spec: N8nVersionSpec, extra: QueueExtras = NO_EXTRAS): Promise<void> {
		const since = lap();
		this.postgres = await startPostgres();
		const postgresMs = since();
		this.redis = await startRedis();
		this.sim = await startSimulator(['--graph-size', String(QUEUE_GRAPH_SIZE)]);
		this.gate = await startGate();
		const packed = await packOnce();
		for (let index = 0; index <= WORKER_NAMES.length; index++) {
			this.folders.push(await prepareN8n(spec, { packed }));
		}
		const foldersMs = since();
		const mainProfile = this.profile(0);
		this.extraSecrets.push(...extra.secrets);
		const credentials = [...queueSimCredentials(this.sim.url), ...extra.credentials];
		await importCredentials(mainProfile, credentials, this.secrets);
		const workflows = [
			queueOnlyNewWorkflow,
			queueOnlyNewItemsWorkflow,
			queueWonWorkflow,
			queueHoldWorkflow(this.gate.url),
			...extra.workflows,
		];
		await importWorkflows(mainProfile, workflows);
		await activateWorkflows(
			mainProfile,
			workflows.map((workflow) => workflow.id),
		);
		const importMs = since();
		this.main = await startN8n(mainProfile, {
			env: queueModeEnv(this.redis.port),
			readyTimeoutMs: READY_TIMEOUT_MS,
			secrets: this.secrets,
		});
		// How long each step took on this machine: what to look at when a deadline is hit.
		console.log(
			`[queue mode] postgres ${postgresMs} ms, redis+simulator+3 installs ${foldersMs} ms, ` +
				`import+publish into PostgreSQL ${importMs} ms, n8n start ready ${since()} ms`,
		);
	}

	/** Both workers at once, each taking one job at a time (so a busy one takes no other). */
	async startWorkers(): Promise<void> {
		const since = lap();
		const env = queueModeEnv(this.redis?.port ?? 0);
		const started = await Promise.allSettled(
			WORKER_NAMES.map((_, index) =>
				startN8nWorker(this.profile(index + 1), env, this.secrets, ['--concurrency=1']),
			),
		);
		for (const result of started)
			if (result.status === 'fulfilled') this.workers.push(result.value);
		const failed = started.find((result) => result.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
		console.log(`[queue mode] two n8n workers ready ${since()} ms`);
	}

	/** Folder 0 is main's, 1.. the workers'; one database and one encryption key for all. */
	private profile(index: number): PreparedN8n {
		return {
			...this.folders[index],
			encryptionKey: this.folders[0].encryptionKey,
			dbEnv: this.postgres?.n8nEnv,
		};
	}

	call(path: string, query: Record<string, string>): Promise<WebhookAnswer> {
		return callWebhook(this.main?.url ?? '', path, query, { timeoutMs: READY_TIMEOUT_MS });
	}

	/** Starts the hold workflow for `name` and returns its execution id once main enqueued it. */
	async hold(name: string): Promise<{ id: string; answer: Promise<WebhookAnswer> }> {
		const known = this.enqueued().length;
		const answer = this.call(QUEUE_HOLD_PATH, { name });
		answer.catch(() => undefined);
		return { id: await this.nextEnqueued(known), answer };
	}

	/** Execution ids main put on the queue, in order ("Enqueued execution N (job M)"). */
	enqueued(): string[] {
		const output = this.main?.recentOutput() ?? '';
		return [...output.matchAll(/Enqueued execution (\d+) \(job/g)].map((match) => match[1]);
	}

	/** The id of the first execution enqueued after `known` were, once main logs it. */
	async nextEnqueued(known: number): Promise<string> {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (this.enqueued().length <= known) {
			if (Date.now() > deadline) throw new Error('main enqueued no execution');
			await delay(200);
		}
		return this.enqueued()[known];
	}

	/** Names of the workers that logged starting execution `id` (exactly one when all is well). */
	workersOf(id: string): string[] {
		return WORKER_NAMES.filter((_, index) =>
			this.workers[index]?.recentOutput().includes(`Worker started execution ${id} `),
		);
	}

	async stop(): Promise<void> {
		await this.gate?.stop();
		await Promise.all(this.workers.map((worker) => worker.stop()));
		await this.main?.stop();
		await this.redis?.stop();
		await this.sim?.stop();
		await this.postgres?.stop();
		for (const folder of this.folders) folder.dispose();
	}
}
