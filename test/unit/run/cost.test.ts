import { CostGuard, estimateCost } from '../../../nodes/DataForSeoDomainIntersection/run/cost';

describe('CostGuard', () => {
	it('uses the published price', () => {
		expect(estimateCost(1000)).toBeCloseTo(0.05, 10);
		expect(estimateCost(0)).toBe(0.02);
	});

	it('reserves until the cap and then refuses', () => {
		const guard = new CostGuard(0.1);
		expect(guard.tryReserve(1000)).toBe(true);
		expect(guard.tryReserve(1000)).toBe(true);
		expect(guard.tryReserve(1)).toBe(false);
	});

	it('never refuses without a cap', () => {
		const guard = new CostGuard();
		for (let i = 0; i < 100; i++) expect(guard.tryReserve(1000)).toBe(true);
	});
});
