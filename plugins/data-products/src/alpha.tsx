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
} from './alpha/entityCards';
import { dataProductContractEntityContent } from './alpha/entityContents';

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
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-products',
  title: 'Data products',
  extensions: [
    // apis (src/alpha/apis.ts)
    dataProductsApi,
    // entity cards (src/alpha/entityCards.tsx), in the order they appear
    dataProductStatusEntityCard,
    dataProductOverviewEntityCard,
    // entity contents (src/alpha/entityContents.tsx); Scorecard and pages
    // (inventory) go here
    dataProductContractEntityContent,
  ],
});
