// Public entry point of the offline DataForSEO simulator (see README.md beside this file).
export { SIM_LOGIN, SIM_PASSWORD } from './types';
export type {
	LoggedRequest,
	ScriptedFailure,
	Simulator,
	SimulatorOptions,
	SimulatorStats,
} from './types';
export { startSimulator } from './server';
export type { LinkGraph, LinksToOptions, LinkState, StatusType } from './graph';
export { SyntheticGraph } from './graph';
export {
	calibrate,
	createGraph,
	DEFAULT_GRAPH_SIZE,
	DOCS_EXAMPLE_TASK,
	DOCS_EXAMPLE_TOTAL,
} from './calibrate';
export { computeRows, intersect, QueryEngine } from './query';
export type { Page } from './query';
export { LIMITS, validateTask } from './validate';
export type { ValidatedTask, Validation } from './validate';
export { IntersectionRow } from './row';
export { renderItem } from './render';
export type { DomainIntersectionEntry, DomainIntersectionItem } from './render';
export type { TargetMetrics } from './metrics';
export { availableFiltersResult, BACKLINK_FIELDS, ITEM_FIELDS, TARGET_FIELDS } from './fields';
export type { FieldType } from './fields';
export { API_VERSION, requestCost } from './envelope';
export type { EnvelopeJson, TaskJson } from './envelope';
