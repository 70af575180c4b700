import {
  BackendFeature,
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/config';
import catalogModuleDataProducts from '@stockroom/plugin-catalog-backend-module-data-products';

export interface CatalogBackend {
  /** For supertest: `request(catalog.backend.server)`. */
  backend: Awaited<ReturnType<typeof startTestBackend>>;
  /** `<kind of the unprocessed entity>: <message>`, as a log module sees them. */
  processingErrors: string[];
  /**
   * The catalog's scheduler: the test backend's mock runs tasks at start-up
   * and then only when triggered (e.g. `catalog_orphan_cleanup`).
   */
  scheduler: SchedulerService;
}

/**
 * A real catalog backend in the test process: Backstage's catalog plugin
 * with the DataProduct module (unless `dataProducts: false`), configured by
 * `catalog` (the app-config section: rules, locations, processingInterval),
 * collecting processing errors. `features` adds plugins or services, e.g. the
 * scaffolder.
 */
export async function startCatalogBackend(options: {
  catalog: JsonObject;
  features?: BackendFeature[];
  dataProducts?: boolean;
}): Promise<CatalogBackend> {
  const processingErrors: string[] = [];
  let scheduler: SchedulerService | undefined;
  const observer = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-observer',
    register(reg) {
      reg.registerInit({
        deps: {
          processing: catalogProcessingExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init(deps) {
          scheduler = deps.scheduler;
          deps.processing.setOnProcessingErrorHandler(event => {
            for (const error of event.errors) {
              processingErrors.push(
                `${event.unprocessedEntity.kind}: ${String(error.message)}`,
              );
            }
          });
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...(options.dataProducts === false ? [] : [catalogModuleDataProducts]),
      observer,
      mockServices.rootConfig.factory({ data: { catalog: options.catalog } }),
      ...(options.features ?? []),
    ],
  });
  return { backend, processingErrors, scheduler: scheduler! };
}

/** Polls `probe` every 250 ms until it returns a value; 30 s at most. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
