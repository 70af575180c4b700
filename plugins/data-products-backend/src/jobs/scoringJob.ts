import { ScoringJob, ScoringSummary } from '../service/runs/ScoringJob';
import { ConfiguredJobOptions, globalJob, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that recomputes and snapshots scorecards. */
export const SCORING_TASK_ID = 'data-products-scoring';

/**
 * Snapshots the scorecard of every product with new runs, and of every
 * product once a day, every `stockroom.scoring.frequency`; snapshots are
 * per day, so an overlapping run writes nothing twice.
 */
export function scoringJob(
  options: ConstructorParameters<typeof ScoringJob>[0] & ConfiguredJobOptions,
): ScheduledJob<ScoringSummary> {
  return globalJob({
    ...options,
    id: SCORING_TASK_ID,
    timeout: { minutes: 30 },
    work: new ScoringJob(options),
    report: summary => ({
      level: summary.failed > 0 ? 'warn' : 'info',
      message: `Scorecards: ${summary.products} products, ${summary.changed} rescored for new runs, ${summary.daily} daily snapshots, ${summary.failed} failed`,
    }),
  });
}
