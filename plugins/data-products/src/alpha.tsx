/**
 * Stockroom for the new frontend system: install the default export in
 * `createApp({ features })`, or let feature discovery pick it up.
 *
 * @packageDocumentation
 */
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { dataProductOverviewEntityCard } from './alpha/entityCards';

/**
 * The `data-products` frontend plugin.
 *
 * Extensions, by kind (ids are `<kind>:data-products/<name>`):
 * - `entity-card:data-products/overview`: the overview card on DataProduct
 *   entity pages.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-products',
  title: 'Data products',
  extensions: [
    // entity cards (src/alpha/entityCards.tsx)
    dataProductOverviewEntityCard,
    // entity contents (Contract, Scorecard) and pages (inventory) go here
  ],
});
