import type { INodeProperties } from 'n8n-workflow';

import { properties } from '../../../nodes/DataForSeoDomainIntersection/description';
import { buildRequest } from '../../../nodes/DataForSeoDomainIntersection/request/buildRequest';
import { nodeParameters } from '../nodeParameters';

/** DataForSEO's documented defaults (docs: domain_intersection/live), the test's own oracle. */
const API_DEFAULTS: Record<string, unknown> = {
	offset: 0,
	internal_list_limit: 10,
	backlinks_status_type: 'live',
	include_subdomains: true,
	include_indirect_links: true,
	exclude_internal_backlinks: true,
	intersection_mode: 'all',
	rank_scale: 'one_thousand',
};

const base = nodeParameters({ excludeTargets: 'semrush.com' });

const options = properties.find((property) => property.name === 'options')!
	.options as INodeProperties[];

describe('adding an option and leaving it as the editor fills it in', () => {
	const plain = buildRequest(base);

	it.each(options.map((option) => [option.name, option.default] as const))(
		'%s (default %j) sends nothing new, or exactly the API default',
		(name, value) => {
			const withOption = buildRequest({ ...base, options: { [name]: value } });
			const added = Object.entries(withOption.task).filter(
				([key, sent]) =>
					JSON.stringify((plain.task as unknown as Record<string, unknown>)[key]) !==
					JSON.stringify(sent),
			);
			for (const [key, sent] of added) expect([key, sent]).toEqual([key, API_DEFAULTS[key]]);
			if (name === 'offset') expect([name, withOption.offset]).toEqual([name, API_DEFAULTS.offset]);
			// Nothing else about the run changes either: its settings, modes and size stay the same.
			const { task: _a, offset: _b, ...rest } = withOption;
			const { task: _c, offset: _d, ...plainRest } = plain;
			expect(rest).toEqual(plainRest);
		},
	);
});
