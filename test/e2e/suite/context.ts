import type { PreparedN8n } from '../harness/profile';
import type { DocsServer } from '../harness/docs-server';
import type { RunningSimulator } from '../harness/simulator';

/** What a version's suite shares between its tests, filled in by beforeAll. */
export interface SuiteContext {
	readonly n8n: PreparedN8n;
	/** Default-size simulator (the docs' 40,921-row example); never grown. */
	readonly sim: RunningSimulator;
	/**
	 * Small simulator (LIVE_GRAPH_SIZE domains) behind LIVE_SIM_CREDENTIAL, for the examples,
	 * webhook and queue-mode runs; tests may grow it, so expectations are read from it live.
	 */
	readonly liveSim: RunningSimulator;
	/** Answers with DataForSEO's documented example response. */
	readonly docs: DocsServer;
}

export type ContextGetter = () => SuiteContext;

export const LIVE_GRAPH_SIZE = 3000;
