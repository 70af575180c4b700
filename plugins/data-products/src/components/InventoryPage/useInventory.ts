import { useEffect, useMemo, useState } from 'react';
import type {
  DataProductsInventoryApi,
  InventoryPage,
  InventoryQuery,
} from '../../api';
import { sharedRequest } from './inFlight';

type Settled =
  | { request: Promise<InventoryPage>; value: InventoryPage }
  | { request: Promise<InventoryPage>; error: Error };

/**
 * The inventory page for a query. While the next answer loads, the previous
 * one stays on screen (marked stale) so the table does not jump.
 *
 * The request is sent as the page renders, not from an effect: an effect
 * runs only once the whole page (filters, skeletons, the table's header)
 * has been rendered and committed, and on a cold load that is time the
 * request could already have been on its way. It is keyed on the query
 * string, so a render of the same query sends nothing, and shared while in
 * flight, so a render React throws away and starts again sends it once.
 */
export function useInventory(
  api: DataProductsInventoryApi,
  query: InventoryQuery,
  /** The query as a string: requests are keyed on it. */
  key: string,
) {
  const request = useMemo(
    () => {
      const sent = sharedRequest(api, key, () => api.getInventory(query));
      // handled in the effect below; this keeps a rejection that settles
      // before the effect runs from being reported as unhandled
      sent.catch(() => {});
      return sent;
    },
    // the query object is derived from the key
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  const [settled, setSettled] = useState<Settled>();
  useEffect(() => {
    let current = true;
    request.then(
      value => current && setSettled({ request, value }),
      error => current && setSettled({ request, error }),
    );
    return () => {
      current = false;
    };
  }, [request]);

  const answered = settled?.request === request ? settled : undefined;
  const loading = !answered;
  // the last page answered, shown (stale) while the next one loads
  const [last, setLast] = useState<InventoryPage>();
  const value = answered && 'value' in answered ? answered.value : undefined;
  useEffect(() => {
    if (value) setLast(value);
  }, [value]);

  const error = answered && 'error' in answered ? answered.error : undefined;
  return {
    page: error ? undefined : value ?? (loading ? last : undefined),
    loading,
    stale: loading && !!last,
    error,
  };
}
