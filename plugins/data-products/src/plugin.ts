import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataProductsClient, dataProductsApiRef } from './api';
import {
  contractRouteRef,
  inventoryRouteRef,
  scorecardRouteRef,
} from './routes';

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
    scorecard: scorecardRouteRef,
    inventory: inventoryRouteRef,
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

/**
 * The Scorecard tab of a DataProduct entity page (legacy frontend system):
 * mount it in an `EntityLayout.Route path="/scorecard"`, after the Contract
 * tab.
 *
 * @public
 */
export const EntityDataProductScorecardContent = dataProductsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataProductScorecardContent',
    component: () =>
      import('./components/DataProductScorecardContent').then(
        m => m.DataProductScorecardContent,
      ),
    mountPoint: scorecardRouteRef,
  }),
);

/**
 * The inventory of data products (legacy frontend system), with its own
 * header: mount it at `/data-products` in the app's routes and add a sidebar
 * item for it.
 *
 * @public
 */
export const DataProductsInventoryPage = dataProductsPlugin.provide(
  createRoutableExtension({
    name: 'DataProductsInventoryPage',
    component: () =>
      import('./components/InventoryPage').then(m => m.LegacyInventoryPage),
    mountPoint: inventoryRouteRef,
  }),
);

/**
 * The consumer's card (legacy frontend system): the data products a
 * Component or System depends on, with state, score, freshness promise and
 * warnings (deprecated, expiring, breaching).
 *
 * @public
 */
export const EntityDependsOnDataProductsCard = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityDependsOnDataProductsCard',
    component: {
      lazy: () =>
        import('./components/ConsumerDataProductsCard').then(
          m => m.DependsOnDataProductsCard,
        ),
    },
  }),
);
