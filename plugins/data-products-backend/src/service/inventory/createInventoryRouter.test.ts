import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { encodeCursor } from './cursor';
import { INVENTORY_SORTS } from './parseInventoryQuery';
import {
  PRODUCTS,
  ProductFixture,
  createInventoryApp,
  refOf,
} from './__testUtils__/inventoryApp';

jest.setTimeout(120_000);

type Item = {
  entityRef: string;
  name: string;
  overall: number | null;
  dimensions: Record<string, number | null>;
  expiresOn: string | null;
  cost: { monthly: number | null };
  [key: string]: unknown;
};

/** Default order: overall ascending, unknown last, then name. */
const WEAK_LINKS_FIRST = [
  'legacy', // 1.5
  'identity', // 2.1
  'no-cost', // 2.1, after identity by name
  'churn-view', // 3.0
  'expired-view', // 3.5
  'eur-mart', // 4.2
  'orders', // 4.2
  'clicks-view', // unknown
  'draft-mart', // no snapshot
];

const names = (body: { items: Item[] }) => body.items.map(item => item.name);

function valueOf(item: Item, sort: string): number | string | null {
  switch (sort) {
    case 'overall':
      return item.overall;
    case 'expiresOn':
      return item.expiresOn;
    case 'name':
      return item.name;
    case 'cost':
      return item.cost.monthly;
    default:
      return item.dimensions[sort];
  }
}

/** Every neighbour pair in the sort's total order; returns the first misfit. */
function misordered(items: Item[], sort: string, order: 'asc' | 'desc') {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]];
    const [va, vb] = [valueOf(a, sort), valueOf(b, sort)];
    if (va === null && vb !== null) return [a.name, b.name];
    if (va !== null && vb !== null && va !== vb) {
      if (order === 'asc' ? va > vb : va < vb) return [a.name, b.name];
      continue;
    }
    if (vb === null && va !== null) continue;
    // equal values (or both unknown): by name, then ref
    if (a.name > b.name || (a.name === b.name && a.entityRef >= b.entityRef)) {
      return [a.name, b.name];
    }
  }
  return undefined;
}

/**
 * Forty more products whose values repeat and go unknown, so that every
 * sort has ties and nulls to page across.
 */
function bulkProducts(): ProductFixture[] {
  const categories = [
    'core-entity',
    'shared-mart',
    'convenience-view',
  ] as const;
  return Array.from({ length: 40 }, (_, i) => {
    const category = categories[i % 3];
    const known = i % 5 !== 0;
    const score = (k: number) =>
      known && (i + k) % 4 !== 0 ? 1 + ((i + k) % 5) : null;
    return {
      // names collide in prefix order with the fixtures, on purpose
      name: `bulk-${String((i * 7) % 40).padStart(2, '0')}`,
      category,
      owner: `team-${i % 4}`,
      ...(category === 'convenience-view'
        ? {
            lifecycle: {
              renewedOn: `2026-${String(7 + (i % 5)).padStart(2, '0')}-0${
                1 + (i % 9)
              }`,
            },
          }
        : {}),
      ...(i % 3 === 1
        ? {}
        : { cost: { monthly: 100 * (i % 6), currency: 'USD' } }),
      ...(i % 7 === 0
        ? {}
        : {
            scores: {
              overall: known ? 1 + (i % 8) / 2 : null,
              freshness: score(0),
              reliability: score(1),
              quality: score(2),
              stability: score(3),
              contract: score(4),
              ownership: score(5),
              reuse: score(6),
            },
          }),
    };
  });
}

