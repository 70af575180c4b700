import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { AlertsJob, AlertsSummary } from '../service/alerts/AlertsJob';
import { FIRST_RUN_DELAY, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that sends SLA breach and drift alerts. */
export const ALERTS_TASK_ID = 'data-products-alerts';

/**
 * SLA breach streaks and drift incidents, each told once to the product's
 * owner (see {@link AlertsJob}), as often as scoring runs.
 */
export function alertsJob(
  options: ConstructorParameters<typeof AlertsJob>[0] & {
    frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
    clock?: () => Date;
  },
): ScheduledJob<AlertsSummary> {
  const { logger, frequency, clock = () => new Date() } = options;
  const work = new AlertsJob(options);
  return {
    id: ALERTS_TASK_ID,
    schedule: {
      // One instance of a cluster sends; claims make each alert once-only.
      scope: 'global',
      frequency,
      timeout: { minutes: 15 },
      initialDelay: FIRST_RUN_DELAY,
    },
    async run(signal) {
      const summary = await work.run(clock(), signal);
      // Quiet on the usual run, where everything due went out before.
      let level: 'warn' | 'info' | 'debug' = 'debug';
      if (summary.failed > 0 || summary.gaveUp > 0) level = 'warn';
      else if (summary.sent > 0) level = 'info';
      logger[level](
        `Alerts: ${summary.due} due, ${summary.sent} sent, ${summary.alreadySent} sent or given up before, ${summary.failed} failed, ${summary.deferred} waiting to be retried, ${summary.gaveUp} given up`,
      );
      return summary;
    },
  };
}
