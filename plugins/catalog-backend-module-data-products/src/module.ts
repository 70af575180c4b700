import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
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
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new DataProductProcessor());
        // DataProducts reference ODCS contracts with relative $yaml paths;
        // make those work for file locations too (see placeholderResolvers).
        for (const [key, resolver] of Object.entries(placeholderResolvers)) {
          catalog.addPlaceholderResolver(key, resolver);
        }
      },
    });
  },
});
