import {
	BUNDLED_CATALOGUE,
	builderFields,
	operatorsFor,
} from '../../../nodes/DataForSeoDomainIntersection/filterFields/catalogue';
import {
	CATALOGUE_TTL_MS,
	FAILURE_TTL_MS,
	clearCatalogueCache,
	loadCatalogue,
	parseAvailableFilters,
} from '../../../nodes/DataForSeoDomainIntersection/filterFields/fetchCatalogue';
import type { HttpResponse, Send } from '../../../nodes/DataForSeoDomainIntersection/api/sender';
import { availableFiltersResult } from '../../simulator';

const envelope = (result: unknown) => ({
	status_code: 20000,
	status_message: 'Ok.',
	tasks: [{ status_code: 20000, status_message: 'Ok.', result: [result] }],
});

/** A Send that answers from a queue and counts calls. */
function fakeSend(...answers: Array<HttpResponse | Error>) {
	const calls: string[] = [];
	const send: Send = async (method, path) => {
		calls.push(`${method} ${path}`);
		const next = answers.shift() ?? new Error('no more answers');
		if (next instanceof Error) throw next;
		return next;
	};
	return { send, calls };
}

beforeEach(() => clearCatalogueCache());

describe('the bundled field list', () => {
	it('equals what the simulator answers at /v3/backlinks/available_filters', () => {
		const sim = availableFiltersResult();
		expect(BUNDLED_CATALOGUE).toEqual({
			domain_intersection: sim.domain_intersection,
			backlinks: sim.backlinks,
		});
	});

	it('offers per-competitor fields without the prefix, and no list-typed fields', () => {
		const fields = builderFields(BUNDLED_CATALOGUE.domain_intersection);
		expect(fields).toContainEqual({ name: 'backlinks', perTarget: true, type: 'num' });
		expect(fields).toContainEqual({ name: 'intersections_count', perTarget: false, type: 'num' });
		const backlinks = builderFields(BUNDLED_CATALOGUE.backlinks).map((field) => field.name);
		expect(backlinks).toContain('dofollow');
		expect(backlinks).not.toContain('attributes');
	});

	it('offers operators that fit each type', () => {
		expect(operatorsFor('num')).toEqual(['<', '<=', '>', '>=', '=', '<>', 'in', 'not_in']);
		expect(operatorsFor('bool')).toEqual(['=', '<>']);
		expect(operatorsFor('str')).toEqual(
			expect.arrayContaining(['like', 'ilike', 'match', 'regex', 'in']),
		);
		expect(operatorsFor('str')).not.toContain('>');
		expect(operatorsFor('time')).toEqual(expect.arrayContaining(['<', '>=']));
		expect(operatorsFor(undefined)).toHaveLength(16);
	});
});

describe('parseAvailableFilters', () => {
	it('reads the two entries the node uses', () => {
		const catalogue = parseAvailableFilters(envelope(availableFiltersResult()));
		expect(catalogue?.domain_intersection['1.backlinks']).toBe('num');
		expect(catalogue?.backlinks.dofollow).toBe('bool');
	});

	it('fills a missing entry from the bundled list and rejects other shapes', () => {
		const only = parseAvailableFilters(envelope({ domain_intersection: { '1.rank': 'num' } }));
		expect(only).toEqual({
			domain_intersection: { '1.rank': 'num' },
			backlinks: BUNDLED_CATALOGUE.backlinks,
		});
		expect(parseAvailableFilters(envelope({ anchors: {} }))).toBeUndefined();
		expect(parseAvailableFilters({ status_code: 40100, tasks: null })).toBeUndefined();
		expect(parseAvailableFilters('<html>')).toBeUndefined();
	});
});

describe('loadCatalogue', () => {
	const ok = {
		statusCode: 200,
		body: envelope({ domain_intersection: { '1.rank': 'num' } }),
	};

	it('asks once per base URL while the answer is fresh', async () => {
		const { send, calls } = fakeSend(ok, ok);
		const first = await loadCatalogue('http://a', send, 0);
		const second = await loadCatalogue('http://a', send, CATALOGUE_TTL_MS - 1);
		expect(first.from).toBe('api');
		expect(second).toBe(first);
		expect(calls).toEqual(['GET /v3/backlinks/available_filters']);
		await loadCatalogue('http://a', send, CATALOGUE_TTL_MS);
		expect(calls).toHaveLength(2);
	});

	it('shares one request between dropdowns that open together', async () => {
		const { send, calls } = fakeSend(ok);
		const [a, b] = await Promise.all([
			loadCatalogue('http://a', send, 0),
			loadCatalogue('http://a', send, 0),
		]);
		expect(a).toBe(b);
		expect(calls).toHaveLength(1);
	});

	it('falls back to the bundled list on failure, and asks again soon', async () => {
		const { send, calls } = fakeSend(new Error('ECONNREFUSED'), { statusCode: 401, body: {} }, ok);
		const failed = await loadCatalogue('http://a', send, 0);
		expect(failed).toMatchObject({
			from: 'bundled',
			catalogue: BUNDLED_CATALOGUE,
			reason: 'ECONNREFUSED',
		});
		expect((await loadCatalogue('http://a', send, FAILURE_TTL_MS - 1)).from).toBe('bundled');
		expect(calls).toHaveLength(1);
		expect(await loadCatalogue('http://a', send, FAILURE_TTL_MS)).toMatchObject({
			from: 'bundled',
			reason: 'HTTP 401, no field list',
		});
		expect((await loadCatalogue('http://a', send, 2 * FAILURE_TTL_MS)).from).toBe('api');
	});
});
