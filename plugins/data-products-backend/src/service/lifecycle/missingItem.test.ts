import { missingItem } from './missingItem';

const product = {
  known: {
    entityRef: 'dataproduct:default/orders',
    owner: 'group:default/commerce',
    location: 'url:https://git.example/acme/orders/catalog-info.yaml',
    firstSeenAt: new Date('2026-11-01T08:00:00Z'),
    lastSeenAt: new Date('2026-11-30T09:00:00Z'),
  },
  status: 'gone' as const,
};

describe('missingItem', () => {
  it('has every field, null where unknown', () => {
    expect(missingItem(product, { statusErrors: [] })).toEqual({
      entityRef: 'dataproduct:default/orders',
      title: null,
      owner: 'group:default/commerce',
      stage: null,
      status: 'gone',
      firstSeenAt: '2026-11-01T08:00:00.000Z',
      lastSeenAt: '2026-11-30T09:00:00.000Z',
      location: 'url:https://git.example/acme/orders/catalog-info.yaml',
      locationErrors: [],
      locationDefines: null,
      explanation:
        'The catalog no longer has this product. Check its file, or whether its location was unregistered.',
    });
  });

  it('names what the file defines instead after a valid rename', () => {
    const item = missingItem(product, {
      statusErrors: [],
      recheck: { outcome: 'read', defines: ['dataproduct:default/orders-v2'] },
    });
    expect(item.locationDefines).toEqual(['dataproduct:default/orders-v2']);
    expect(item.explanation).toBe(
      'The catalog no longer has this product. Its file now defines dataproduct:default/orders-v2 instead: a rename makes a new product (restore metadata.name to keep its history).',
    );
  });

  it('says the product is on its way back when the file defines it again', () => {
    const item = missingItem(product, {
      statusErrors: [],
      recheck: { outcome: 'read', defines: ['dataproduct:default/orders'] },
    });
    expect(item.explanation).toContain('Its file defines it again');
  });

  it('reports an error once when the Location and the dry run both have it', () => {
    const error = 'Error: Expected object at root, got object';
    const item = missingItem(product, {
      statusErrors: [error],
      recheck: { outcome: 'failed', errors: [error] },
    });
    expect(item.locationErrors).toEqual([error]);
  });
});
