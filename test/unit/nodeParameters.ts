import type { NodeParameters } from '../../nodes/DataForSeoDomainIntersection/request/buildRequest';

/**
 * The node's parameters as a plain run has them (two competitors, no excludes, Limit 50, flat
 * rows, no options); a test names only what it changes.
 */
export const nodeParameters = (overrides: Partial<NodeParameters> = {}): NodeParameters => ({
	targets: 'moz.com, ahrefs.com',
	excludeTargets: '',
	returnAll: false,
	limit: 50,
	maxResults: 0,
	outputFormat: 'flat',
	options: {},
	...overrides,
});
