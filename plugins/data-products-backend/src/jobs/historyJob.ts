import { ContractHistoryStore } from '../database/ContractHistoryStore';
import {
  HistoryBackfill,
  HistoryBackfillSummary,
} from '../service/history/HistoryBackfill';
import { ProductHistory } from '../service/history/ProductHistory';
import { ScoringOptions } from '../service/runs/ScorecardService';
import { ConfiguredJobOptions, globalJob, ScheduledJob } from './ScheduledJob';
import {
  SupplyChainNoticeOptions,
  supplyChainNotifierFor,
} from './supplyChainNotifierFor';

/** Id of the scheduled task that computes past daily snapshots. */
export const HISTORY_TASK_ID = 'data-products-history';

/**
 * Computes past days' snapshots from stored runs (first start, a replay,
 * late runs) every `stockroom.scoring.history.frequency`, scoring as the
 * live scorecards do (`scoring`). The live snapshot taken after a product's
 * history changed goes through the owner notices, as the scoring task's do.
 */
export function historyJob(
  options: Omit<
    ConstructorParameters<typeof HistoryBackfill>[0],
    'history' | 'afterSnapshot'
  > &
    ConfiguredJobOptions &
    SupplyChainNoticeOptions & {
      scoring: ScoringOptions;
      /** What past days' stability scores read, as the live ones do. */
      contractHistory?: ContractHistoryStore;
    },
): ScheduledJob<HistoryBackfillSummary> {
  const { scoring } = options;
  const notifier = supplyChainNotifierFor(options);
  return globalJob({
    ...options,
    id: HISTORY_TASK_ID,
    timeout: { minutes: 60 },
    work: new HistoryBackfill({
      ...options,
      windowDays: scoring.windowDays,
      history: new ProductHistory({ ...options, ...scoring }),
      afterSnapshot: notifier
        ? (product, snapshot, now) =>
            notifier.afterSnapshot(product, snapshot, now)
        : undefined,
    }),
    report: summary => ({
      level: historyReportLevel(summary),
      message: `History: ${summary.backfilled} of ${summary.products} products had ${summary.days} past days computed, ${summary.failed} failed`,
    }),
  });
}

/** Failures warn; a pass that computed something informs; an idle one is debug. */
function historyReportLevel(
  summary: HistoryBackfillSummary,
): 'debug' | 'info' | 'warn' {
  if (summary.failed > 0) return 'warn';
  return summary.backfilled > 0 ? 'info' : 'debug';
}
