import type { PreparedN8n } from '../harness/profile';
import type { RunningSimulator } from '../harness/simulator';

/** What a version's suite shares between its tests, filled in by beforeAll. */
export interface SuiteContext {
	readonly n8n: PreparedN8n;
	readonly sim: RunningSimulator;
}

export type ContextGetter = () => SuiteContext;
