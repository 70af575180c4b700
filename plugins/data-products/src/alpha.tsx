/**
 * Stockroom for the new frontend system: install the default export in
 * `createApp({ features })`, or let feature discovery pick it up.
 *
 * @packageDocumentation
 */
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { dataProductsApi } from './alpha/apis';
import {
  dataProductOverviewEntityCard,
  dataProductStatusEntityCard,
  dependsOnDataProductsEntityCard,
} from './alpha/entityCards';
import {
  dataProductContractEntityContent,
  dataProductScorecardEntityContent,
} from './alpha/entityContents';
import {
  dataProductsInventoryPage,
  inventoryPageRouteRef,
} from './alpha/pages';

/**
 * The `data-products` frontend plugin.
 *
 * Extensions, by kind (ids are `<kind>:data-products/<name>`):
 * - `api:data-products`: the client of the Stockroom backend.
 * - `entity-card:data-products/status`: lifecycle state, expiry/deprecation
 *   banner and findings, first on DataProduct overviews.
 * - `entity-card:data-products/overview`: the overview card on DataProduct
 *   entity pages.
 * - `entity-content:data-products/contract`: the Contract tab of DataProduct
 *   entity pages.
 * - `entity-content:data-products/scorecard`: the Scorecard tab of
 *   DataProduct entity pages, after the Contract tab.
 * - `entity-card:data-products/depends-on-data-products`: the consumer's
 *   card on Component and System entity pages.
 * - `page:data-products`: the inventory at `/data-products`, with its
 *   sidebar item "Data products".
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-products',
  title: 'Data products',
  routes: { root: inventoryPageRouteRef },
  extensions: [
    // apis (src/alpha/apis.ts)
    dataProductsApi,
    // entity cards (src/alpha/entityCards.tsx), in the order they appear
    dataProductStatusEntityCard,
    dataProductOverviewEntityCard,
    dependsOnDataProductsEntityCard,
    // entity contents (src/alpha/entityContents.tsx), in tab order
    dataProductContractEntityContent,
    dataProductScorecardEntityContent,
    // pages (src/alpha/pages.tsx)
    dataProductsInventoryPage,
  ],
});
