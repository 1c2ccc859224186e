import { uiPath } from '../fields';
import type { IntersectionRequest } from '../request/task';
import type { ExecutionStats } from '../run/execution';

const n = (value: number) => value.toLocaleString('en-US');
const rows = (count: number) => `${n(count)} ${count === 1 ? 'row' : 'rows'}`;

function platformsText(platforms: readonly string[]): string {
	const shown = platforms.slice(0, 3).join(', ');
	return platforms.length > 3 ? `${shown}, …` : shown;
}

/**
 * What Prospect Score, Skip Platforms and Linking Pages did, for the run hint: the sort's scope,
 * how many rows were skipped and who paid for them, and Linking Pages' own requests and cost.
 */
export function prospectSentences(
	requests: readonly IntersectionRequest[],
	stats: Pick<ExecutionStats, 'skipped' | 'linking'> & Partial<Pick<ExecutionStats, 'won'>>,
): string[] {
	const sentences: string[] = [];
	if (requests.some((request) => request.prospects.sortByScore))
		sentences.push(
			'Sorted by prospect_score, highest first: only the rows fetched in this run, not DataForSEO’s whole index.',
		);
	const skipping = requests.find((request) => request.prospects.skipPlatforms.length > 0);
	if (skipping) {
		const { skipPlatforms, skipFilter } = skipping.prospects;
		const which = `${n(skipPlatforms.length)} platforms (${platformsText(skipPlatforms)})`;
		const here =
			stats.skipped > 0
				? ` ${rows(stats.skipped)} on them were left out after they were fetched (and paid for).`
				: '';
		sentences.push(
			skipFilter
				? `Skip Platforms: DataForSEO’s own filter left out the sites on ${which} before counting, so they were neither returned nor paid for.${here}`
				: `Skip Platforms left out ${rows(stats.skipped)} on ${which} after they were fetched: with ${uiPath('intersectionMode')} "Any Competitor (Partial)" DataForSEO’s filter cannot, so they were paid for.`,
		);
	}
	const { linking } = stats;
	if (linking.requests > 0)
		sentences.push(
			`Linking Pages: ${n(linking.requests)} ${linking.requests === 1 ? 'request' : 'requests'}, $${linking.cost.toFixed(2)} (in the total above).`,
		);
	const { won } = stats;
	if (won && won.requests > 0)
		sentences.push(
			`Won prospects: ${rows(won.rows)} reported, ${n(won.requests)} ${won.requests === 1 ? 'request' : 'requests'}, $${won.cost.toFixed(2)} (in the total above).`,
		);
	return sentences;
}
