import { ReadItem, type ApiItem, type ItemReader } from '../api/responseSchema';
import type { ItemWriter, PreparedRow } from '../output/itemWriter';
import type { FetchPage, PagingOptions } from './pages';
import type { Turns } from '../api/turns';

/**
 * Pages whose rows are built on arrival, most of them while the answer is still being parsed
 * (`fetchWith` is given the reader): readPages then holds, for a page that waits for an earlier
 * one, its rows rather than the API's parsed answer (several times their size).
 */
export function preparedPages(
	fetchWith: (read: ItemReader<PreparedRow>) => FetchPage<ApiItem | ReadItem<PreparedRow>>,
	writer: ItemWriter,
	turns: Turns,
): FetchPage<PreparedRow> {
	const fetchPage = fetchWith(writer.reader());
	return async (task) => {
		const page = await fetchPage(task);
		return { total: page.total, items: await writer.prepare(page.items, turns) };
	};
}

/** readPages' options for prepared pages: de-duplicated by the domain found when building. */
export const PREPARED: Pick<PagingOptions<PreparedRow>, 'domainOf'> = {
	domainOf: (row) => row.domain,
};
