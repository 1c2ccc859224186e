import type { ItemWriter, PreparedRow } from '../output/itemWriter';
import type { FetchPage, PagingOptions } from './pages';
import type { Turns } from '../api/turns';

/**
 * Pages whose rows are built on arrival: readPages then holds, for a page that waits for an
 * earlier one, its rows rather than the API's parsed answer (several times their size).
 */
export function preparedPages(
	fetchPage: FetchPage,
	writer: ItemWriter,
	turns: Turns,
): FetchPage<PreparedRow> {
	return async (task) => {
		const page = await fetchPage(task);
		return { total: page.total, items: await writer.prepare(page.items, turns) };
	};
}

/** readPages' options for prepared pages: de-duplicated by the domain found when building. */
export const PREPARED: Pick<PagingOptions<PreparedRow>, 'domainOf'> = {
	domainOf: (row) => row.domain,
};
