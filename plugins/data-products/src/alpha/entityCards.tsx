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

/**
 * The consumer's card: on Component and System entities, the data products
 * they depend on, with state, score, freshness promise and warnings. The
 * filter is a predicate object (`$in` compares kinds case-insensitively).
 */
export const dependsOnDataProductsEntityCard = EntityCardBlueprint.make({
  name: 'depends-on-data-products',
  params: {
    filter: { kind: { $in: ['Component', 'System'] } },
    loader: () =>
      import('../components/ConsumerDataProductsCard').then(m => (
        <m.DependsOnDataProductsCard />
      )),
  },
});
