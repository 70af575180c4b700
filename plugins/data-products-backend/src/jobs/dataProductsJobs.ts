import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DataProductsConfig } from '../config';
import { DataProductsStores } from '../database/openStores';
import { MissingProductNotices } from '../service/lifecycle/MissingProductNotices';
import { MissingProductsReport } from '../service/lifecycle/MissingProductsReport';
import { ScorecardService } from '../service/runs/ScorecardService';
import { alertsJob } from './alertsJob';
import { contractHistoryJob } from './contractHistoryJob';
import { historyJob } from './historyJob';
import { inventorySyncJob } from './inventorySyncJob';
import { lifecycleNotificationsJob } from './lifecycleNotificationsJob';
import { productSightingsJob } from './productSightingsJob';
import { runsRetentionJob } from './runsRetentionJob';
import { ScheduledJob } from './ScheduledJob';
import { rescoreJob } from './rescoreJob';
import { scoringJob } from './scoringJob';

/**
 * The plugin's scheduled jobs, as the configuration enables them: product
 * sightings and contract history always; lifecycle and missing-product
 * notices unless `stockroom.lifecycle.notifications.enabled` is false;
 * scoring, the rescoring of new runs, alerts and the history of past days unless
 * `stockroom.scoring.enabled` is false (the history also unless
 * `stockroom.scoring.history.days` is 0); the runs retention always (it
 * keeps every run scoring reads: config.ts checks the retention covers it);
 * the inventory's read model always.
 */
export function dataProductsJobs(deps: {
  config: DataProductsConfig;
  stores: DataProductsStores;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  logger: LoggerService;
  /** Shared with the runs router, so both score alike. */
  scorecards: ScorecardService;
  missingProducts: MissingProductsReport;
}): ScheduledJob[] {
  const { config, stores, catalog, auth, notifications, logger } = deps;
  const { lifecycleNotifications, contractHistory, scoring, policy } = config;
  const jobs: ScheduledJob[] = [];

  if (lifecycleNotifications.enabled) {
    jobs.push(
      lifecycleNotificationsJob({
        catalog,
        auth,
        notifications,
        store: stores.notificationLog,
        policy,
        logger,
        frequency: lifecycleNotifications.frequency,
      }),
    );
  } else {
    logger.info(
      'Lifecycle notifications are disabled (stockroom.lifecycle.notifications.enabled: false)',
    );
  }

  jobs.push(
    productSightingsJob({
      catalog,
      auth,
      store: stores.productSightings,
      // Owners hear once that a product dropped out of the catalog.
      missingNotices: lifecycleNotifications.enabled
        ? new MissingProductNotices({
            report: deps.missingProducts,
            store: stores.notificationLog,
            notifications,
            logger,
          })
        : undefined,
      logger,
    }),
    contractHistoryJob({
      catalog,
      auth,
      store: stores.contractHistory,
      policy,
      logger,
      frequency: contractHistory.frequency,
    }),
    runsRetentionJob({
      store: stores.runs,
      retentionMs: config.runsRetention.retentionMs,
      logger,
      frequency: config.runsRetention.pruningFrequency,
    }),
    inventorySyncJob({
      catalog,
      auth,
      model: stores.inventory,
      snapshots: stores.scorecardSnapshots,
      policy,
      funding: config.funding,
      fullPassIntervalMs: config.inventorySync.fullPassMs,
      logger,
      frequency: config.inventorySync.frequency,
    }),
  );

  if (scoring.enabled) {
    // The daily task and the rescoring of new runs snapshot alike, and
    // owners hear of exhausted budgets and tiers at risk once each.
    const snapshotting = {
      catalog,
      auth,
      store: stores.runs,
      snapshots: stores.scorecardSnapshots,
      scorecards: deps.scorecards,
      notifications,
      notificationLog: stores.notificationLog,
      logger,
    };
    jobs.push(
      scoringJob({ ...snapshotting, frequency: scoring.frequency }),
      rescoreJob({ ...snapshotting, frequency: scoring.rescore.frequency }),
      alertsJob({
        catalog,
        auth,
        notifications,
        notificationLog: stores.notificationLog,
        runs: stores.runs,
        contractHistory: stores.contractHistory,
        logger,
        frequency: scoring.frequency,
      }),
    );
    if (scoring.history.days > 0) {
      jobs.push(
        historyJob({
          catalog,
          auth,
          store: stores.runs,
          snapshots: stores.scorecardSnapshots,
          marks: stores.historyMarks,
          scorecards: deps.scorecards,
          contractHistory: stores.contractHistory,
          historyDays: scoring.history.days,
          scoring: {
            windowDays: scoring.windowDays,
            thresholds: scoring.thresholds,
            abortCountsAsFailure: scoring.abortCountsAsFailure,
            supplyChain: config.supplyChain,
          },
          notifications,
          notificationLog: stores.notificationLog,
          logger,
          frequency: scoring.history.frequency,
        }),
      );
    }
  }
  return jobs;
}
