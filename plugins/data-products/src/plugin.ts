import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';

/**
 * Stockroom for the legacy frontend system. Apps on the new frontend system
 * install the default export of `@stockroom/plugin-data-products/alpha`.
 *
 * @public
 */
export const dataProductsPlugin = createPlugin({
  id: 'data-products',
});

/**
 * Overview card for a DataProduct entity page (legacy frontend system).
 *
 * @public
 */
export const EntityDataProductOverviewCard = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductOverviewCard',
    component: {
      lazy: () =>
        import('./components/DataProductOverviewCard').then(
          m => m.DataProductOverviewCard,
        ),
    },
  }),
);
