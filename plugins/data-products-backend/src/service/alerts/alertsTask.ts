import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { NotificationLogStore } from '../../database/NotificationLogStore';
import { RunStore } from '../../database/RunStore';
import { AlertsJob, AlertsSummary } from './AlertsJob';

/** Id of the scheduled task that sends SLA breach and drift alerts. */
export const ALERTS_TASK_ID = 'data-products-alerts';

/**
 * The scheduled alerts task, for `scheduler.scheduleTask({ ...task, scope:
 * 'global', frequency, timeout })`: SLA breach streaks and drift incidents,
 * each told once to the product's owner (see {@link AlertsJob}).
 */
export function createAlertsTask(options: {
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  notificationLog: NotificationLogStore;
  runs: RunStore;
  contractHistory: ContractHistoryStore;
  logger: LoggerService;
  clock?: () => Date;
  /** How old a breach streak or incident may be and still alert; 24 h by default. */
  lookbackMs?: number;
  /** Attempts before a failing alert is given up; 5 by default. */
  maxAttempts?: number;
  /** Wait after a first failure, doubled after each; 10 min by default. */
  retryBaseMs?: number;
  /** How long one send may take; 30 s by default. */
  sendTimeoutMs?: number;
}): {
  id: string;
  /** For `scheduler.scheduleTask`. */
  fn: (signal: AbortSignal) => Promise<void>;
  /** The same run, returning what it did. */
  run: (signal?: AbortSignal) => Promise<AlertsSummary>;
} {
  const { logger, clock = () => new Date() } = options;
  const job = new AlertsJob(options);
  const run = async (signal?: AbortSignal) => {
    const summary = await job.run(clock(), signal);
    // Quiet on the usual run, where everything due went out before.
    let level: 'warn' | 'info' | 'debug' = 'debug';
    if (summary.failed > 0 || summary.gaveUp > 0) level = 'warn';
    else if (summary.sent > 0) level = 'info';
    logger[level](
      `Alerts: ${summary.due} due, ${summary.sent} sent, ${summary.alreadySent} sent or given up before, ${summary.failed} failed, ${summary.deferred} waiting to be retried, ${summary.gaveUp} given up`,
    );
    return summary;
  };
  return {
    id: ALERTS_TASK_ID,
    fn: async signal => {
      await run(signal);
    },
    run,
  };
}
