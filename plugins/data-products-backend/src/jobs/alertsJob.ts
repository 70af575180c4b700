import { AlertsJob, AlertsSummary } from '../service/alerts/AlertsJob';
import { ConfiguredJobOptions, globalJob, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that sends SLA breach and drift alerts. */
export const ALERTS_TASK_ID = 'data-products-alerts';

/**
 * SLA breach streaks and drift incidents, each told once to the product's
 * owner (see {@link AlertsJob}: claims make each alert once-only), as often
 * as scoring runs.
 */
export function alertsJob(
  options: ConstructorParameters<typeof AlertsJob>[0] & ConfiguredJobOptions,
): ScheduledJob<AlertsSummary> {
  return globalJob({
    ...options,
    id: ALERTS_TASK_ID,
    timeout: { minutes: 15 },
    work: new AlertsJob(options),
    report: summary => {
      // Quiet on the usual run, where everything due went out before.
      let level: 'warn' | 'info' | 'debug' = 'debug';
      if (summary.failed > 0 || summary.gaveUp > 0) level = 'warn';
      else if (summary.sent > 0) level = 'info';
      return {
        level,
        message: `Alerts: ${summary.due} due, ${summary.sent} sent, ${summary.alreadySent} sent or given up before, ${summary.failed} failed, ${summary.deferred} waiting to be retried, ${summary.gaveUp} given up`,
      };
    },
  });
}
