import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyFromConfig } from '@stockroom/plugin-data-products-common';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { DataProductProcessor } from './processor';
import { placeholderResolvers } from './placeholders/placeholderResolvers';

/**
 * Adds the DataProduct kind to the catalog.
 *
 * @public
 */
export const catalogModuleDataProducts = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-products',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        catalogService: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, config, catalogService, auth, logger }) {
        // A malformed `stockroom` policy fails start-up here, naming the key.
        const policy = policyFromConfig(config.getOptional('stockroom'));
        catalog.addProcessor(
          new DataProductProcessor({
            policy,
            logger,
            // migration-mapping and retire-when-consumers-moved need the
            // stored superseded product and the product's own relations:
            // read as this module (service credentials), never as a user.
            catalog: {
              getEntityByRef: async entityRef =>
                catalogService.getEntityByRef(entityRef, {
                  credentials: await auth.getOwnServiceCredentials(),
                }),
            },
          }),
        );
        // DataProducts reference ODCS contracts with relative $yaml paths;
        // make those work for file locations too (see placeholderResolvers).
        for (const [key, resolver] of Object.entries(placeholderResolvers)) {
          catalog.addPlaceholderResolver(key, resolver);
        }
      },
    });
  },
});
