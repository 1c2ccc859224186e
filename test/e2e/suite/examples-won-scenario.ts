import { executeOk } from '../harness/n8n-cli';
import { nodeJson } from '../harness/run-data';
import { DOMAINS, dfsNodeName, exampleByKey, exampleId } from '../fixtures/examples';
import type { ContextGetter } from './context';
import { domainsOf, sorted } from './rows';

const BACKLINKS = '/v3/backlinks/backlinks/live';
/** The example's Limit: new prospects per week. */
const WEEKLY = 50;
const YOURS = DOMAINS['your-site.com'];

type Row = Record<string, unknown>;
const withStatus = (rows: readonly Row[], status: string) =>
	rows.filter((row) => row.status === status);
const escaped = (domain: string) => domain.replace(/\./g, '\\.');

export function exampleWonScenario(context: ContextGetter): void {
	it('weekly-outreach-prospects-and-wins: the second weekly run reports exactly the two won, with their pages, and new prospects without repeats', async () => {
		const { n8n, liveSim } = context();
		const example = exampleByKey('weekly-outreach-prospects-and-wins');
		const node = dfsNodeName(example);
		await liveSim.reset();
		try {
			const run1 = await executeOk(n8n, exampleId(example));
			const first = nodeJson(run1, node);
			expect(first).toHaveLength(WEEKLY);
			expect(withStatus(first, 'new')).toHaveLength(WEEKLY);
			expect(new Set(domainsOf(first)).size).toBe(WEEKLY);
			// Score sorted, Linking Pages filled for every competitor from the prospect itself.
			for (const row of first) {
				expect(typeof row.prospect_score).toBe('number');
				for (const n of [1, 2])
					expect(String(row[`competitor${n}_linking_page`])).toMatch(
						new RegExp(`^https://${escaped(String(row.referring_domain))}/`),
					);
			}

			// Between the weeks two of the first week's prospects start linking to your domain.
			const won = [first[0], first[7]].map((row) => String(row.referring_domain));
			await liveSim.reset();
			for (const domain of won) await liveSim.gainLink(domain, YOURS);

			const run2 = await executeOk(n8n, exampleId(example));
			const second = nodeJson(run2, node);
			const wonRows = withStatus(second, 'won');
			expect(sorted(domainsOf(wonRows))).toEqual(sorted(won));
			for (const row of wonRows) {
				expect(row.won_domain).toBe(YOURS);
				expect(String(row.won_linking_page)).toMatch(
					new RegExp(`^https://${escaped(String(row.referring_domain))}/`),
				);
				expect(String(row.won_links_to)).toContain(YOURS);
				expect(row.won_note).toBeNull();
			}
			const fresh = withStatus(second, 'new');
			expect(fresh).toHaveLength(WEEKLY);
			expect(domainsOf(fresh).filter((domain) => domainsOf(first).includes(domain))).toEqual([]);
			expect(new Set(domainsOf(second)).size).toBe(second.length);

			// IF: won rows on its true output (Update), new ones on its false output (Append).
			expect(sorted(domainsOf(nodeJson(run2, 'Won?', 0)))).toEqual(sorted(won));
			expect(nodeJson(run2, 'Won?', 1)).toHaveLength(WEEKLY);
			expect(nodeJson(run2, 'Weekly Summary')).toEqual([
				expect.objectContaining({ new_prospects: WEEKLY, won_prospects: 2 }),
			]);
			// One backlinks/live call for both won pages, never one per prospect.
			const wonPages = (await liveSim.log()).filter(
				(entry) => entry.path === BACKLINKS && (entry.body as Row[])[0]?.target === YOURS,
			);
			expect(wonPages).toHaveLength(1);
			expect(sorted(((wonPages[0].body as Row[])[0].filters as unknown[])[2] as string[])).toEqual(
				sorted(won),
			);
		} finally {
			// Gained links are the simulator's state: the other scenarios see the graph as drawn.
			await liveSim.reset();
		}
	});
}
