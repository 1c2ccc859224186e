import type { ContextGetter } from './context';
import { dataScenarios } from './data-scenarios';
import { errorScenarios } from './error-scenarios';

export function nodeScenarios(context: ContextGetter): void {
	describe('DataForSEO Domain Intersection node (installed from the packed tarball)', () => {
		beforeEach(async () => {
			await context().sim.reset();
		});

		dataScenarios(context);
		errorScenarios(context);
	});
}
