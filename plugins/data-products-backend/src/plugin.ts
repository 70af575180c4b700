import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { dataProductsPermissions } from '@stockroom/plugin-data-products-common';
import { readDataProductsConfig } from './config';
import { InventorySnapshotReader } from './database/InventorySnapshotReader';
import { KnexRunStore } from './database/KnexRunStore';
import { KnexContractHistoryStore } from './database/KnexContractHistoryStore';
import { KnexNotificationLogStore } from './database/KnexNotificationLogStore';
import { KnexProductSightingsStore } from './database/KnexProductSightingsStore';
import { ContractHistoryJob } from './service/contracts/ContractHistoryJob';
import { LifecycleNotificationsJob } from './service/notifications/LifecycleNotificationsJob';
import { MissingProductNotices } from './service/lifecycle/MissingProductNotices';
import { MissingProductsReport } from './service/lifecycle/MissingProductsReport';
import {
  PRODUCT_SIGHTINGS_TASK_ID,
  ProductSightingsJob,
} from './service/lifecycle/ProductSightingsJob';
import { createMissingProductsRouter } from './service/lifecycle/createMissingProductsRouter';
import { createContractsRouter } from './service/contracts/createContractsRouter';
import { createLifecycleRouter } from './service/lifecycle/createLifecycleRouter';
import { createOpenApiDocumentRouter } from './service/openapi';
import { createNotFoundRouter } from './service/notFoundRouter';
import {
  ScorecardService,
  createRunsRouter,
  createScoringTask,
} from './service/runs';
import { createAlertsTask } from './service/alerts';
import { createInventoryRouter } from './service/inventory';
import { migrateDatabase } from './database/migrateDatabase';
import {
  createTasksRouter,
  schedulerEndpointGuardServiceRef,
} from './service/tasks';

/** Id of the scheduled task that sends lifecycle notices. */
export const LIFECYCLE_NOTIFICATIONS_TASK_ID =
  'data-products-lifecycle-notifications';

/** Id of the scheduled task that records contract versions and opens drift incidents. */
export const CONTRACT_HISTORY_TASK_ID = 'data-products-contract-history';

/**
 * Stockroom's backend plugin: the lifecycle API and notices, and the
 * contract API, history and drift incidents.
 * Wiring only; the pieces live in src/service and src/database.
 *
 * @public
 */
