import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleDataProducts } from '../module';

/** One processing error, with the name of the entity it is about. */
export type ProcessingError = { entityRef: string; message: string };

/** Collects the catalog's processing errors, the way a log module would. */
function processingErrorsModule(errors: ProcessingError[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-errors',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(event => {
            for (const e of event.errors) {
              errors.push({
                entityRef: event.unprocessedEntity.metadata.name,
                message: String(e.message),
              });
            }
          });
        },
      });
    },
  });
}

/**
 * The real catalog backend with this module installed as its README says,
 * reading `locations` (file paths) and reprocessing every second.
 */
export async function startCatalog(
  locations: string[],
  errors: ProcessingError[] = [],
) {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataProducts,
      processingErrorsModule(errors),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'Domain',
                  'API',
                  'Resource',
                  'Group',
                  'User',
                  'Location',
                  'DataProduct',
                ],
              },
            ],
            locations: locations.map(target => ({ type: 'file', target })),
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });
}

/** Polls `probe` every 200 ms until it returns a value, for up to 30 s. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** Authorization header of a signed-in user, for the catalog's REST API. */
export const auth = mockCredentials.user.header();
