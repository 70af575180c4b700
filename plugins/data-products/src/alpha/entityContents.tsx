import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';

/** The Contract tab of DataProduct entity pages. */
export const dataProductContractEntityContent = EntityContentBlueprint.make({
  name: 'contract',
  params: {
    path: '/contract',
    title: 'Contract',
    filter: { kind: DATA_PRODUCT_KIND },
    loader: () =>
      import('../components/DataProductContractContent').then(m => (
        <m.DataProductContractContent />
      )),
  },
});

/** The Scorecard tab of DataProduct entity pages, after the Contract tab. */
export const dataProductScorecardEntityContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: '/scorecard',
    title: 'Scorecard',
    filter: { kind: DATA_PRODUCT_KIND },
    loader: () =>
      import('../components/DataProductScorecardContent').then(m => (
        <m.DataProductScorecardContent />
      )),
  },
});