describe('GET /products (the inventory)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  // Every expectation holds whether the products come from the caller's
  // catalog read or from the read model the sync task keeps.
  describe.each(
    databases
      .eachSupportedId()
      .flatMap(([id]) =>
        (['catalog', 'read-model'] as const).map(
          source => [id, source] as const,
        ),
      ),
  )('on %p from the %s', (databaseId, source) => {
    let app: express.Express;

    async function setup(
      options: Parameters<typeof createInventoryApp>[1] = {},
      id: TestDatabaseId = databaseId,
    ) {
      const knex = await databases.init(id);
      return {
        knex,
        ...(await createInventoryApp(knex, { source, ...options })),
      };
    }

    beforeAll(async () => {
      ({ app } = await setup());
    });

    const get = (query = '') => request(app).get(`/products${query}`);

    it('lists every product the caller sees, weak links first, from the latest snapshots', async () => {
      const response = await get();

      expect(response.status).toBe(200);
      expect(response.headers['stockroom-inventory-source']).toBe(source);
      expect(names(response.body)).toEqual(WEAK_LINKS_FIRST);
      expect(response.body.nextCursor).toBeNull();
      expect(response.body.evaluatedOn).toBe('2026-11-25');
      // the older snapshots (overall 1) and the ghost product do not count
      expect(response.body.items.map((item: Item) => item.overall)).toEqual([
        1.5,
        2.1,
        2.1,
        3,
        3.5,
        4.2,
        4.2,
        null,
        null,
      ]);
    });

    it('serves each product with its catalog facts, state, scores and breach', async () => {
      const response = await get('?q=identity');
      const [identity] = response.body.items;

      expect(identity).toEqual({
        entityRef: 'dataproduct:default/identity',
        name: 'identity',
        title: 'Customer Identity Graph',
        category: 'core-entity',
        state: 'active',
        owner: 'group:default/identity-platform',
        domain: 'domain:default/customer',
        system: 'system:default/identity',
        type: 'table',
        version: '1.0.0',
        expiresOn: null,
        sunsetOn: null,
        successor: null,
        freshnessTier: 'micro-batch',
        cost: {
          monthly: 3000,
          currency: 'USD',
          fundedBy: 'group:default/platform',
          perConsumer: 500,
        },
        consumers: 6,
        overall: 2.1,
        dimensions: {
          freshness: 3,
          reliability: 3,
          quality: 1,
          stability: 2,
          contract: 2,
          ownership: 2,
          reuse: 2,
        },
        breaching: true,
        computedAt: '2026-11-25T06:00:00.000Z',
        // its six consumers are no entities of the catalog: no owner to count
        funding: {
          verdict: 'no-expectation',
          expects: null,
          expectedFunders: [],
          consumingGroups: [],
          severity: null,
          message:
            'No team other than its owner consumes it: no funder is expected',
        },
        // a snapshot stored without supply-chain flags: none known
        fragile: null,
        tierAtRisk: null,
        budgetExhausted: null,
        // worked out in createInventoryRouter.freshnessVsCost.test.ts
        freshnessVsCost: {
          observedLag: expect.objectContaining({ p95Ms: null }),
          unitCostOfFreshness: expect.objectContaining({ currency: 'USD' }),
        },
      });
    });

    it('computes states, expiry, sunset and successor at request time', async () => {
      const response = await get('?sort=name');
      const byName = Object.fromEntries(
        response.body.items.map((item: Item) => [item.name, item]),
      );

      expect(byName['churn-view']).toMatchObject({
        state: 'expiring',
        expiresOn: '2026-12-04',
      });
      expect(byName['clicks-view']).toMatchObject({
        state: 'expiring',
        expiresOn: '2026-11-28',
        overall: null,
        breaching: false,
        computedAt: '2026-11-25T06:00:00.000Z',
        cost: {
          monthly: null,
          currency: null,
          fundedBy: null,
          perConsumer: null,
        },
      });
      expect(byName['expired-view']).toMatchObject({
        state: 'expired',
        expiresOn: '2026-09-29',
        cost: {
          monthly: 80,
          currency: null,
          fundedBy: null,
          perConsumer: null,
        },
      });
      expect(byName.legacy).toMatchObject({
        state: 'deprecated',
        sunsetOn: '2027-01-31',
        successor: 'dataproduct:default/identity',
      });
      expect(byName['draft-mart']).toMatchObject({
        state: 'draft',
        overall: null,
        computedAt: null,
        breaching: false,
        dimensions: {
          freshness: null,
          reliability: null,
          quality: null,
          stability: null,
          contract: null,
          ownership: null,
          reuse: null,
        },
      });
    });

    it('totals and summarizes the whole set', async () => {
      const response = await get('?limit=2');

      expect(response.body.items).toHaveLength(2);
      expect(response.body.totals).toEqual({
        total: 9,
        byCategory: {
          'core-entity': 2,
          'shared-mart': 4,
          'convenience-view': 3,
        },
        byState: {
          draft: 1,
          active: 4,
          expiring: 2,
          expired: 1,
          deprecated: 1,
          retired: 0,
        },
      });
      expect(response.body.summary).toEqual({
        byCategory: {
          // (2.1 + 1.5) / 2; 3000 + 2000
          'core-entity': { count: 2, averageScore: 1.8, monthlyCost: 5000 },
          // (4.2 + 4.2 + 2.1) / 3; the EUR cost is summed apart
          'shared-mart': { count: 4, averageScore: 3.5, monthlyCost: 1000 },
          // (3.0 + 3.5) / 2 = 3.25; 120 + 80 (no currency: taken as USD)
          'convenience-view': {
            count: 3,
            averageScore: 3.3,
            monthlyCost: 200,
          },
        },
        // clicks-view (2026-11-28); churn-view expires in December
        expiringThisMonth: 1,
        // identity (freshness 3), churn-view (reliability 2), legacy (1, 1)
        breachingNow: 3,
        monthlyCostByFundingGroup: {
          'group:default/finance': 1000,
          'group:default/platform': 5000,
          'group:default/analytics': 120,
          unassigned: 80,
        },
        monthlyCostByFreshnessTier: {
          daily: 3120,
          'micro-batch': 3000,
          unassigned: 80,
        },
        currency: 'USD',
        costsInOtherCurrencies: { EUR: 500 },
        // 25 November to 30 November
        daysLeftInMonth: 5,
        fundingRule: { manyTeams: 3, centralFunders: [] },
      });
    });

    it.each([
      [
        '?category=convenience-view',
        ['churn-view', 'expired-view', 'clicks-view'],
      ],
      [
        '?category=core-entity,convenience-view',
        ['legacy', 'identity', 'churn-view', 'expired-view', 'clicks-view'],
      ],
      [
        '?category=core-entity&category=convenience-view',
        ['legacy', 'identity', 'churn-view', 'expired-view', 'clicks-view'],
      ],
      ['?state=expiring', ['churn-view', 'clicks-view']],
      ['?state=expired,deprecated', ['legacy', 'expired-view']],
      ['?state=draft', ['draft-mart']],
      ['?owner=orders-team', ['no-cost', 'orders', 'draft-mart']],
      [
        '?owner=group:default/identity-platform,Finance',
        ['legacy', 'identity', 'eur-mart'],
      ],
      ['?domain=customer', ['legacy', 'identity', 'churn-view']],
      [
        '?domain=domain:default/commerce',
        ['no-cost', 'orders', 'clicks-view', 'draft-mart'],
      ],
      ['?system=identity', ['legacy', 'identity']],
      ['?system=checkout,ledger', ['no-cost', 'eur-mart', 'orders']],
      ['?type=view', ['churn-view', 'expired-view', 'clicks-view']],
      ['?type=STREAM', ['draft-mart']],
      ['?minScore=3', ['churn-view', 'expired-view', 'eur-mart', 'orders']],
      ['?maxScore=2.1', ['legacy', 'identity', 'no-cost']],
      [
        '?minScore=2&maxScore=3.5',
        ['identity', 'no-cost', 'churn-view', 'expired-view'],
      ],
      ['?minScore=4.2&maxScore=4.2', ['eur-mart', 'orders']],
      ['?expiringWithinDays=3', ['clicks-view']],
      ['?expiringWithinDays=9', ['churn-view', 'clicks-view']],
      ['?expiringWithinDays=0', []],
      ['?breaching=true', ['legacy', 'identity', 'churn-view']],
      [
        '?breaching=false',
        [
          'no-cost',
          'expired-view',
          'eur-mart',
          'orders',
          'clicks-view',
          'draft-mart',
        ],
      ],
      ['?q=VIEW', ['churn-view', 'expired-view', 'clicks-view']],
      ['?q=daily', ['orders']], // the title
      ['?q=nothing-like-it', []],
      [
        '?category=shared-mart&owner=orders-team&minScore=2',
        ['no-cost', 'orders'],
      ],
      ['?state=active&breaching=true&domain=customer', ['identity']],
    ])('filters %s', async (query, expected) => {
      const response = await get(query);

      expect(response.status).toBe(200);
      expect(names(response.body)).toEqual(expected);
      expect(response.body.totals.total).toBe(expected.length);
    });

    it('totals and summarizes what the filters let through, not the catalog', async () => {
      const response = await get('?domain=customer&limit=1');

      expect(response.body.items).toHaveLength(1);
      expect(response.body.totals).toEqual({
        total: 3,
        byCategory: {
          'core-entity': 2,
          'shared-mart': 0,
          'convenience-view': 1,
        },
        byState: {
          draft: 0,
          active: 1,
          expiring: 1,
          expired: 0,
          deprecated: 1,
          retired: 0,
        },
      });
      expect(response.body.summary).toEqual({
        byCategory: {
          'core-entity': { count: 2, averageScore: 1.8, monthlyCost: 5000 },
          'shared-mart': { count: 0, averageScore: null, monthlyCost: 0 },
          'convenience-view': { count: 1, averageScore: 3, monthlyCost: 120 },
        },
        expiringThisMonth: 0,
        breachingNow: 3,
        monthlyCostByFundingGroup: {
          'group:default/platform': 5000,
          'group:default/analytics': 120,
        },
        monthlyCostByFreshnessTier: { daily: 2120, 'micro-batch': 3000 },
        currency: 'USD',
        costsInOtherCurrencies: {},
        daysLeftInMonth: 5,
        fundingRule: { manyTeams: 3, centralFunders: [] },
      });
    });

    it.each([
      ['?', WEAK_LINKS_FIRST],
      ['?sort=overall&order=asc', WEAK_LINKS_FIRST],
      [
        '?sort=overall&order=desc',
        [
          'eur-mart',
          'orders',
          'expired-view',
          'churn-view',
          'identity',
          'no-cost',
          'legacy',
          'clicks-view',
          'draft-mart',
        ],
      ],
      [
        '?sort=name',
        [
          'churn-view',
          'clicks-view',
          'draft-mart',
          'eur-mart',
          'expired-view',
          'identity',
          'legacy',
          'no-cost',
          'orders',
        ],
      ],
      [
        '?sort=cost&order=desc',
        [
          'identity',
          'legacy',
          'orders',
          'eur-mart',
          'churn-view',
          'expired-view',
          'clicks-view',
          'draft-mart',
          'no-cost',
        ],
      ],
      [
        '?sort=expiresOn',
        [
          'expired-view',
          'clicks-view',
          'churn-view',
          'draft-mart',
          'eur-mart',
          'identity',
          'legacy',
          'no-cost',
          'orders',
        ],
      ],
      [
        '?sort=freshness',
        [
          'legacy',
          'identity',
          'churn-view',
          'expired-view',
          'eur-mart',
          'orders',
          'clicks-view',
          'draft-mart',
          'no-cost',
        ],
      ],
      [
        '?sort=reuse&order=desc',
        [
          'orders',
          'identity',
          'legacy',
          'churn-view',
          'eur-mart',
          'expired-view',
          'no-cost',
          'clicks-view',
          'draft-mart',
        ],
      ],
    ])('sorts %s exactly', async (query, expected) => {
      expect(names((await get(query)).body)).toEqual(expected);
    });

    const orderings = INVENTORY_SORTS.flatMap(sort =>
      (['asc', 'desc'] as const).map(order => [sort, order] as const),
    );

    it.each(orderings)(
      'sorts by %s %s: values in order, unknown last, ties by name',
      async (sort, order) => {
        const response = await get(`?sort=${sort}&order=${order}`);

        expect(response.status).toBe(200);
        expect(response.body.items).toHaveLength(9);
        expect(misordered(response.body.items, sort, order)).toBeUndefined();
      },
    );

    describe('with forty more products', () => {
      let bulkApp: express.Express;
      let total: number;

      beforeAll(async () => {
        const products = [...PRODUCTS, ...bulkProducts()];
        total = products.length;
        ({ app: bulkApp } = await setup({ products }));
      });

      it.each(orderings)(
        'pages through sort=%s&order=%s without duplicates or gaps',
        async (sort, order) => {
          const all = await request(bulkApp).get(
            `/products?sort=${sort}&order=${order}&limit=200`,
          );
          expect(all.body.items).toHaveLength(total);
          expect(misordered(all.body.items, sort, order)).toBeUndefined();

          const paged: Item[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const query: string = `/products?sort=${sort}&order=${order}&limit=7${
              cursor ? `&cursor=${cursor}` : ''
            }`;
            const page = await request(bulkApp).get(query);
            expect(page.status).toBe(200);
            expect(page.body.totals.total).toBe(total);
            paged.push(...page.body.items);
            cursor = page.body.nextCursor;
            pages += 1;
          } while (cursor && pages < 20);

          expect(pages).toBe(Math.ceil(total / 7));
          expect(paged.map(item => item.entityRef)).toEqual(
            all.body.items.map((item: Item) => item.entityRef),
          );
        },
      );

      it('pages a filtered set, the last page full without a next cursor', async () => {
        const first = await request(bulkApp).get(
          '/products?category=core-entity&limit=8',
        );
        const count = first.body.totals.total;
        expect(count).toBe(16); // 2 fixtures + 14 of the forty

        const second = await request(bulkApp).get(
          `/products?category=core-entity&limit=8&cursor=${first.body.nextCursor}`,
        );
        expect(second.body.items).toHaveLength(8);
        expect(second.body.nextCursor).toBeNull();
        expect(
          new Set(
            [...first.body.items, ...second.body.items].map(
              (item: Item) => item.entityRef,
            ),
          ).size,
        ).toBe(16);
      });
    });

    it('keeps the default page size of 50 and allows up to 200', async () => {
      const { app: bigApp } = await setup({
        products: Array.from({ length: 60 }, (_, i) => ({
          name: `p-${String(i).padStart(2, '0')}`,
          category: 'shared-mart' as const,
          owner: 'team',
        })),
      });

      const first = await request(bigApp).get('/products');
      expect(first.body.items).toHaveLength(50);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const rest = await request(bigApp).get(
        `/products?cursor=${first.body.nextCursor}`,
      );
      expect(rest.body.items.map((item: Item) => item.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `p-${50 + i}`),
      );
      expect(
        (await request(bigApp).get('/products?limit=200')).body.items,
      ).toHaveLength(60);
    });

    const otherSortCursor = encodeCursor(
      { value: 'orders', name: 'orders', entityRef: refOf('orders') },
      { sort: 'name', order: 'asc', numeric: false },
    );
    const wrongValueCursor = encodeCursor(
      { value: 'high', name: 'orders', entityRef: refOf('orders') },
      { sort: 'overall', order: 'asc', numeric: true },
    );

    it.each([
      [
        '?category=gold',
        'category "gold" is unknown; allowed values are core-entity, shared-mart, convenience-view',
      ],
      ['?category=', 'category is empty'],
      [
        '?state=expiring,gone',
        'state "gone" is unknown; allowed values are draft, active, expiring, expired, deprecated, retired',
      ],
      [
        '?sort=popularity',
        'sort "popularity" is unknown; allowed values are overall, freshness, reliability, quality, stability, contract, ownership, reuse, expiresOn, name, cost',
      ],
      ['?sort=name&sort=cost', 'sort must be given once'],
      ['?order=up', 'order "up" is unknown; allowed values are asc, desc'],
      ['?minScore=high', 'minScore must be a number from 1 to 5, not "high"'],
      ['?minScore=0', 'minScore must be a number from 1 to 5'],
      ['?maxScore=5.5', 'maxScore must be a number from 1 to 5'],
      ['?maxScore=1e0', 'maxScore must be a number from 1 to 5'],
      [
        '?minScore=4&maxScore=2',
        'minScore (4) must not be greater than maxScore (2)',
      ],
      [
        '?expiringWithinDays=-1',
        'expiringWithinDays must be a whole number from 0 to 99999, not "-1"',
      ],
      [
        '?expiringWithinDays=soon',
        'expiringWithinDays must be a whole number from 0 to 99999, not "soon"',
      ],
      ['?breaching=yes', 'breaching must be true or false, not "yes"'],
      ['?limit=0', 'limit must be a whole number from 1 to 200, not "0"'],
      ['?limit=201', 'limit must be a whole number from 1 to 200, not "201"'],
      ['?limit=ten', 'limit must be a whole number from 1 to 200'],
      ['?limit[a]=1', 'limit must be given once'],
      ['?cursor=***', 'cursor is malformed'],
      ['?cursor=bm90LWpzb24', 'cursor is malformed'], // "not-json"
      [
        `?cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
        'cursor is malformed',
      ],
      [
        `?cursor=${otherSortCursor}`,
        'cursor belongs to sort=name&order=asc, not sort=overall&order=asc',
      ],
      [
        `?cursor=${otherSortCursor}&sort=name&order=desc`,
        'cursor belongs to sort=name&order=asc, not sort=name&order=desc',
      ],
      [`?cursor=${wrongValueCursor}`, 'cursor is malformed'],
      ['?owner=', 'owner is empty'],
      [
        '?colour=red',
        'unknown query parameter "colour"; allowed parameters are category, state, owner, domain, system, type, minScore, maxScore, expiringWithinDays, breaching, fragile, tierAtRisk, budgetExhausted, q, sort, order, limit, cursor',
      ],
      ['?page=2&offset=10', 'unknown query parameters "page", "offset"'],
    ])('answers 400 to %s', async (query, message) => {
      const response = await get(query);

      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(message);
    });

    it('answers 401 without credentials', async () => {
      const response = await get().set(
        'Authorization',
        mockCredentials.none.header(),
      );
      expect(response.status).toBe(401);
    });

    it('serves services, such as a reporting job', async () => {
      const response = await get('?limit=1').set(
        'Authorization',
        mockCredentials.service.header(),
      );
      expect(response.status).toBe(200);
      expect(response.body.totals.total).toBe(9);
    });

    it('answers 403 without the inventory permission, reading nothing', async () => {
      const denied = await setup({ result: AuthorizeResult.DENY });
      const streamEntities = jest.spyOn(denied.catalog, 'streamEntities');
      const latestScores = jest.spyOn(denied.snapshots, 'latestScores');

      const response = await request(denied.app).get('/products');

      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Not allowed to read the inventory: it needs the permission stockroom.inventory.read',
      );
      expect(denied.permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'stockroom.inventory.read',
            }),
          },
        ],
        { credentials: expect.anything() },
      );
      expect(streamEntities).not.toHaveBeenCalled();
      expect(latestScores).not.toHaveBeenCalled();
    });

    it('reads the catalog at most once per caller for a few seconds, the snapshots every time', async () => {
      const cached = await setup();
      const streamEntities = jest.spyOn(cached.catalog, 'streamEntities');
      const latestScores = jest.spyOn(cached.snapshots, 'latestScores');
      const ada = mockCredentials.user.header('user:default/ada');

      await request(cached.app).get('/products');
      await request(cached.app).get('/products?sort=name');
      // another caller
      await request(cached.app).get('/products').set('Authorization', ada);

      // from the read model the requests read only the database: the sync
      // task read the catalog; from the catalog, once for the first caller
      // and once with the other's own credentials
      const fromCatalog = source === 'catalog';
      expect(latestScores).toHaveBeenCalledTimes(fromCatalog ? 3 : 0);
      expect(streamEntities.mock.calls.map(call => call[1])).toEqual(
        fromCatalog
          ? [
              { credentials: mockCredentials.user() },
              { credentials: mockCredentials.user('user:default/ada') },
            ]
          : [],
      );

      const uncached = await setup({ router: { catalogCacheTtlMs: 0 } });
      const uncachedStream = jest.spyOn(uncached.catalog, 'streamEntities');
      await request(uncached.app).get('/products');
      await request(uncached.app).get('/products');
      expect(uncachedStream).toHaveBeenCalledTimes(fromCatalog ? 2 : 0);
    });

    it('judges funding-follows-reuse from the owners of the consumers', async () => {
      const PLATFORM = 'group:default/data-platform';
      const component = (name: string, owner: string): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production', owner },
        relations: [{ type: RELATION_OWNED_BY, targetRef: owner }],
      });
      const consumers = [
        component('web-a', 'group:default/marketing'),
        component('web-b', 'group:default/marketing'),
        component('ledger', 'group:default/finance'),
        component('crm', 'group:default/sales'),
        component('resolver', 'group:default/identity'),
        component('notebook', 'user:default/jane'),
      ];
      const threeTeams = [
        'component:default/web-a',
        'component:default/ledger',
        'component:default/crm',
      ];
      const funded = (fundedBy: string) => ({
        monthly: 100,
        currency: 'USD',
        fundedBy,
      });
      const products: ProductFixture[] = [
        {
          // marketing (twice), finance, sales; its own team and a user do not count
          name: 'shared-identity',
          category: 'core-entity',
          owner: 'identity',
          cost: funded('identity'),
          consumedBy: [
            ...threeTeams,
            'component:default/web-b',
            'component:default/resolver',
            'component:default/notebook',
          ],
        },
        {
          name: 'central-mart',
          category: 'shared-mart',
          owner: 'identity',
          cost: funded(PLATFORM),
          consumedBy: threeTeams,
        },
        {
          name: 'marketing-mart',
          category: 'shared-mart',
          owner: 'identity',
          cost: funded(PLATFORM),
          consumedBy: ['component:default/web-a', 'component:default/web-b'],
        },
        {
          name: 'popular-view',
          category: 'convenience-view',
          owner: 'identity',
          consumedBy: threeTeams,
        },
        {
          // a consumer the catalog does not know counts for nothing
          name: 'two-teams',
          category: 'core-entity',
          owner: 'identity',
          consumedBy: [
            'component:default/web-a',
            'component:default/ledger',
            'component:default/gone',
          ],
        },
      ];
      const funding = { manyTeams: 3, centralFunders: [PLATFORM] };
      const { app: fundingApp, catalog } = await setup({
        products,
        entities: consumers,
        router: { funding },
      });
      const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');

      const response = await request(fundingApp).get('/products?sort=name');
      const byName = Object.fromEntries(
        response.body.items.map((item: Item) => [item.name, item.funding]),
      );

      // every consumer's owner in one catalog request, not one per
      // product; the read model read them when it synced
      expect(byRefs).toHaveBeenCalledTimes(source === 'catalog' ? 1 : 0);
      expect(response.body.summary.fundingRule).toEqual(funding);
      expect(byName['shared-identity']).toEqual({
        verdict: 'breaks',
        expects: 'central',
        expectedFunders: [PLATFORM],
        consumingGroups: [
          'group:default/finance',
          'group:default/marketing',
          'group:default/sales',
        ],
        severity: 'warning',
        message:
          'spec.cost.fundedBy is group:default/identity, but 3 teams other than its owner (group:default/finance, group:default/marketing, group:default/sales) consume it: fund it centrally — set fundedBy to group:default/data-platform',
      });
      expect(byName['central-mart']).toMatchObject({
        verdict: 'follows',
        expects: 'central',
        severity: null,
      });
      expect(byName['marketing-mart']).toMatchObject({
        verdict: 'breaks',
        expects: 'consuming-team',
        expectedFunders: ['group:default/marketing'],
        consumingGroups: ['group:default/marketing'],
        severity: 'info',
      });
      expect(byName['popular-view']).toMatchObject({
        verdict: 'off',
        expects: null,
        message: 'funding-follows-reuse is off for convenience views',
      });
      expect(byName['two-teams']).toMatchObject({
        verdict: 'no-expectation',
        consumingGroups: ['group:default/finance', 'group:default/marketing'],
      });
    });

    it('never writes a snapshot: products without one stay unknown', async () => {
      const { knex, app: fresh } = await setup();
      const count = async () =>
        Number((await knex('scorecard_snapshots').count({ n: '*' }))[0].n);
      const before = await count();

      const response = await request(fresh).get('/products?q=draft-mart');

      expect(response.body.items[0].overall).toBeNull();
      expect(await count()).toBe(before);
    });
  });
});
