import type { IDataObject } from 'n8n-workflow';

import { MAX_FILTER_CONDITIONS } from '../api/limits';
import { isBlank } from '../fields/define';
import { FIELDS, label } from '../fields';
import { forEachCondition, type FilterCondition, type FilterExpression } from './filterGrammar';
import { InputError, show } from './inputError';
import { literalPattern, splitList } from './lists';
import type { ProspectOptions } from './task';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

function flag(
	options: IDataObject,
	name: 'prospectScore' | 'sortByScore' | 'skipPlatforms' | 'linkingPages' | 'reportWon',
) {
	const value = options[name];
	if (isBlank(value)) return false;
	const parsed = FIELDS[name].rule.safeParse(
		value === 'true' ? true : value === 'false' ? false : value,
	);
	if (!parsed.success)
		throw new InputError(label(name), `must be true or false; got ${show(value)}.`);
	return parsed.data as boolean;
}

/** "*.blogspot.com", ".blogspot.com" and "https://www.blogspot.com/" all mean blogspot.com. */
function platformList(value: unknown): string[] {
	const field = label('platforms');
	const entries = splitList(isBlank(value) ? FIELDS.platforms.ui.default : value, field);
	const domains = entries.map((entry, index) => {
		const domain = entry
			.toLowerCase()
			.replace(/^[a-z]+:\/\//, '')
			.replace(/\/.*$/, '')
			.replace(/^(\*\.|\.|www\.)/, '');
		if (!DOMAIN.test(domain))
			throw new InputError(
				field,
				`entry ${index + 1} (${show(entry)}) is not a domain such as blogspot.com.`,
			);
		return domain;
	});
	if (domains.length === 0)
		throw new InputError(
			field,
			`is empty, so ${FIELDS.skipPlatforms.ui.displayName} has nothing to leave out. Add platform domains, e.g. "blogspot.com, medium.com", or turn ${FIELDS.skipPlatforms.ui.displayName} off.`,
		);
	return [...new Set(domains)];
}

export function readProspects(options: IDataObject): ProspectOptions {
	const sortByScore = flag(options, 'sortByScore');
	const skip = flag(options, 'skipPlatforms');
	const read: ProspectOptions = {
		score: flag(options, 'prospectScore') || sortByScore,
		sortByScore,
		skipPlatforms: skip ? platformList(options.platforms) : [],
		linkingPages: flag(options, 'linkingPages'),
		reportWon: flag(options, 'reportWon'),
	};
	return read;
}

/**
 * One condition for the whole list, so Skip Platforms takes only one of DataForSEO's 8:
 * `1.target` is the referring domain itself, the same under every competitor.
 */
export function platformCondition(platforms: readonly string[]): FilterCondition {
	return ['1.target', 'not_regex', `(^|\\.)(${platforms.map(literalPattern).join('|')})$`];
}

/** True for a domain on one of the platforms, or one of them itself. */
export function onPlatform(domain: string | null, platforms: readonly string[]): boolean {
	if (domain === null || platforms.length === 0) return false;
	const host = domain.toLowerCase();
	return platforms.some((platform) => host === platform || host.endsWith(`.${platform}`));
}

/**
 * Skip Platforms' condition, checked against DataForSEO's limit on conditions, or undefined when
 * it must stay local: in Partial mode a site need not link to competitor 1, so its `1.target`
 * would be empty.
 */
export function platformFilter(
	filters: FilterExpression | undefined,
	platforms: readonly string[],
	partial: boolean,
): FilterCondition | undefined {
	if (platforms.length === 0 || partial) return undefined;
	let used = 0;
	if (filters) forEachCondition(filters, () => used++);
	if (used + 1 > MAX_FILTER_CONDITIONS)
		throw new InputError(
			label('skipPlatforms'),
			`needs one of DataForSEO's ${MAX_FILTER_CONDITIONS} filter conditions, and your filters already use ${used}. Remove a filter condition, or turn ${FIELDS.skipPlatforms.ui.displayName} off.`,
		);
	return platformCondition(platforms);
}

/** Both must hold. */
export function andFilter(
	filters: FilterExpression | undefined,
	condition: FilterCondition,
): FilterExpression {
	return filters ? [filters, 'and', condition] : condition;
}
