import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  LifecycleNotificationsJob,
  LifecycleNotificationsSummary,
} from '../service/notifications/LifecycleNotificationsJob';
import { FIRST_RUN_DELAY, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that sends lifecycle notices. */
export const LIFECYCLE_NOTIFICATIONS_TASK_ID =
  'data-products-lifecycle-notifications';

/**
 * Lifecycle notices (expiring, expired, deprecated), every
 * `stockroom.lifecycle.notifications.frequency`.
 */
export function lifecycleNotificationsJob(
  options: ConstructorParameters<typeof LifecycleNotificationsJob>[0] & {
    frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
    clock?: () => Date;
  },
): ScheduledJob<LifecycleNotificationsSummary> {
  const { logger, frequency, clock = () => new Date() } = options;
  const work = new LifecycleNotificationsJob(options);
  return {
    id: LIFECYCLE_NOTIFICATIONS_TASK_ID,
    schedule: {
      // One instance of a cluster runs it; the log's claims make each
      // notice once-only even if two runs ever overlap.
      scope: 'global',
      frequency,
      timeout: { minutes: 15 },
      initialDelay: FIRST_RUN_DELAY,
    },
    async run(signal) {
      const summary = await work.run(clock(), signal);
      // Quiet on the usual run, where everything due went out before.
      const level = summary.sent + summary.failed > 0 ? 'info' : 'debug';
      logger[level](
        `Lifecycle notices: ${summary.due} due, ${summary.sent} sent, ${summary.alreadySent} sent before, ${summary.failed} failed`,
      );
      return summary;
    },
  };
}
