import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataProductsClient, dataProductsApiRef } from './api';
import { contractRouteRef } from './routes';

/**
 * Stockroom for the legacy frontend system. Apps on the new frontend system
 * install the default export of `@stockroom/plugin-data-products/alpha`.
 *
 * @public
 */
export const dataProductsPlugin = createPlugin({
  id: 'data-products',
  apis: [
    createApiFactory({
      api: dataProductsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    contract: contractRouteRef,
  },
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

/**
 * Lifecycle state, expiry or deprecation banner and findings of a
 * DataProduct, for the top of its overview (legacy frontend system).
 *
 * @public
 */
export const EntityDataProductStatusBanner = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductStatusBanner',
    component: {
      lazy: () =>
        import('./components/DataProductStatusBanner').then(
          m => m.DataProductStatusBanner,
        ),
    },
  }),
);

/**
 * The Contract tab of a DataProduct entity page (legacy frontend system):
 * mount it in an `EntityLayout.Route path="/contract"`.
 *
 * @public
 */
export const EntityDataProductContractContent = dataProductsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataProductContractContent',
    component: () =>
      import('./components/DataProductContractContent').then(
        m => m.DataProductContractContent,
      ),
    mountPoint: contractRouteRef,
  }),
);
