import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';

/**
 * Cards for the DataProduct entity overview. Each is shown only on entities of
 * kind DataProduct, through a predicate filter (string filters are deprecated).
 * Cards of one type appear in the order the plugin lists them, so the status
 * card (what needs attention) is listed before the overview card.
 */
export const dataProductStatusEntityCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    type: 'content',
    filter: { kind: DATA_PRODUCT_KIND },
    loader: () =>
      import('../components/DataProductStatusBanner').then(m => (
        <m.DataProductStatusBanner />
      )),
  },
});

export const dataProductOverviewEntityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    type: 'content',
    filter: { kind: DATA_PRODUCT_KIND },
    loader: () =>
      import('../components/DataProductOverviewCard').then(m => (
        <m.DataProductOverviewCard />
      )),
  },
});
