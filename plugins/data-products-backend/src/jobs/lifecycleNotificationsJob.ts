import {
  LifecycleNotificationsJob,
  LifecycleNotificationsSummary,
} from '../service/notifications/LifecycleNotificationsJob';
import { ConfiguredJobOptions, globalJob, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that sends lifecycle notices. */
export const LIFECYCLE_NOTIFICATIONS_TASK_ID =
  'data-products-lifecycle-notifications';

/**
 * Lifecycle notices (expiring, expired, deprecated), every
 * `stockroom.lifecycle.notifications.frequency`; the log's claims make each
 * notice once-only even if two runs ever overlap.
 */
export function lifecycleNotificationsJob(
  options: ConstructorParameters<typeof LifecycleNotificationsJob>[0] &
    ConfiguredJobOptions,
): ScheduledJob<LifecycleNotificationsSummary> {
  return globalJob({
    ...options,
    id: LIFECYCLE_NOTIFICATIONS_TASK_ID,
    timeout: { minutes: 15 },
    work: new LifecycleNotificationsJob(options),
    report: summary => ({
      // Quiet on the usual run, where everything due went out before.
      level: summary.sent + summary.failed > 0 ? 'info' : 'debug',
      message: `Lifecycle notices: ${summary.due} due, ${summary.sent} sent, ${summary.alreadySent} sent before, ${summary.failed} failed`,
    }),
  });
}
