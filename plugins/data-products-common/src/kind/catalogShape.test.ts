import { fromCatalogShape, toCatalogShape } from './catalogShape';
import type { DataProductEntityV1alpha1 } from './types';

const authored: DataProductEntityV1alpha1 = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'customer-identity-v1' },
  spec: {
    type: 'table',
    category: 'core-entity',
    owner: 'group:identity-platform',
    lifecycle: {
      stage: 'deprecated',
      createdOn: '2025-02-01',
      sunsetOn: '2027-01-31',
      successor: 'dataproduct:customer-identity-v2',
    },
  },
};

describe('catalog shape', () => {
  it('stores the stage as a string lifecycle, as every Backstage kind does', () => {
    const stored = toCatalogShape(authored);
    expect(stored.spec).toEqual({
      type: 'table',
      category: 'core-entity',
      owner: 'group:identity-platform',
      lifecycle: 'deprecated',
      lifecycleDetails: {
        createdOn: '2025-02-01',
        sunsetOn: '2027-01-31',
        successor: 'dataproduct:customer-identity-v2',
      },
    });
  });

  it('round-trips to the authored form', () => {
    expect(fromCatalogShape(toCatalogShape(authored))).toEqual(authored);
  });

  it('is idempotent in both directions', () => {
    const stored = toCatalogShape(authored);
    expect(toCatalogShape(stored as any)).toEqual(stored);
    expect(fromCatalogShape(authored)).toBe(authored);
  });

  it('restores a stage-only lifecycle without details', () => {
    const stored = {
      ...authored,
      spec: { ...authored.spec, lifecycle: 'active' },
    } as any;
    expect(fromCatalogShape(stored).spec.lifecycle).toEqual({
      stage: 'active',
    });
  });
});