export const dataProductsPlugin = createBackendPlugin({
  pluginId: 'data-products',
  register(env) {
    env.registerInit({
      deps: {
        // Before `scheduler`: guards the scheduler's own endpoints by being
        // created first (see schedulerEndpointGuard.ts).
        schedulerEndpointGuard: schedulerEndpointGuardServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, database, scheduler, httpRouter } = deps;
        // Throws on malformed config: start-up fails naming the key.
        const {
          policy,
          lifecycleNotifications,
          contractHistory,
          scoring,
          ingestion,
          funding,
        } = readDataProductsConfig(config);
        deps.permissionsRegistry.addPermissions(dataProductsPermissions);
        // Once, waiting out another instance's migration; throws (start-up
        // fails) if it cannot. The stores below reuse it.
        await migrateDatabase(database, { logger });
        const store = await KnexNotificationLogStore.create({ database });
        const contractHistoryStore = await KnexContractHistoryStore.create({
          database,
        });

        if (lifecycleNotifications.enabled) {
          const job = new LifecycleNotificationsJob({
            catalog: deps.catalog,
            auth: deps.auth,
            notifications: deps.notifications,
            store,
            policy,
            logger,
          });
          await scheduler.scheduleTask({
            id: LIFECYCLE_NOTIFICATIONS_TASK_ID,
            // One instance of a cluster runs it; the store's claims make each
            // notice once-only even if two runs ever overlap.
            scope: 'global',
            frequency: lifecycleNotifications.frequency,
            timeout: { minutes: 15 },
            // Let the catalog finish starting before the first read.
            initialDelay: { minutes: 1 },
            fn: async signal => {
              const summary = await job.run(new Date(), signal);
              // Quiet on the usual run, where everything due went out before.
              const log = summary.sent + summary.failed > 0 ? 'info' : 'debug';
              logger[log](
                `Lifecycle notices: ${summary.due} due, ${summary.sent} sent, ${summary.alreadySent} sent before, ${summary.failed} failed`,
              );
            },
          });
        } else {
          logger.info(
            'Lifecycle notifications are disabled (stockroom.lifecycle.notifications.enabled: false)',
          );
        }

        // The catalog forgets a product whose file stops defining it; these
        // sightings are what GET /lifecycle/missing compares it against.
        const sightingsStore = await KnexProductSightingsStore.create({
          database,
        });
        const sightingsJob = new ProductSightingsJob({
          catalog: deps.catalog,
          auth: deps.auth,
          store: sightingsStore,
        });
        const missingProducts = new MissingProductsReport({
          catalog: deps.catalog,
          auth: deps.auth,
          sightings: sightingsStore,
        });
        const missingNotices = lifecycleNotifications.enabled
          ? new MissingProductNotices({
              report: missingProducts,
              store,
              notifications: deps.notifications,
              logger,
            })
          : undefined;
        await scheduler.scheduleTask({
          id: PRODUCT_SIGHTINGS_TASK_ID,
          scope: 'global',
          // Often enough that a product's last sighting and file are recent
          // when it goes missing (the orphan cleanup runs every 30 s).
          frequency: { minutes: 10 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const now = new Date();
            const seen = await sightingsJob.run(now);
            logger.debug(`Product sightings: ${seen} products in the catalog`);
            // Owners hear once that a product dropped out of the catalog.
            const notices = await missingNotices?.run(now);
            if (notices && notices.sent + notices.failed > 0) {
              logger.info(
                `Missing-product notices: ${notices.sent} sent, ${notices.alreadySent} sent before, ${notices.failed} failed`,
              );
            }
          },
        });

        const historyJob = new ContractHistoryJob({
          catalog: deps.catalog,
          auth: deps.auth,
          store: contractHistoryStore,
          policy,
          logger,
        });
        await scheduler.scheduleTask({
          id: CONTRACT_HISTORY_TASK_ID,
          // One instance of a cluster runs it; the store's unique keys keep
          // versions and incidents single even if two runs ever overlap.
          scope: 'global',
          frequency: contractHistory.frequency,
          timeout: { minutes: 15 },
          initialDelay: { minutes: 1 },
          fn: async signal => {
            const summary = await historyJob.run(new Date(), signal);
            const recorded =
              summary.firstSightings + summary.changed + summary.failed;
            logger[recorded > 0 ? 'info' : 'debug'](
              `Contract history: ${summary.products} products, ${summary.firstSightings} first seen, ${summary.changed} changed, ${summary.incidentsOpened} incidents opened, ${summary.unchanged} unchanged, ${summary.failed} failed`,
            );
          },
        });

        const runStore = await KnexRunStore.create({ database });
        // one scorer for the API and the task, so both score alike
        const scorecards = new ScorecardService({
          catalog: deps.catalog,
          auth: deps.auth,
          store: runStore,
          windowDays: scoring.windowDays,
          thresholds: scoring.thresholds,
          abortCountsAsFailure: scoring.abortCountsAsFailure,
          // observed schemas are checked against the contract before each
          // snapshot; drift opens an incident the stability score counts
          contractHistory: contractHistoryStore,
          logger,
        });
        if (scoring.enabled) {
          const task = createScoringTask({
            catalog: deps.catalog,
            auth: deps.auth,
            store: runStore,
            logger,
            scorecards,
          });
          await scheduler.scheduleTask({
            id: task.id,
            // One instance of a cluster recomputes; snapshots are per day.
            scope: 'global',
            frequency: scoring.frequency,
            timeout: { minutes: 30 },
            initialDelay: { minutes: 1 },
            fn: task.fn,
          });
          const alerts = createAlertsTask({
            catalog: deps.catalog,
            auth: deps.auth,
            notifications: deps.notifications,
            notificationLog: store,
            runs: runStore,
            contractHistory: contractHistoryStore,
            logger,
          });
          await scheduler.scheduleTask({
            id: alerts.id,
            // One instance of a cluster sends; claims make each alert once-only.
            scope: 'global',
            frequency: scoring.frequency,
            timeout: { minutes: 15 },
            initialDelay: { minutes: 1 },
            fn: alerts.fn,
          });
        }

        // Ingestion parses its own bodies (5 MB limit, clear 413), so it is
        // mounted before anything that could parse JSON with a smaller limit.
        httpRouter.use(
          createRunsRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            auth: deps.auth,
            store: runStore,
            logger,
            scorecards,
            bodyLimit: ingestion.bodyLimit,
            minRefreshIntervalSeconds: scoring.minRefreshIntervalSeconds,
          }),
        );
        // the inventory reads the latest snapshots, never rescoring on read
        const inventorySnapshots = await InventorySnapshotReader.create({
          database,
        });
        httpRouter.use(
          createInventoryRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            snapshots: inventorySnapshots,
            policy,
            funding,
            auditor: deps.auditor,
          }),
        );
        // run a scheduled task now, for holders of stockroom.task.trigger
        httpRouter.use(
          createTasksRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scheduler,
            auditor: deps.auditor,
          }),
        );
        httpRouter.use(
          createMissingProductsRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            report: missingProducts,
          }),
        );
        httpRouter.use(
          createLifecycleRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            catalog: deps.catalog,
            policy,
          }),
        );
        httpRouter.use(
          createContractsRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            catalog: deps.catalog,
            contractHistory: contractHistoryStore,
          }),
        );
        httpRouter.use(
          createOpenApiDocumentRouter({ httpAuth: deps.httpAuth }),
        );
        // last: a JSON 404 for what no router above answers
        httpRouter.use(createNotFoundRouter());
      },
    });
  },
});
