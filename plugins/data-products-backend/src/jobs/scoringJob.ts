import { ScoringJob, ScoringSummary } from '../service/runs/ScoringJob';
import { ConfiguredJobOptions, globalJob, ScheduledJob } from './ScheduledJob';
import {
  SupplyChainNoticeOptions,
  supplyChainNotifierFor,
} from './supplyChainNotifierFor';

/** Id of the scheduled task that recomputes and snapshots scorecards. */
export const SCORING_TASK_ID = 'data-products-scoring';

/**
 * Snapshots the scorecard of every product with new runs, and of every
 * product once a day, every `stockroom.scoring.frequency`; snapshots are
 * per day, so an overlapping run writes nothing twice. With a notifications
 * service and the notification log, each snapshot's owner is told once per
 * episode of an exhausted error budget, an alarming burn rate or a tier at
 * risk (see SupplyChainNotifier); without them nothing is sent.
 */
export function scoringJob(
  options: Omit<ConstructorParameters<typeof ScoringJob>[0], 'notifier'> &
    ConfiguredJobOptions &
    SupplyChainNoticeOptions,
): ScheduledJob<ScoringSummary> {
  const notifier = supplyChainNotifierFor(options);
  return globalJob({
    ...options,
    id: SCORING_TASK_ID,
    timeout: { minutes: 30 },
    work: new ScoringJob({ ...options, notifier }),
    report: summary => ({
      level: summary.failed > 0 || summary.noticesFailed > 0 ? 'warn' : 'info',
      message: `Scorecards: ${summary.products} products, ${summary.changed} rescored for new runs, ${summary.daily} daily snapshots, ${summary.failed} failed; supply-chain notices: ${summary.noticesSent} sent, ${summary.noticesFailed} failed`,
    }),
  });
}
