import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { properties } from '../../../nodes/DataForSeoDomainIntersection/description';
import { FIELDS, label, type FieldName } from '../../../nodes/DataForSeoDomainIntersection/fields';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import { splitList } from '../../../nodes/DataForSeoDomainIntersection/request/lists';
import { nodeParameters } from '../nodeParameters';

const NODE_DIR = join(__dirname, '../../../nodes/DataForSeoDomainIntersection');

/** Every label the UI can show: "Display Name", with "Options > " inside a collection. */
function uiLabels(): Set<string> {
	const labels = new Set<string>();
	for (const property of properties) {
		if (property.type === 'collection') {
			for (const option of property.options as INodeProperties[])
				labels.add(`${property.displayName} > ${option.displayName}`);
		} else labels.add(property.displayName);
	}
	return labels;
}

/** Parameter names as they could appear in a message: "(targets)", "(advanced.orderByJson)". */
function parameterMentions(text: string): string[] {
	return Object.keys(FIELDS).filter((name) =>
		new RegExp(`\\(((options\\.|advanced\\.)?${name})\\)`).test(text),
	);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

describe('fields: one place per field', () => {
	it('gives every field a label that the UI shows, at the place the UI shows it', () => {
		const shown = uiLabels();
		for (const name of Object.keys(FIELDS) as FieldName[]) expect(shown).toContain(label(name));
	});

	it('has a field for every parameter the UI shows', () => {
		const named = new Set(Object.keys(FIELDS));
		const top = properties.filter((p) => p.type !== 'notice' && p.type !== 'collection');
		const options = properties
			.filter((p) => p.type === 'collection')
			.flatMap((p) => p.options as INodeProperties[]);
		for (const property of [...top, ...options]) expect(named).toContain(property.name);
	});

	it('names only UI labels in errors about bad input', () => {
		const shown = uiLabels();
		const base = nodeParameters();
		const bad = [
			{ targets: '' },
			{ excludeTargets: 'moz.com' },
			{ limit: 0 },
			{ outputFormat: 'xml' },
			...Object.entries({
				offset: -1,
				internalListLimit: 5000,
				backlinksStatusType: 'gone',
				tag: 'x'.repeat(300),
				maxRetries: 99,
				timeout: 5,
				concurrency: 99,
				requestsPerMinute: 0,
				maxCost: -1,
				filtersJson: '[oops',
				orderByJson: '["1.backlinks"]',
				backlinksFiltersJson: '{}',
			}).map(([key, value]) => ({ options: { [key]: value } })),
			{ options: { matchMode: 'atLeast', minMatches: 5 } },
			{ options: { matchMode: 'atLeast', minMatches: 1, maxSubsets: 1 } },
		];
		for (const change of bad) {
			let error: unknown;
			try {
				buildRequest({ ...base, ...change });
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(InputError);
			const { field, message } = error as InputError;
			expect(shown).toContain(field);
			// The UI's words only; the README's Parameters table names the parameter behind each.
			expect([message, parameterMentions(message)]).toEqual([message, []]);
			const named = (Object.keys(FIELDS) as FieldName[]).filter((name) => label(name) === field);
			expect(named).toHaveLength(1);
		}
	});

	it('says in the help how list entries are separated, as the node reads them', () => {
		const help = FIELDS.targets.ui.description!;
		const separators = { commas: ', ', spaces: ' ', 'new lines': '\n' };
		for (const [words, separator] of Object.entries(separators)) {
			expect(help).toContain(words);
			expect(splitList(`moz.com${separator}ahrefs.com`, 'x')).toEqual(['moz.com', 'ahrefs.com']);
		}
	});

	it('writes no field label by hand outside fields/', () => {
		const handWritten = /['"`]((Options|Advanced) > [A-Z][^'"`$]*)['"`]/;
		for (const file of sourceFiles(NODE_DIR)) {
			if (file.includes(`${join('fields', '')}`)) continue;
			expect([file, handWritten.exec(readFileSync(file, 'utf8'))?.[1]]).toEqual([file, undefined]);
		}
	});
});
