import { entityPagePath, ownersOf } from './entityRefs';

describe('ownersOf', () => {
  const base = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'shop' },
  };

  it('prefers the catalog’s ownedBy relations', () => {
    expect(
      ownersOf({
        ...base,
        spec: { owner: 'someone-else' },
        relations: [
          { type: 'ownedBy', targetRef: 'group:shop/web' },
          { type: 'dependsOn', targetRef: 'component:shop/basket' },
        ],
      }),
    ).toEqual(['group:shop/web']);
  });

  it('completes spec.owner as the catalog would: Group, own namespace', () => {
    expect(ownersOf({ ...base, spec: { owner: 'web' } })).toEqual([
      'group:shop/web',
    ]);
    expect(ownersOf({ ...base, spec: { owner: 'user:default/ada' } })).toEqual([
      'user:default/ada',
    ]);
  });

  it('returns none for a missing or malformed owner', () => {
    expect(ownersOf({ ...base, spec: {} })).toEqual([]);
    expect(ownersOf({ ...base, spec: { owner: 'group:' } })).toEqual([]);
  });
});

describe('entityPagePath', () => {
  it('is the catalog route, kind in lower case', () => {
    expect(entityPagePath('DataProduct:default/orders-view')).toBe(
      '/catalog/default/dataproduct/orders-view',
    );
  });
});
