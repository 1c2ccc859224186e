import { InputError } from '../../../nodes/DataForSeoDomainIntersection/request/inputError';
import {
	buildRequest,
	type NodeParameters,
} from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

const base = (overrides: Partial<NodeParameters> = {}): NodeParameters =>
	nodeParameters({ excludeTargets: 'semrush.com', limit: 5, ...overrides });

const backlinksOver10 = {
	conditions: [{ target: 1, field: 'backlinks', operator: '>', value: '10' }],
};
const byBacklinks = { rules: [{ target: 1, field: 'backlinks', direction: 'desc' }] };

function refusal(params: NodeParameters): string {
	try {
		buildRequest(params);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as Error).message;
	}
	throw new Error('expected a refusal');
}

describe('builders in buildRequest', () => {
	it('make the same task as the JSON options', () => {
		const fromJson = buildRequest(
			base({
				options: {
					filtersJson: '["1.backlinks", ">", 10]',
					orderByJson: '["1.backlinks,desc"]',
					backlinksFiltersJson: '["dofollow", "=", true]',
				},
			}),
		);
		const fromBuilders = buildRequest(
			base({
				builders: {
					filterBuilder: backlinksOver10,
					filterCombine: 'and',
					sortBuilder: byBacklinks,
				},
				options: {
					backlinksFilterBuilder: {
						conditions: [{ field: 'dofollow', operator: '=', value: 'true' }],
					},
				},
			}),
		);
		expect(fromBuilders.task).toEqual(fromJson.task);
		expect(fromBuilders.task).toMatchObject({
			filters: ['1.backlinks', '>', 10],
			order_by: ['1.backlinks,desc'],
			backlinks_filters: ['dofollow', '=', true],
		});
	});

	it('AND the builder with Filters (JSON) when both are given', () => {
		const request = buildRequest(
			base({
				builders: { filterBuilder: backlinksOver10 },
				options: { filtersJson: '[["2.rank", ">", 100], "or", ["2.backlinks", ">", 5]]' },
			}),
		);
		expect(request.task.filters).toEqual([
			['1.backlinks', '>', 10],
			'and',
			[['2.rank', '>', 100], 'or', ['2.backlinks', '>', 5]],
		]);
	});

	it('count the conditions of both forms against the limit of 8', () => {
		const five = { conditions: Array.from({ length: 5 }, () => backlinksOver10.conditions[0]) };
		const json = JSON.stringify([
			['2.rank', '>', 1],
			'and',
			['2.rank', '>', 2],
			'and',
			['2.rank', '>', 3],
			'and',
			['2.rank', '>', 4],
		]);
		expect(
			refusal(base({ builders: { filterBuilder: five }, options: { filtersJson: json } })),
		).toBe(
			'Filters with Advanced > Filters (JSON): 9 conditions given, but DataForSEO allows at most 8.',
		);
	});

	it('point errors at the form that has them', () => {
		expect(
			refusal(
				base({
					builders: { filterBuilder: backlinksOver10 },
					options: { filtersJson: '["3.rank", ">", 1]' },
				}),
			),
		).toMatch(/^Advanced > Filters \(JSON\): the filter refers to "3.rank"/);
	});

	it('refuse the sort builder together with Sort (JSON)', () => {
		expect(
			refusal(
				base({
					builders: { sortBuilder: byBacklinks },
					options: { orderByJson: '["2.rank,desc"]' },
				}),
			),
		).toBe(
			'Sort: has sort rules, and Advanced > Sort (JSON) has too. Use one of them: remove the Sort (JSON) option, or the sort rules.',
		);
	});

	it('keep more than 3 sort rules out with the JSON form’s rule and message', () => {
		const four = { rules: Array.from({ length: 4 }, () => byBacklinks.rules[0]) };
		expect(refusal(base({ builders: { sortBuilder: four } }))).toBe(
			'Sort: 4 sort rules given, but DataForSEO allows at most 3.',
		);
	});

	it('leave saved workflows without builders exactly as before', () => {
		const params = base({ options: { filtersJson: '["1.backlinks", ">", 10]' } });
		const withEmptyBuilders = base({
			builders: { filterBuilder: {}, filterCombine: 'and', sortBuilder: {} },
			options: { filtersJson: '["1.backlinks", ">", 10]', backlinksFilterBuilder: {} },
		});
		expect(buildRequest(withEmptyBuilders).task).toEqual(buildRequest(params).task);
	});

	it('count builder references to competitor numbers when the list repeats a domain', () => {
		expect(
			refusal(
				base({ targets: 'moz.com, moz.com, ahrefs.com', builders: { sortBuilder: byBacklinks } }),
			),
		).toMatch(/would renumber the competitors/);
	});
});
