/**
 * Runs real n8n workflows in-process through n8n-core's WorkflowExecute, with in-memory
 * credentials and a few built-in helper node types. See README.md beside this file.
 */
export type { CredentialFixture } from './credentials-helper';
export { HarnessCredentialsHelper } from './credentials-helper';
export {
	BASE_NO_OP_TYPE,
	FIXTURE_INPUT_TYPE,
	FixtureInput,
	MANUAL_TRIGGER_TYPE,
	ManualTrigger,
	NO_OP_TYPE,
	NoOp,
} from './fixture-nodes';
export type { LogEntry, LogLevel } from './logger';
export type { NodeTypeInput } from './node-types';
export { ProcessedDataStore } from './processed-data-store';
export { RacingProcessedDataStore, ROW_CLASH } from './racing-processed-data-store';
export { runWorkflow } from './run-workflow';
export type { RunOptions, RunResult } from './run-workflow';
export { chain, connect, fixtureInput, node } from './workflow';
