import { MAX_CONCURRENCY, MAX_REQUESTS_PER_MINUTE } from '../api/limits';
import { defineFields, int, number } from './define';

/**
 * How requests are sent, not what is asked: all but Max Cost are technical, so from version 3
 * on they sit in the Advanced collection, apart from the link-gap choices.
 */
export const runSettingFields = defineFields('options', {
	maxRetries: {
		advanced: true,
		rule: int(0, 10),
		ui: {
			displayName: 'Max Retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How often to retry a request after a temporary failure (timeout, network, DataForSEO server error), e.g. 3. A request refused for the rate limit is retried until the Timeout has passed; 0 retries nothing.',
		},
	},
	retryDelay: {
		advanced: true,
		rule: int(0, 60_000),
		ui: {
			displayName: 'Retry Delay (Ms)',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description:
				'First pause before a retry, in milliseconds, e.g. 1000. It doubles on each further retry.',
		},
	},
	timeout: {
		advanced: true,
		rule: int(1000, 600_000),
		ui: {
			displayName: 'Timeout (Ms)',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 120000,
			description:
				'How long to wait for one answer, in milliseconds, e.g. 120000, and how long a request the account refuses for its rate limit keeps being retried. It applies to the whole run, so it is read from the first input item.',
		},
	},
	concurrency: {
		advanced: true,
		rule: int(1, MAX_CONCURRENCY),
		ui: {
			displayName: 'Concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: 5,
			description: `How many requests may run at the same time across all items and pages, e.g. 5. DataForSEO allows at most ${MAX_CONCURRENCY}. It applies to the whole run, so it is read from the first input item.`,
		},
	},
	requestsPerMinute: {
		advanced: true,
		rule: int(1, MAX_REQUESTS_PER_MINUTE),
		ui: {
			displayName: 'Requests per Minute',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_PER_MINUTE },
			default: MAX_REQUESTS_PER_MINUTE,
			description: `Pace for this execution, e.g. 600. DataForSEO allows ${MAX_REQUESTS_PER_MINUTE.toLocaleString('en-US')} a minute; the node slows down by itself if it is told to. It applies to the whole run, so it is read from the first input item.`,
		},
	},
	maxCost: {
		// 0, the default, means no cap: adding the option must not change a run until a cap is typed.
		rule: number((n) => n.nonnegative('must be 0 (no cap) or more')),
		ui: {
			displayName: 'Max Cost (USD)',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description:
				'Stop before this execution would spend more than this many US dollars, e.g. 1; 0 means no cap. A request costs about $0.02 plus $0.00003 per row. It applies to the whole run, so it is read from the first input item.',
		},
	},
});
