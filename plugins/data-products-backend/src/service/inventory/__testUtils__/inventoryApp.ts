import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_FUNDING_POLICY,
  DEFAULT_POLICY,
  DataProductCategory,
  DataProductCost,
  DataProductEntityV1alpha1,
  DataProductLifecycle,
  FreshnessTier,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import { Knex } from 'knex';
import { openStores } from '../../../database/openStores';
import {
  InventoryRouterOptions,
  createInventoryRouter,
} from '../createInventoryRouter';
import { InventorySync } from '../InventorySync';

/** The request-time clock of the tests: late November, month end the 30th. */
export const NOW = new Date('2026-11-25T12:00:00.000Z');

type Scores = {
  overall: number | null;
  freshness?: number | null;
  reliability?: number | null;
  quality?: number | null;
  stability?: number | null;
  contract?: number | null;
  ownership?: number | null;
  reuse?: number | null;
};

export interface ProductFixture {
  name: string;
  title?: string;
  category: DataProductCategory;
  owner: string;
  domain?: string;
  system?: string;
  type?: string;
  lifecycle?: Partial<DataProductLifecycle>;
  cost?: DataProductCost;
  tier?: FreshnessTier;
  consumers?: number;
  /** Refs of the entities that depend on it, instead of `consumers` made-up ones. */
  consumedBy?: string[];
  /** The latest snapshot; none when absent. */
  scores?: Scores;
}

/** A DataProduct as the catalog serves it: catalog shape, with relations. */
export function catalogEntity(fixture: ProductFixture): Entity {
  const owner = fixture.owner.includes(':')
    ? fixture.owner
    : `group:default/${fixture.owner}`;
  const authored: DataProductEntityV1alpha1 = {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: fixture.name,
      namespace: 'default',
      ...(fixture.title ? { title: fixture.title } : {}),
    },
    spec: {
      type: fixture.type ?? 'table',
      category: fixture.category,
      owner,
      ...(fixture.domain ? { domain: fixture.domain } : {}),
      ...(fixture.system ? { system: fixture.system } : {}),
      version: '1.0.0',
      lifecycle: {
        stage: 'active',
        createdOn: '2026-01-10',
        ...fixture.lifecycle,
      },
      ...(fixture.tier
        ? { contract: { freshness: { p95: '30m', tier: fixture.tier } } }
        : {}),
      ...(fixture.cost ? { cost: fixture.cost } : {}),
    },
    relations: [
      { type: RELATION_OWNED_BY, targetRef: owner },
      ...(
        fixture.consumedBy ??
        Array.from(
          { length: fixture.consumers ?? 0 },
          (_, i) => `component:default/consumer-${i}`,
        )
      ).map(targetRef => ({ type: RELATION_DEPENDENCY_OF, targetRef })),
    ],
  };
  return toCatalogShape(authored);
}

/** A `scorecard_snapshots` row as the scoring task writes it. */
export function snapshotRow(
  entityRef: string,
  takenAt: Date,
  scores: Scores,
): Record<string, unknown> {
  return {
    entity_ref: entityRef,
    taken_at: takenAt,
    overall: scores.overall,
    freshness: scores.freshness ?? null,
    reliability: scores.reliability ?? null,
    quality: scores.quality ?? null,
    stability: scores.stability ?? null,
    contract: scores.contract ?? null,
    ownership: scores.ownership ?? null,
    reuse: scores.reuse ?? null,
    evidence: '{}',
    window: JSON.stringify({ from: 'x', to: 'y', runs: 0 }),
  };
}

/**
 * The inventory the tests work out by hand (docs in the test): nine
 * products across the three categories and five states.
 */
