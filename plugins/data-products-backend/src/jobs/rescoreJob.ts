import { RescoreJob, RescoreSummary } from '../service/runs/RescoreJob';
import {
  ConfiguredJobOptions,
  globalJob,
  RunReport,
  ScheduledJob,
} from './ScheduledJob';
import {
  SupplyChainNoticeOptions,
  supplyChainNotifierFor,
} from './supplyChainNotifierFor';

/** Id of the scheduled task that rescores products soon after their runs arrive. */
export const RESCORE_TASK_ID = 'data-products-rescore';

/**
 * Rescores the products whose runs arrived since their latest snapshot,
 * every `stockroom.scoring.rescore.frequency` (15 s by default), on one
 * instance of a cluster at a time (see RescoreJob). Quiet when there was
 * nothing to do: at that frequency an info line per pass would drown the
 * log.
 */
export function rescoreJob(
  options: Omit<ConstructorParameters<typeof RescoreJob>[0], 'notifier'> &
    ConfiguredJobOptions &
    SupplyChainNoticeOptions,
): ScheduledJob<RescoreSummary> {
  const notifier = supplyChainNotifierFor(options);
  return globalJob({
    ...options,
    id: RESCORE_TASK_ID,
    timeout: { minutes: 10 },
    work: new RescoreJob({ ...options, notifier }),
    report: summary => ({
      level: levelOf(summary),
      message: `Rescoring new runs: ${summary.withNewRuns} products with new runs, ${summary.rescored} rescored, ${summary.failed} failed, ${summary.notInCatalog} not in the catalog; supply-chain notices: ${summary.noticesSent} sent, ${summary.noticesFailed} failed`,
    }),
  });
}

function levelOf(summary: RescoreSummary): RunReport['level'] {
  if (summary.failed > 0 || summary.noticesFailed > 0) return 'warn';
  return summary.withNewRuns > 0 ? 'info' : 'debug';
}
