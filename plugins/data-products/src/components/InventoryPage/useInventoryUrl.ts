import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import {
  inventorySearchParams,
  parseInventoryQuery,
  type InventoryQuery,
  type InventorySortKey,
  type InventorySortOrder,
} from '../../api';
import {
  COLUMNS_PARAM,
  columnsParam,
  parseColumns,
  type InventoryColumn,
} from './inventoryColumns';

/** The query parameter of the inventory's view; absent is the table. */
export const VIEW_PARAM = 'view';
/** The views of the inventory: the table, or "Freshness vs cost". */
export type InventoryView = 'table' | 'freshness-cost';

function parseView(value: string | null): InventoryView {
  return value === 'freshness-cost' ? value : 'table';
}

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
 * step through the views. Every change is a new history entry. The table's
 * columns are there too (`columns`), outside the query sent to the backend.
 */
export function useInventoryUrl() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const columnsValue = searchParams.get(COLUMNS_PARAM);
  const view = parseView(searchParams.get(VIEW_PARAM));
  // the request key: choosing columns or the view must not fetch the page again
  const search = useMemo(() => {
    const params = new URLSearchParams(searchParams);
    params.delete(COLUMNS_PARAM);
    params.delete(VIEW_PARAM);
    return params.toString();
  }, [searchParams]);
  const query = useMemo(() => parseInventoryQuery(search), [search]);
  const columns = useMemo(() => parseColumns(columnsValue), [columnsValue]);
  const previousCursors = previousCursorsOf(location.state);

  /** The URL for a query, keeping the chosen columns and view. */
  const paramsFor = useCallback(
    (
      next: InventoryQuery,
      chosen: readonly InventoryColumn[],
      shown: InventoryView,
    ) => {
      const params = inventorySearchParams(next);
      const value = columnsParam(chosen);
      if (value) params.set(COLUMNS_PARAM, value);
      if (shown !== 'table') params.set(VIEW_PARAM, shown);
      return params;
    },
    [],
  );

  const go = useCallback(
    (next: InventoryQuery, history?: PageHistory) =>
      setSearchParams(paramsFor(next, columns, view), {
        state: history ?? null,
      }),
    [setSearchParams, paramsFor, columns, view],
  );

  /** Shows these columns; the data, the page and its history stay. */
  const setColumns = useCallback(
    (chosen: readonly InventoryColumn[]) =>
      setSearchParams(paramsFor(query, chosen, view), {
        state: { previousCursors } satisfies PageHistory,
      }),
    [setSearchParams, paramsFor, query, view, previousCursors],
  );

  /** Shows the table or "Freshness vs cost" of the same page. */
  const setView = useCallback(
    (shown: InventoryView) =>
      setSearchParams(paramsFor(query, columns, shown), {
        state: { previousCursors } satisfies PageHistory,
      }),
    [setSearchParams, paramsFor, query, columns, previousCursors],
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
    /** The table's columns, in table order. */
    columns,
    setColumns,
    /** The table, or "Freshness vs cost" (`view=freshness-cost`). */
    view,
    setView,
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