export const PRODUCTS: ProductFixture[] = [
  {
    name: 'orders',
    title: 'Orders, daily',
    category: 'shared-mart',
    owner: 'orders-team',
    domain: 'commerce',
    system: 'checkout',
    cost: { monthly: 1000, currency: 'USD', fundedBy: 'group:default/finance' },
    tier: 'daily',
    consumers: 3,
    scores: {
      overall: 4.2,
      freshness: 5,
      reliability: 4,
      quality: 4,
      stability: 4,
      contract: 4,
      ownership: 5,
      reuse: 3,
    },
  },
  {
    name: 'identity',
    title: 'Customer Identity Graph',
    category: 'core-entity',
    owner: 'identity-platform',
    domain: 'customer',
    system: 'identity',
    cost: { monthly: 3000, currency: 'USD', fundedBy: 'platform' },
    tier: 'micro-batch',
    consumers: 6,
    // breaching: freshness 3 (P95 beyond the promise)
    scores: {
      overall: 2.1,
      freshness: 3,
      reliability: 3,
      quality: 1,
      stability: 2,
      contract: 2,
      ownership: 2,
      reuse: 2,
    },
  },
  {
    name: 'churn-view',
    category: 'convenience-view',
    owner: 'analytics',
    domain: 'customer',
    type: 'view',
    // expires 2026-12-04: expiring, but next month
    lifecycle: { renewedOn: '2026-09-05' },
    cost: { monthly: 120, currency: 'usd', fundedBy: 'analytics' },
    tier: 'daily',
    consumers: 1,
    // breaching: reliability 2
    scores: {
      overall: 3,
      freshness: 4,
      reliability: 2,
      quality: 3,
      stability: null,
      contract: 3,
      ownership: 3,
      reuse: 1,
    },
  },
  {
    name: 'clicks-view',
    category: 'convenience-view',
    owner: 'analytics',
    domain: 'commerce',
    type: 'view',
    // expires 2026-11-28: this month
    lifecycle: { renewedOn: '2026-08-30' },
    // a snapshot that knows nothing
    scores: { overall: null },
  },
  {
    name: 'expired-view',
    category: 'convenience-view',
    owner: 'analytics',
    type: 'view',
    // expired on 2026-09-29
    lifecycle: { renewedOn: '2026-07-01' },
    // no currency, no funder
    cost: { monthly: 80 },
    scores: {
      overall: 3.5,
      freshness: 4,
      reliability: 3,
      quality: null,
      stability: null,
      contract: 3,
      ownership: 4,
      reuse: 1,
    },
  },
  {
    name: 'legacy',
    category: 'core-entity',
    owner: 'identity-platform',
    domain: 'customer',
    system: 'identity',
    lifecycle: {
      stage: 'deprecated',
      sunsetOn: '2027-01-31',
      successor: 'dataproduct:default/identity',
    },
    cost: {
      monthly: 2000,
      currency: 'USD',
      fundedBy: 'group:default/platform',
    },
    tier: 'daily',
    consumers: 2,
    scores: {
      overall: 1.5,
      freshness: 1,
      reliability: 1,
      quality: 2,
      stability: 1,
      contract: 2,
      ownership: 2,
      reuse: 2,
    },
  },
  {
    name: 'draft-mart',
    category: 'shared-mart',
    owner: 'orders-team',
    domain: 'commerce',
    type: 'stream',
    lifecycle: { stage: 'draft' },
    // no snapshot yet
  },
  {
    name: 'eur-mart',
    category: 'shared-mart',
    owner: 'finance',
    domain: 'finance',
    system: 'ledger',
    cost: { monthly: 500, currency: 'EUR', fundedBy: 'finance' },
    tier: 'daily',
    consumers: 1,
    scores: {
      overall: 4.2,
      freshness: 5,
      reliability: 5,
      quality: 4,
      stability: 4,
      contract: 4,
      ownership: 4,
      reuse: 1,
    },
  },
  {
    name: 'no-cost',
    category: 'shared-mart',
    owner: 'orders-team',
    domain: 'commerce',
    system: 'checkout',
    tier: 'streaming',
    scores: {
      overall: 2.1,
      freshness: null,
      reliability: null,
      quality: null,
      stability: null,
      contract: 2,
      ownership: 2,
      reuse: 1,
    },
  },
];

/** Entities of other kinds, which the inventory must leave out. */
export const OTHER_ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'orders-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'web' },
  },
];

export function refOf(name: string): string {
  return `dataproduct:default/${name}`;
}

/**
 * Writes the latest snapshot of each fixture with scores, an older one for
 * some (which must not count), and one for a product not in the catalog.
 */
export async function insertSnapshots(knex: Knex, products: ProductFixture[]) {
  const latest = new Date('2026-11-25T06:00:00.000Z');
  const older = new Date('2026-11-24T06:00:00.000Z');
  const rows = [
    ...products
      .filter(product => product.scores)
      .map(product =>
        snapshotRow(refOf(product.name), latest, product.scores!),
      ),
    ...products
      .filter((_, i) => i % 2 === 0 && products[i].scores)
      .map(product =>
        snapshotRow(refOf(product.name), older, {
          overall: 1,
          freshness: 1,
          reliability: 1,
        }),
      ),
    snapshotRow(refOf('ghost'), latest, { overall: 1 }),
  ];
  // SQLite caps a multi-row insert at 500 terms.
  for (let i = 0; i < rows.length; i += 30) {
    await knex('scorecard_snapshots').insert(rows.slice(i, i + 30));
  }
}

/** Where the router under test reads the products from. */
export type InventorySource = 'catalog' | 'read-model';

/**
 * The inventory router on a real snapshot table and an in-memory catalog,
 * in a bare express app with the backend's error handler. With `source`
 * `read-model`, the sync task's pass fills the read model first (at NOW)
 * and the router answers from it.
 */
export async function createInventoryApp(
  knex: Knex,
  options: {
    products?: ProductFixture[];
    /** More catalog entities, e.g. the consumers of `consumedBy`. */
    entities?: Entity[];
    result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    router?: Partial<InventoryRouterOptions>;
    source?: InventorySource;
  } = {},
) {
  const products = options.products ?? PRODUCTS;
  const stores = await openStores(mockServices.database({ knex }));
  const snapshots = stores.scorecardSnapshots;
  await insertSnapshots(knex, products);
  const catalog = catalogServiceMock({
    entities: [
      ...products.map(catalogEntity),
      ...OTHER_ENTITIES,
      ...(options.entities ?? []),
    ],
  });
  const decide = jest.fn(async (requests: unknown[]) =>
    requests.map(() => ({ result: options.result ?? AuthorizeResult.ALLOW })),
  );
  const permissions = mockServices.permissions.mock({
    authorize: decide as any,
    authorizeConditional: decide as any,
  });
  const readModel =
    options.source === 'read-model' ? stores.inventory : undefined;
  if (readModel) {
    await new InventorySync({
      catalog,
      auth: mockServices.auth(),
      model: readModel,
      snapshots,
      policy: DEFAULT_POLICY,
      funding: options.router?.funding ?? DEFAULT_FUNDING_POLICY,
    }).run(NOW);
  }
  const router = createInventoryRouter({
    readModel,
    httpAuth: mockServices.httpAuth(),
    permissions,
    catalog,
    snapshots,
    policy: DEFAULT_POLICY,
    clock: () => NOW,
    ...options.router,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, catalog, permissions, snapshots };
}
