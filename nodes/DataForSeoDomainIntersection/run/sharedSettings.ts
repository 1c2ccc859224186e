import { uiPath } from '../fields';
import type { RunSettings } from '../request/task';
import { SHARED_SETTINGS } from './execution';

/**
 * One connection, pace and cost cap serve every item, so those settings come from the first
 * item. When later items ask for others, the run says it used the first item's.
 */
export function sharedSettingsWarning(all: readonly RunSettings[]): string | undefined {
	const [first, ...rest] = all;
	if (!first) return undefined;
	const differing = SHARED_SETTINGS.filter((name) =>
		rest.some((settings) => settings[name] !== first[name]),
	);
	if (differing.length === 0) return undefined;
	const used = differing.map((name) => `${uiPath(name)} ${first[name] ?? 'not set'}`);
	return `Input items set ${differing.map((name) => uiPath(name)).join(', ')} differently; these apply to the whole run, so the first item's were used: ${used.join(', ')}.`;
}
