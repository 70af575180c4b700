import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import {
  inventorySearchParams,
  parseInventoryQuery,
  type InventoryQuery,
  type InventorySortKey,
  type InventorySortOrder,
} from '../../api';

/** The filters a user sets; changing one starts again at the first page. */
export type InventoryFilters = Omit<
  InventoryQuery,
  'sort' | 'order' | 'limit' | 'cursor'
>;

/**
 * Where "previous page" goes: the cursors of the pages before this one,
 * kept in the history entry (cursors only lead forwards). A reload keeps
 * them; a link shared at page 3 starts its "previous" at the first page.
 */
interface PageHistory {
  previousCursors: string[];
}

function previousCursorsOf(state: unknown): string[] {
  const cursors = (state as Partial<PageHistory> | null)?.previousCursors;
  return Array.isArray(cursors)
    ? cursors.filter((c): c is string => typeof c === 'string')
    : [];
}

/**
 * The inventory view lives in the URL's query string, with the API's own
 * parameter names: a reload keeps it, a link shares it, back and forward
 * step through the views. Every change is a new history entry.
 */
export function useInventoryUrl() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const search = searchParams.toString();
  const query = useMemo(() => parseInventoryQuery(search), [search]);
  const previousCursors = previousCursorsOf(location.state);

  const go = useCallback(
    (next: InventoryQuery, history?: PageHistory) =>
      setSearchParams(inventorySearchParams(next), {
        state: history ?? null,
      }),
    [setSearchParams],
  );

  const setFilters = useCallback(
    (patch: Partial<InventoryFilters>) => {
      const { cursor: _cursor, ...rest } = query;
      go({ ...rest, ...patch });
    },
    [go, query],
  );

  const clearFilters = useCallback(() => {
    go({ sort: query.sort, order: query.order, limit: query.limit });
  }, [go, query.sort, query.order, query.limit]);

  const setSort = useCallback(
    (sort: InventorySortKey | undefined, order?: InventorySortOrder) => {
      const { cursor: _cursor, sort: _s, order: _o, ...rest } = query;
      go(sort ? { ...rest, sort, order } : rest);
    },
    [go, query],
  );

  const setPageSize = useCallback(
    (limit: number | undefined) => {
      const { cursor: _cursor, ...rest } = query;
      go({ ...rest, limit });
    },
    [go, query],
  );

  const nextPage = useCallback(
    (cursor: string) => {
      go(
        { ...query, cursor },
        { previousCursors: [...previousCursors, query.cursor ?? ''] },
      );
    },
    [go, query, previousCursors],
  );

  const previousPage = useCallback(() => {
    const cursors = [...previousCursors];
    const previous = cursors.pop();
    const { cursor: _cursor, ...rest } = query;
    go(previous ? { ...rest, cursor: previous } : rest, {
      previousCursors: cursors,
    });
  }, [go, query, previousCursors]);

  let pageNumber: number | undefined = 1;
  if (query.cursor !== undefined) {
    pageNumber =
      previousCursors.length > 0 ? previousCursors.length + 1 : undefined;
  }

  return {
    query,
    /** The query string, to key requests on. */
    search,
    setFilters,
    clearFilters,
    setSort,
    setPageSize,
    nextPage,
    previousPage,
    /** True past the first page. */
    hasPreviousPage: query.cursor !== undefined,
    /** 1-based page number; unknown when the page was opened by a link to a later page. */
    pageNumber,
  };
}
