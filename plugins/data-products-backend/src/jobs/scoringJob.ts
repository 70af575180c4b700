import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { ScoringJob, ScoringSummary } from '../service/runs/ScoringJob';
import { FIRST_RUN_DELAY, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that recomputes and snapshots scorecards. */
export const SCORING_TASK_ID = 'data-products-scoring';

/**
 * Snapshots the scorecard of every product with new runs, and of every
 * product once a day, every `stockroom.scoring.frequency`.
 */
export function scoringJob(
  options: ConstructorParameters<typeof ScoringJob>[0] & {
    frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
    clock?: () => Date;
  },
): ScheduledJob<ScoringSummary> {
  const { logger, frequency, clock = () => new Date() } = options;
  const work = new ScoringJob(options);
  return {
    id: SCORING_TASK_ID,
    schedule: {
      // One instance of a cluster recomputes; snapshots are per day.
      scope: 'global',
      frequency,
      timeout: { minutes: 30 },
      initialDelay: FIRST_RUN_DELAY,
    },
    async run(signal) {
      const summary = await work.run(clock(), signal);
      logger[summary.failed > 0 ? 'warn' : 'info'](
        `Scorecards: ${summary.products} products, ${summary.changed} rescored for new runs, ${summary.daily} daily snapshots, ${summary.failed} failed`,
      );
      return summary;
    },
  };
}
