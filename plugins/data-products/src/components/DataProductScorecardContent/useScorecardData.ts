import { useCallback, useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  DataProductRuns,
  DataProductScorecard,
  DataProductsApi,
} from '../../api';
import type { RefreshOutcome } from './OverallSection';
import type { RunsState } from './BreachesSection';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A refusal to refresh: 403 from the backend (or a NotAllowedError). */
function isForbidden(error: unknown): boolean {
  const e = error as { name?: string; statusCode?: number } | undefined;
  return e?.statusCode === 403 || e?.name === 'NotAllowedError';
}

/** The scorecard, its refreshes, and its history since `days` ago. */
export function useScorecard(
  api: DataProductsApi,
  entityRef: CompoundEntityRef,
  days: number,
) {
  const key = `${entityRef.namespace}/${entityRef.name}`;
  const loaded = useAsync(() => api.getScorecard(entityRef), [api, key]);
  const history = useAsyncRetry(
    () =>
      api.getScorecardHistory(entityRef, {
        from: new Date(Date.now() - days * DAY_MS).toISOString(),
      }),
    [api, key, days],
  );
  const [refreshed, setRefreshed] = useState<DataProductScorecard>();
  const [outcome, setOutcome] = useState<RefreshOutcome>({ state: 'idle' });
  useEffect(() => {
    setRefreshed(undefined);
    setOutcome({ state: 'idle' });
  }, [key]);

  const { retry: reloadHistory } = history;
  const refresh = useCallback(async () => {
    setOutcome({ state: 'pending' });
    try {
      const card = await api.refreshScorecard(entityRef);
      setRefreshed(card);
      setOutcome({ state: 'done', at: card.computedAt });
      // the new snapshot belongs in the trends too
      reloadHistory();
    } catch (error) {
      setOutcome(
        isForbidden(error)
          ? { state: 'forbidden' }
          : {
              state: 'failed',
              message: (error as Error)?.message ?? String(error),
            },
      );
    }
  }, [api, entityRef, reloadHistory]);

  return {
    scorecard: refreshed ?? loaded.value,
    loading: loaded.loading && !refreshed,
    error: refreshed ? undefined : loaded.error,
    refresh: () => {
      refresh();
    },
    outcome,
    history: {
      items: history.value?.items,
      loading: history.loading && !history.value,
      error: history.error,
    },
  };
}

/** The latest runs, a page at a time, latest first. */
export function useRuns(
  api: DataProductsApi,
  entityRef: CompoundEntityRef,
  pageSize: number,
): RunsState {
  const key = `${entityRef.namespace}/${entityRef.name}`;
  const first = useAsync(
    () => api.getRuns(entityRef, { limit: pageSize }),
    [api, key, pageSize],
  );
  const [older, setOlder] = useState<DataProductRuns[]>([]);
  useEffect(() => setOlder([]), [key, first.value]);

  const nextBefore =
    older.length > 0
      ? older[older.length - 1].nextBefore
      : first.value?.nextBefore ?? null;

  const [more, fetchMore] = useAsyncFn(async () => {
    if (!nextBefore) return;
    const page = await api.getRuns(entityRef, {
      limit: pageSize,
      before: nextBefore,
    });
    setOlder(pages => [...pages, page]);
  }, [api, key, pageSize, nextBefore]);

  const items = useMemo(
    () => [...(first.value?.items ?? []), ...older.flatMap(page => page.items)],
    [first.value, older],
  );
  const loadMore = useCallback(() => {
    fetchMore();
  }, [fetchMore]);

  return {
    items,
    loading: first.loading,
    error: first.error,
    hasMore: !!nextBefore,
    loadingMore: more.loading,
    moreError: more.error,
    loadMore,
  };
}
