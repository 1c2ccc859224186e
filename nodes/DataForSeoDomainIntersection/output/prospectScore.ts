import type { ApiItem } from '../api/responseSchema';
import type { IntersectionRequest } from '../request/task';

/**
 * The weights of prospect_score, out of 100 before the spam penalty. Reaching more of the
 * competitors says most about a site that covers your topic and links out; the rank is the
 * authority its links pass; followed links are the ones worth asking for; a broken link to a
 * competitor is an opening to offer your page instead.
 */
export const SCORE_WEIGHTS = { competitors: 40, rank: 35, dofollow: 15, broken: 10 } as const;

const num = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * prospect_score, 0 to 100, from what the row already has:
 * (40 × competitors linked / competitors + 35 × best rank / rank scale + 15 × dofollow share +
 * 10 × [any broken backlink]) × (1 − average spam score / 100), rounded.
 * The dofollow share is 1 − nofollow pages / referring pages over all competitors; with no
 * page counts it is taken as 1/2, and broken links count only where DataForSEO gave a number.
 */
export function prospectScore(item: ApiItem, competitors: number, rankScale = 1000): number {
	let linked = 0;
	let rank = 0;
	let pages = 0;
	let nofollow = 0;
	let broken = 0;
	let spam = 0;
	let spamCount = 0;
	for (const key in item.domain_intersection) {
		const data = item.domain_intersection[key];
		if (!data) continue;
		linked++;
		rank = Math.max(rank, num(data.rank) ?? 0);
		const own = num(data.referring_pages) ?? 0;
		pages += own;
		nofollow += Math.min(own, num(data.referring_pages_nofollow) ?? 0);
		broken += num(data.broken_backlinks) ?? 0;
		const score = num(data.backlinks_spam_score);
		if (score !== undefined) {
			spam += score;
			spamCount++;
		}
	}
	if (linked === 0 || competitors === 0) return 0;
	const share = (part: number) => Math.min(1, Math.max(0, part));
	const base =
		SCORE_WEIGHTS.competitors * share(linked / competitors) +
		SCORE_WEIGHTS.rank * share(rank / rankScale) +
		SCORE_WEIGHTS.dofollow * (pages > 0 ? share(1 - nofollow / pages) : 0.5) +
		SCORE_WEIGHTS.broken * (broken > 0 ? 1 : 0);
	const penalty = spamCount > 0 ? share(spam / spamCount / 100) : 0;
	return Math.round(base * (1 - penalty));
}

/** The score of a row of this request, on the rank scale it asked for. */
export function scoreOf(item: ApiItem, request: Pick<IntersectionRequest, 'targets' | 'task'>) {
	const scale = request.task.rank_scale === 'one_hundred' ? 100 : 1000;
	return prospectScore(item, request.targets.length, scale);
}

/** Highest score first; equal scores keep the order DataForSEO gave them (sort is stable). */
export function byScore<T extends { json: Record<string, unknown> }>(rows: T[]): T[] {
	const score = (row: T) =>
		typeof row.json.prospect_score === 'number' ? row.json.prospect_score : -1;
	return rows.sort((a, b) => score(b) - score(a));
}
