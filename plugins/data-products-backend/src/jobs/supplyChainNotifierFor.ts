import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationLogStore } from '../database/NotificationLogStore';
import { ScorecardSnapshotStore } from '../database/ScorecardSnapshotStore';
import { SupplyChainNotifier } from '../service/notifications/SupplyChainNotifier';

/** What a job needs to tell owners about its snapshots. */
export type SupplyChainNoticeOptions = {
  notifications?: NotificationService;
  notificationLog?: NotificationLogStore;
};

/**
 * The owner notices of the snapshots a job takes (exhausted budgets,
 * alarming burn rates, tiers at risk), or none without a notifications
 * service and the notification log.
 */
export function supplyChainNotifierFor(
  options: SupplyChainNoticeOptions & {
    snapshots: ScorecardSnapshotStore;
    logger: LoggerService;
  },
): SupplyChainNotifier | undefined {
  const { notifications, notificationLog } = options;
  return notifications && notificationLog
    ? new SupplyChainNotifier({
        snapshots: options.snapshots,
        log: notificationLog,
        notifications,
        logger: options.logger,
      })
    : undefined;
}
