import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { dataProductsPermissions } from '@stockroom/plugin-data-products-common';
import { registerActions } from './actions/registerActions';
import { readDataProductsConfig } from './config';
import { openStores } from './database/openStores';
import { dataProductsJobs } from './jobs/dataProductsJobs';
import { scheduleJobs } from './jobs/scheduleJobs';
import { MissingProductsReport } from './service/lifecycle/MissingProductsReport';
import { createMissingProductsRouter } from './service/lifecycle/createMissingProductsRouter';
import { createContractsRouter } from './service/contracts/createContractsRouter';
import { createLifecycleRouter } from './service/lifecycle/createLifecycleRouter';
import { createOpenApiDocumentRouter } from './service/openapi';
import { createNotFoundRouter } from './service/notFoundRouter';
import { ScorecardService, createRunsRouter } from './service/runs';
import { createInventoryRouter } from './service/inventory';
import {
  createTasksRouter,
  schedulerEndpointGuardServiceRef,
} from './service/tasks';

/**
 * Stockroom's backend plugin: the lifecycle API and notices, and the
 * contract API, history and drift incidents.
 * Wiring only: stores (src/database), services and routers (src/service),
 * scheduled jobs (src/jobs).
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
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, database, scheduler, httpRouter } = deps;
        // Throws on malformed config: start-up fails naming the key.
        const dataProductsConfig = readDataProductsConfig(config);
        const { policy, scoring, ingestion, funding } = dataProductsConfig;
        deps.permissionsRegistry.addPermissions(dataProductsPermissions);
        // Migrates once, waiting out another instance's migration; throws
        // (start-up fails) if it cannot. Then every store, on that client.
        const stores = await openStores(database, { logger });

        // one scorer for the API and the task, so both score alike
        const scorecards = new ScorecardService({
          catalog: deps.catalog,
          auth: deps.auth,
          store: stores.runs,
          snapshots: stores.scorecardSnapshots,
          windowDays: scoring.windowDays,
          thresholds: scoring.thresholds,
          abortCountsAsFailure: scoring.abortCountsAsFailure,
          supplyChain: dataProductsConfig.supplyChain,
          // observed schemas are checked against the contract before each
          // snapshot; drift opens an incident the stability score counts
          contractHistory: stores.contractHistory,
          logger,
        });
        // The catalog forgets a product whose file stops defining it; the
        // sightings are what GET /lifecycle/missing compares it against.
        const missingProducts = new MissingProductsReport({
          catalog: deps.catalog,
          auth: deps.auth,
          sightings: stores.productSightings,
        });

        await scheduleJobs(
          scheduler,
          dataProductsJobs({
            config: dataProductsConfig,
            stores,
            catalog: deps.catalog,
            auth: deps.auth,
            notifications: deps.notifications,
            logger,
            scorecards,
            missingProducts,
          }),
          logger,
        );

        // Ingestion parses its own bodies (5 MB limit, clear 413), so it is
        // mounted before anything that could parse JSON with a smaller limit.
        httpRouter.use(
          createRunsRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            auth: deps.auth,
            store: stores.runs,
            snapshots: stores.scorecardSnapshots,
            logger,
            scorecards,
            bodyLimit: ingestion.bodyLimit,
            minRefreshIntervalSeconds: scoring.minRefreshIntervalSeconds,
          }),
        );
        httpRouter.use(
          createInventoryRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            // the latest snapshots, never rescoring on read
            snapshots: stores.scorecardSnapshots,
            // kept by the task data-products-inventory-sync
            readModel: stores.inventory,
            policy,
            funding,
            // the same multipliers and typical lags as the Contract tab's
            costs: dataProductsConfig.costs,
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
            contractHistory: stores.contractHistory,
            costs: dataProductsConfig.costs,
          }),
        );
        httpRouter.use(
          createOpenApiDocumentRouter({ httpAuth: deps.httpAuth }),
        );
        // read-only actions for agents (MCP), with the caller's credentials
        registerActions({
          actionsRegistry: deps.actionsRegistry,
          catalog: deps.catalog,
          permissions: deps.permissions,
          snapshots: stores.scorecardSnapshots,
          scorecards,
          policy,
          funding,
        });
        // last: a JSON 404 for what no router above answers
        httpRouter.use(createNotFoundRouter());
      },
    });
  },
});
