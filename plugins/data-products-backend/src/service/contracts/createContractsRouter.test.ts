import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import plugin from '../../index';
import { DEFAULT_POLICY } from '@stockroom/plugin-data-products-common';
import {
  ORDERS_SCHEMA,
  productWithContract,
  schemaWithout,
} from '../../__testUtils__/contractEntities';
import { component } from '../../__testUtils__/entities';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { ContractHistoryJob } from './ContractHistoryJob';
import { openStores } from '../../database/openStores';

jest.setTimeout(60_000);

const BASE = '/api/data-products/products';
const T0 = new Date('2026-06-01T10:00:00Z');
const T1 = new Date('2026-06-01T10:10:00Z');

const orders = productWithContract('orders');
const ordersAmountRemoved = productWithContract('orders', {
  version: '1.1.0',
  schema: schemaWithout('amount'),
});
const customers = productWithContract('customers', {
  category: 'core-entity',
});

describe('contract endpoints', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  /**
   * A backend whose catalog holds `entities`; `history` is the catalog as
   * the history task saw it on earlier runs, one inventory per run.
   */
  async function startBackend(entities: Entity[], history: Entity[][] = []) {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database({ knex });
    const store = (await openStores(database)).contractHistory;
    for (const [run, inventory] of history.entries()) {
      await new ContractHistoryJob({
        catalog: catalogServiceMock({ entities: inventory }),
        auth: mockServices.auth(),
        store,
        policy: DEFAULT_POLICY,
        logger: mockServices.logger.mock(),
      }).run(new Date(T0.getTime() + run * (T1.getTime() - T0.getTime())));
    }
    const catalog = catalogServiceMock({ entities });
    const { server } = await startTestBackend({
      features: [
        plugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.database.factory({ knex }),
        new RecordingNotificationService().factory(),
      ],
    });
    return { server, catalog };
  }

  describe('GET /products/:namespace/:name/contract', () => {
    it('gives the normalized contract with its findings', async () => {
      const { server } = await startBackend([orders]);

      const response = await request(server).get(
        `${BASE}/default/orders/contract`,
      );

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        entityRef: 'dataproduct:default/orders',
        version: '1.0.0',
        contract: expect.objectContaining({
          version: '1.0.0',
          schema: ORDERS_SCHEMA,
          freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
        }),
        findings: expect.any(Array),
        // No cost declared: no price of freshness.
        unitCostOfFreshness: expect.objectContaining({ value: null }),
      });
      expect(
        await request(server).get(
          `${BASE}/default/orders/contract?format=json`,
        ),
      ).toEqual(expect.objectContaining({ status: 200, body: response.body }));
    });

    it('prices additional freshness from the declared options', async () => {
      const priced = productWithContract('orders');
      priced.spec!.cost = {
        monthly: 4200,
        currency: 'USD',
        fundedBy: 'group:default/orders',
        options: [
          { tier: 'streaming', p95: '6m', monthly: 6600 },
          { tier: 'daily', p95: '1d', monthly: 900 },
        ],
      };
      const { server } = await startBackend([priced]);

      const response = await request(server).get(
        `${BASE}/default/orders/contract`,
      );

      expect(response.status).toBe(200);
      // Today: p95 30 min at 4,200 USD. The only fresher option, streaming
      // at 6 min, adds 6,600 − 4,200 = 2,400 a month and saves 30 − 6 =
      // 24 min = 0.4 h of P95 lag: 2,400 ÷ 0.4 = 6,000 USD a month per hour.
      expect(response.body.unitCostOfFreshness).toMatchObject({
        currency: 'USD',
        estimated: false,
        today: { monthly: 4200, p95Ms: 1_800_000, tier: 'micro-batch' },
        next: {
          tier: 'streaming',
          p95Ms: 360_000,
          monthly: 6600,
          extraMonthly: 2400,
          fresher: true,
        },
      });
      expect(response.body.unitCostOfFreshness.value).toBeCloseTo(6000, 6);
      expect(response.body.unitCostOfFreshness.next.hoursSaved).toBeCloseTo(
        0.4,
        10,
      );
    });

    it('exports the contract as an ODCS v3.1.0 YAML document', async () => {
      const { server } = await startBackend([orders]);

      const response = await request(server).get(
        `${BASE}/default/orders/contract?format=odcs`,
      );

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/yaml/);
      const document = parseYaml(response.text);
      expect(document).toEqual(
        expect.objectContaining({
          apiVersion: 'v3.1.0',
          kind: 'DataContract',
          version: '1.0.0',
        }),
      );
      const properties = document.schema.flatMap(
        (object: { properties?: Array<{ name: string }> }) =>
          object.properties ?? [],
      );
      expect(properties.map((p: { name: string }) => p.name)).toEqual([
        'order_id',
        'customer_id',
        'amount',
      ]);
    });

    it('answers 400 for an unknown format, listing the allowed values', async () => {
      const { server } = await startBackend([orders]);

      const response = await request(server).get(
        `${BASE}/default/orders/contract?format=xml`,
      );

      expect(response.status).toBe(400);
      expect(response.body.error).toEqual(
        expect.objectContaining({
          name: 'InputError',
          message:
            'The request does not match the API: format "xml" is unknown; allowed values are json, odcs',
        }),
      );
    });

    it('answers 404 for a product that is not in the catalog', async () => {
      const { server } = await startBackend([
        orders,
        component('shop', 'group:default/web', []),
      ]);

      const missing = await request(server).get(
        `${BASE}/default/nothing/contract`,
      );
      const otherNamespace = await request(server).get(
        `${BASE}/sales/orders/contract`,
      );
      const notAProduct = await request(server).get(
        `${BASE}/default/shop/contract`,
      );

      expect(missing.status).toBe(404);
      expect(missing.body.error).toEqual(
        expect.objectContaining({
          name: 'NotFoundError',
          message: 'No data product dataproduct:default/nothing in the catalog',
        }),
      );
      expect(otherNamespace.status).toBe(404);
      expect(otherNamespace.body.error.message).toBe(
        'No data product dataproduct:sales/orders in the catalog',
      );
      expect(notAProduct.status).toBe(404);
    });

    it('reads the catalog on behalf of the caller, so catalog permissions apply', async () => {
      const { server, catalog } = await startBackend([orders]);
      const read = jest.spyOn(catalog, 'getEntityByRef');

      await request(server)
        .get(`${BASE}/default/orders/contract`)
        .set('Authorization', mockCredentials.user.header('user:default/ada'));

      expect(read).toHaveBeenCalledWith(
        { kind: 'DataProduct', namespace: 'default', name: 'orders' },
        { credentials: mockCredentials.user('user:default/ada') },
      );
    });

    it('serves services too', async () => {
      const { server } = await startBackend([orders]);

      const response = await request(server)
        .get(`${BASE}/default/orders/contract?format=odcs`)
        .set('Authorization', mockCredentials.service.header());

      expect(response.status).toBe(200);
    });
  });

  describe('GET /products/:namespace/:name/contract/history', () => {
    it('lists the recorded versions newest first, with changes and verdict', async () => {
      const { server } = await startBackend(
        [ordersAmountRemoved],
        [[orders], [ordersAmountRemoved]],
      );

      const response = await request(server).get(
        `${BASE}/default/orders/contract/history`,
      );

      expect(response.status).toBe(200);
      const [latest, first] = response.body.items;
      expect(response.body.items).toEqual([
        {
          version: '1.1.0',
          fingerprint: expect.any(String),
          previousFingerprint: first.fingerprint,
          recordedAt: T1.toISOString(),
          changes: [
            expect.objectContaining({
              kind: 'breaking',
              change: 'field-removed',
              message: expect.any(String),
              path: expect.any(String),
            }),
          ],
          verdict: 'needs-major',
        },
        {
          version: '1.0.0',
          fingerprint: expect.any(String),
          previousFingerprint: null,
          recordedAt: T0.toISOString(),
          changes: [],
          verdict: null,
        },
      ]);
      expect(latest.fingerprint).not.toBe(first.fingerprint);
    });

    it('is empty for a product the task has not seen yet', async () => {
      const { server } = await startBackend([orders, customers], [[orders]]);

      const response = await request(server).get(
        `${BASE}/default/customers/contract/history`,
      );

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [] });
    });

    it('answers 404 for a product that is not in the catalog, history or not', async () => {
      // Recorded once, since removed from the catalog (or hidden from the caller).
      const { server } = await startBackend([], [[orders]]);

      const response = await request(server).get(
        `${BASE}/default/orders/contract/history`,
      );

      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        'No data product dataproduct:default/orders in the catalog',
      );
    });
  });

  describe('GET /products/:namespace/:name/incidents', () => {
    it('lists the product’s drift incidents', async () => {
      const { server } = await startBackend(
        [ordersAmountRemoved],
        [[orders], [ordersAmountRemoved], [ordersAmountRemoved]],
      );

      const response = await request(server).get(
        `${BASE}/default/orders/incidents`,
      );

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [
          {
            id: expect.any(Number),
            kind: 'breaking-change-without-major',
            openedAt: T1.toISOString(),
            details: expect.objectContaining({
              verdict: 'needs-major',
              fromVersion: '1.0.0',
              toVersion: '1.1.0',
              changes: [expect.objectContaining({ change: 'field-removed' })],
            }),
          },
        ],
      });
    });

    it('is empty for a product without incidents', async () => {
      const { server } = await startBackend([orders], [[orders]]);

      const response = await request(server).get(
        `${BASE}/default/orders/incidents`,
      );

      expect(response.body).toEqual({ items: [] });
    });

    it('answers 404 for a product that is not in the catalog', async () => {
      const { server } = await startBackend([orders]);

      const response = await request(server).get(
        `${BASE}/default/nothing/incidents`,
      );

      expect(response.status).toBe(404);
    });
  });

  it.each([
    'default/orders/contract',
    'default/orders/contract?format=odcs',
    'default/orders/contract/history',
    'default/orders/incidents',
  ])('refuses unauthenticated requests to %s', async path => {
    const { server } = await startBackend([orders]);

    const response = await request(server)
      .get(`${BASE}/${path}`)
      .set('Authorization', mockCredentials.none.header());

    expect(response.status).toBe(401);
  });
});
