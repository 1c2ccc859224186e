import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	BUNDLED_CATALOGUE,
	builderFields,
	fieldType,
	operatorsFor,
	OPERATOR_TOKENS,
	type BuilderField,
	type FieldCatalogue,
	type FieldType,
} from './catalogue';
import { resolveBaseUrl } from '../api/baseUrl';
import { loadCatalogue } from './fetchCatalogue';
import type { FilterOperator } from '../request/filterGrammar';
import { MAX_TARGETS } from '../api/limits';
import { splitList } from '../request/lists';
import { CREDENTIAL_TYPE, n8nSender } from '../api/sender';

const LOAD_TIMEOUT_MS = 15_000;

/** The field list from DataForSEO, or the bundled one when there is no credential or no answer. */
async function catalogue(fn: ILoadOptionsFunctions): Promise<FieldCatalogue> {
	let baseUrl: string;
	try {
		baseUrl = resolveBaseUrl(await fn.getCredentials(CREDENTIAL_TYPE));
	} catch (error) {
		fn.logger.debug(`DataForSEO field list: bundled (${(error as Error).message})`);
		return BUNDLED_CATALOGUE;
	}
	const source = await loadCatalogue(baseUrl, n8nSender(fn, baseUrl, LOAD_TIMEOUT_MS));
	if (source.reason) fn.logger.debug(`DataForSEO field list: bundled (${source.reason})`);
	return source.catalogue;
}

const TYPE_WORDS: Record<FieldType, [word: string, example: string]> = {
	num: ['Number', '> 10'],
	str: ['Text', 'like %blog%'],
	time: ['Date', '> 2024-01-01'],
	bool: ['Yes/no', '= true'],
	array: ['List', ''],
};

// Words that are abbreviations: "Referring IPs", not "Referring Ips".
const ACRONYMS: Record<string, string> = {
	ip: 'IP',
	ips: 'IPs',
	url: 'URL',
	tld: 'TLD',
	https: 'HTTPS',
};

// Names whose words would mislead: a row's "target" is the referring domain, not a competitor.
const LABELS: Record<string, string> = { target: 'Referring Domain' };

function humanize(name: string): string {
	return name
		.split('_')
		.map((word) => ACRONYMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

function fieldOption(field: BuilderField, prefix: boolean): INodePropertyOptions {
	const [word, example] = TYPE_WORDS[field.type];
	const scope = !prefix ? '' : field.perTarget ? ' per competitor' : ' for the whole row';
	const label = (prefix && LABELS[field.name]) || humanize(field.name);
	// The API name only where the label does not spell it, for whoever writes the JSON form.
	const sent = prefix && field.perTarget ? `1.${field.name}` : field.name;
	const renamed = label !== humanize(field.name);
	return {
		name: label,
		value: field.name,
		description: `${word}${scope}, e.g. ${example}.${renamed ? ` Sent as ${sent}.` : ''}`,
	};
}

function fieldOptions(fields: BuilderField[], prefix: boolean): INodePropertyOptions[] {
	return fields
		.map((field) => fieldOption(field, prefix))
		.sort((a, b) => a.name.localeCompare(b.name));
}

// A sort rule has no operator or value: its help says what Descending puts first.
const SORT_WORDS: Record<Exclude<FieldType, 'array'>, string> = {
	num: 'Descending puts the largest first',
	str: 'Ascending sorts from A to Z',
	time: 'Descending puts the most recent first',
	bool: 'Descending puts yes first',
};

function sortOption(field: BuilderField): INodePropertyOptions {
	const option = fieldOption(field, true);
	const [word] = TYPE_WORDS[field.type];
	const scope = field.perTarget ? 'per competitor' : 'for the whole row';
	const sent = option.description?.match(/ Sent as .*$/)?.[0] ?? '';
	const order = SORT_WORDS[field.type as Exclude<FieldType, 'array'>];
	return { ...option, description: `${word} ${scope}: ${order}.${sent}` };
}

function sortOptions(fields: BuilderField[]): INodePropertyOptions[] {
	return fields
		.filter((field) => field.type !== 'array')
		.map(sortOption)
		.sort((a, b) => a.name.localeCompare(b.name));
}

const OPERATOR_NAMES: Record<FilterOperator, string> = {
	'<': 'Less Than (<)',
	'<=': 'Less Than or Equal (<=)',
	'>': 'Greater Than (>)',
	'>=': 'Greater Than or Equal (>=)',
	'=': 'Equals (=)',
	'<>': 'Not Equal (<>)',
	in: 'Is One Of (in)',
	not_in: 'Is None Of (not_in)',
	like: 'Like, % as Wildcard (like)',
	not_like: 'Not Like (not_like)',
	ilike: 'Like, Ignoring Case (ilike)',
	not_ilike: 'Not Like, Ignoring Case (not_ilike)',
	match: 'Contains Words (match)',
	not_match: 'Lacks Words (not_match)',
	regex: 'Matches Regex (regex)',
	not_regex: 'Does Not Match Regex (not_regex)',
};

function operatorOptions(type: FieldType | undefined): INodePropertyOptions[] {
	return operatorsFor(type).map((operator) => ({
		name: OPERATOR_NAMES[operator],
		value: OPERATOR_TOKENS[operator],
	}));
}

/** The sibling "field" of the row whose operator list is being loaded. */
function rowField(fn: ILoadOptionsFunctions): string {
	const value = fn.getCurrentNodeParameter('&field');
	return typeof value === 'string' ? value.trim() : '';
}

/** Methods behind the builders' dropdowns (`typeOptions.loadOptionsMethod`). */
export const loadOptions = {
	async getCompetitors(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const raw = this.getCurrentNodeParameter('targets');
		let names: string[] = [];
		// An expression is only known at run time; then the positions are all we can offer.
		if (!(typeof raw === 'string' && raw.startsWith('='))) {
			try {
				names = splitList(raw, 'targets').slice(0, MAX_TARGETS);
			} catch {
				names = [];
			}
		}
		if (names.length === 0) {
			return Array.from({ length: MAX_TARGETS }, (_, index) => ({
				name: `Competitor ${index + 1}`,
				value: index + 1,
			}));
		}
		return names.map((name, index) => ({ name: `${index + 1}: ${name}`, value: index + 1 }));
	},

	async getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return fieldOptions(builderFields((await catalogue(this)).domain_intersection), true);
	},

	async getSortFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return sortOptions(builderFields((await catalogue(this)).domain_intersection));
	},

	async getFilterOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const table = (await catalogue(this)).domain_intersection;
		return operatorOptions(fieldType(table, rowField(this)));
	},

	async getBacklinkFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return fieldOptions(builderFields((await catalogue(this)).backlinks), false);
	},

	async getBacklinkOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const table = (await catalogue(this)).backlinks;
		return operatorOptions(fieldType(table, rowField(this)));
	},
};
