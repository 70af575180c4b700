import {
  DEFAULT_POLICY,
  toCatalogShape,
  type DataProductEntityV1alpha1,
} from '@stockroom/plugin-data-products-common';
import { evaluateProducts } from './evaluateProducts';

// A convenience view created 2026-11-01, written by hand: on 2026-11-25 it is
// 24 days old, so active, expiring 90 days after creation (2027-01-30).
const view: DataProductEntityV1alpha1 = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'weekly-churn-view' },
  spec: {
    type: 'view',
    category: 'convenience-view',
    owner: 'group:growth-analytics',
    lifecycle: { stage: 'active', createdOn: '2026-11-01' },
  },
} as DataProductEntityV1alpha1;

describe('evaluateProducts', () => {
  it('judges entities as the catalog stores them (lifecycle as a string)', () => {
    const stored = toCatalogShape(view);
    expect(typeof (stored.spec as any).lifecycle).toBe('string');
    const [product] = evaluateProducts(
      [stored],
      DEFAULT_POLICY,
      new Date('2026-11-25T09:00:00Z'),
    );
    expect(product).toMatchObject({
      entityRef: 'dataproduct:default/weekly-churn-view',
      evaluation: { state: 'active', expiresOn: '2027-01-30', blocking: [] },
    });
    expect(product.entity.spec.lifecycle).toEqual({
      stage: 'active',
      createdOn: '2026-11-01',
    });
  });

  it('skips what is not a DataProduct of ours', () => {
    expect(
      evaluateProducts(
        [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'x' },
          },
          { ...view, apiVersion: 'example.com/v9' } as any,
        ],
        DEFAULT_POLICY,
        new Date('2026-11-25T09:00:00Z'),
      ),
    ).toEqual([]);
  });
});
