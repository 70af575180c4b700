import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import type {
  DataProductsInventoryApi,
  InventoryPage,
  InventoryQuery,
} from '../../api';

/**
 * The inventory page for a query. While the next answer loads, the previous
 * one stays on screen (marked stale) so the table does not jump.
 */
export function useInventory(
  api: DataProductsInventoryApi,
  query: InventoryQuery,
  /** The query as a string: requests are keyed on it. */
  key: string,
) {
  const state = useAsync(
    () => api.getInventory(query),
    // the query object is derived from the key
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  const [last, setLast] = useState<InventoryPage>();
  useEffect(() => {
    if (state.value) setLast(state.value);
  }, [state.value]);

  const page = state.loading ? last : state.value;
  return {
    page: state.error ? undefined : page,
    loading: state.loading,
    stale: state.loading && !!last,
    error: state.error,
  };
}
