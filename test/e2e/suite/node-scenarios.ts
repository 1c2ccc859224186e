import { accountScenarios } from './account-scenarios';
import { agentScenarios } from './agent-scenarios';
import type { ContextGetter } from './context';
import { dataScenarios } from './data-scenarios';
import { errorScenarios } from './error-scenarios';
import { examplesScenarios } from './examples-scenarios';
import { productionScenarios } from './production-scenarios';
import { queueScenarios } from './queue-scenarios';
import { runControlScenarios } from './run-control-scenarios';
import { trustScenarios } from './trust-scenarios';

/** `version`: the n8n release; the AI Agent scenarios need 2.x (its agent and tool handling). */
export function nodeScenarios(context: ContextGetter, version: string): void {
	describe('DataForSEO Domain Intersection node (installed from the packed tarball)', () => {
		beforeEach(async () => {
			await context().sim.reset();
			await context().liveSim.reset();
		});

		dataScenarios(context);
		trustScenarios(context);
		errorScenarios(context);
		runControlScenarios(context);
		examplesScenarios(context);
		productionScenarios(context);
		queueScenarios(context, version);
		accountScenarios(context);
		if (Number(version.split('.')[0]) >= 2) agentScenarios(context);
	});
}
