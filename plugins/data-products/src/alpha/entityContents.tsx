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
