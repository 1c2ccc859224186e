import { MAX_EXCLUDE_TARGETS } from '../api/limits';
import { FIELDS, label } from '../fields';
import { InputError } from './inputError';
import type { IntersectionRequest } from './task';

/** n choose k, for the call-count check before anything is sent. */
export function binomial(n: number, k: number): number {
	let result = 1;
	for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
	return Math.round(result);
}

/** All k-subsets of 1..n, as ascending 1-based target numbers, in lexicographic order. */
export function subsets(n: number, k: number): number[][] {
	const out: number[][] = [];
	const pick = (start: number, chosen: number[]) => {
		if (chosen.length === k) {
			out.push([...chosen]);
			return;
		}
		for (let i = start; i <= n - (k - chosen.length) + 1; i++) pick(i + 1, [...chosen, i]);
	};
	pick(1, []);
	return out;
}

/**
 * Every combination with at least k of the n targets, largest first. Each call asks for the
 * domains that link to exactly that combination (the other competitors go into exclude_targets),
 * so every domain is found in exactly one call and its count of competitors is exact.
 */
export function exactCombinations(n: number, k: number): number[][] {
	const all: number[][] = [];
	for (let size = n; size >= k; size--) all.push(...subsets(n, size));
	return all;
}

/** Checks "at least K of N" and plans its calls, refusing runs with too many combinations. */
export function planAtLeast(
	scalars: {
		matchMode: 'all' | 'atLeast';
		minMatches?: number;
		maxSubsets: number;
		intersectionMode?: 'all' | 'partial';
	},
	targetCount: number,
	excludeCount: number,
): IntersectionRequest['atLeast'] {
	if (scalars.matchMode === 'all') return undefined;
	// Partial returns domains linking to any one of a combination's competitors, so its counts
	// and its "at least" would both be wrong; At Least already finds the partial overlaps.
	if (scalars.intersectionMode === 'partial') {
		const mode = FIELDS.intersectionMode.ui.displayName;
		const match = FIELDS.matchMode.ui.displayName;
		throw new InputError(
			label('intersectionMode'),
			`"${partialName()}" can't be combined with ${match} "${atLeastName()}": each combination's request would also return domains linking to only one of its competitors. ${match} "${atLeastName()}" already finds the sites that link to only some competitors; set ${mode} back to "${allName()}", or set ${match} to "${allCompetitorsName()}".`,
		);
	}
	const k = scalars.minMatches;
	if (k === undefined || k > targetCount) {
		throw new InputError(
			label('minMatches'),
			`must be between 1 and the number of competitors (${targetCount}); got ${k ?? 'nothing'}.`,
		);
	}
	let count = 0;
	for (let size = k; size <= targetCount; size++) count += binomial(targetCount, size);
	if (count > scalars.maxSubsets) {
		throw new InputError(
			label('maxSubsets'),
			`"at least ${k} of ${targetCount}" needs ${count} combinations of competitors, each its own request series (at least ${count} requests, about $${(count * 0.02).toFixed(2)} or more), but the limit is ${scalars.maxSubsets}. Raise ${FIELDS.maxSubsets.ui.displayName}, or change ${FIELDS.minMatches.ui.displayName}.`,
		);
	}
	// The competitors outside a combination are excluded in its call, next to your own domains.
	if (excludeCount + targetCount - k > MAX_EXCLUDE_TARGETS) {
		throw new InputError(
			label('minMatches'),
			`"at least ${k} of ${targetCount}" leaves out up to ${targetCount - k} competitors per call, and with your ${excludeCount} excluded domains that is more than the ${MAX_EXCLUDE_TARGETS} exclusions DataForSEO allows. Raise ${FIELDS.minMatches.ui.displayName}, or use fewer competitors or excluded domains.`,
		);
	}
	return { minMatches: k, subsets: exactCombinations(targetCount, k) };
}

type Options = ReadonlyArray<{ name: string; value: unknown }>;
const optionName = (options: Options | undefined, value: string) =>
	options?.find((option) => option.value === value)?.name ?? value;
const partialName = () => optionName(FIELDS.intersectionMode.ui.options as Options, 'partial');
const allName = () => optionName(FIELDS.intersectionMode.ui.options as Options, 'all');
const atLeastName = () => optionName(FIELDS.matchMode.ui.options as Options, 'atLeast');
const allCompetitorsName = () => optionName(FIELDS.matchMode.ui.options as Options, 'all');
