import { accountScenarios } from './account-scenarios';
import type { ContextGetter } from './context';
import { dataScenarios } from './data-scenarios';
import { errorScenarios } from './error-scenarios';
import { examplesScenarios } from './examples-scenarios';
import { productionScenarios } from './production-scenarios';
import { queueScenarios } from './queue-scenarios';
import { trustScenarios } from './trust-scenarios';

export function nodeScenarios(context: ContextGetter): void {
	describe('DataForSEO Domain Intersection node (installed from the packed tarball)', () => {
		beforeEach(async () => {
			await context().sim.reset();
			await context().liveSim.reset();
		});

		dataScenarios(context);
		trustScenarios(context);
		errorScenarios(context);
		examplesScenarios(context);
		productionScenarios(context);
		queueScenarios(context);
		accountScenarios(context);
	});
}
