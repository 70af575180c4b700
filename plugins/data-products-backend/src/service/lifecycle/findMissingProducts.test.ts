import { Entity } from '@backstage/catalog-model';
import { KnownProduct } from '../../database/ProductSightingsStore';
import { findMissingProducts } from './findMissingProducts';

const SEEN = new Date('2026-11-30T09:00:00Z');
const FILE = 'url:https://git.example/acme/orders/catalog-info.yaml';

function known(name: string, extra: Partial<KnownProduct> = {}): KnownProduct {
  return {
    entityRef: `dataproduct:default/${name}`,
    location: FILE,
    firstSeenAt: SEEN,
    lastSeenAt: SEEN,
    ...extra,
  };
}

function inCatalog(name: string, annotations: Record<string, string> = {}) {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': FILE,
        ...annotations,
      },
    },
  } as Entity;
}

describe('findMissingProducts', () => {
  it('lists nothing while every known product is in the catalog and its file reads', () => {
    expect(
      findMissingProducts([known('orders')], [inCatalog('orders')], new Map()),
    ).toEqual([]);
  });

  it('tells gone, orphaned and stale apart, by entity ref', () => {
    const missing = findMissingProducts(
      [known('stale-one'), known('orphan'), known('gone'), known('fine')],
      [
        inCatalog('orphan', { 'backstage.io/orphan': 'true' }),
        inCatalog('stale-one'),
        inCatalog('fine', {
          'backstage.io/managed-by-location': 'url:https://git.example/ok.yaml',
        }),
      ],
      new Map([[FILE, ['Error: Expected object at root, got object']]]),
    );
    expect(missing.map(m => [m.known.entityRef, m.status])).toEqual([
      ['dataproduct:default/gone', 'gone'],
      ['dataproduct:default/orphan', 'orphaned'],
      ['dataproduct:default/stale-one', 'stale'],
    ]);
  });

  it('leaves out a gone product last seen retired: removing it was the plan', () => {
    expect(
      findMissingProducts(
        [
          known('old', { stage: 'retired' }),
          known('live', { stage: 'active' }),
        ],
        [],
        new Map(),
      ).map(m => m.known.entityRef),
    ).toEqual(['dataproduct:default/live']);
  });

  it('still lists a retired product whose file fails: its edits do not arrive', () => {
    expect(
      findMissingProducts(
        [known('old', { stage: 'retired' })],
        [inCatalog('old')],
        new Map([[FILE, ['boom']]]),
      ).map(m => m.status),
    ).toEqual(['stale']);
  });
});
