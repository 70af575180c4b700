import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_POLICY } from '@stockroom/plugin-data-products-common';
import {
  ORDERS_SCHEMA,
  productWithContract,
  schemaWithout,
} from '../../__testUtils__/contractEntities';
import { component } from '../../__testUtils__/entities';
import { ContractHistoryJob } from './ContractHistoryJob';
import { openStores } from '../../database/openStores';

jest.setTimeout(60_000);

const ORDERS = 'dataproduct:default/orders';
const T0 = new Date('2026-06-01T10:00:00Z');
const T1 = new Date('2026-06-01T10:10:00Z');
const T2 = new Date('2026-06-01T10:20:00Z');
const T3 = new Date('2026-06-01T10:30:00Z');

const orders = productWithContract('orders');
const ordersAmountRemoved = productWithContract('orders', {
  version: '1.1.0',
  schema: schemaWithout('amount'),
});
const ordersAmountRemovedV2 = productWithContract('orders', {
  version: '2.0.0',
  schema: schemaWithout('amount'),
});
const ordersWithCurrency = productWithContract('orders', {
  version: '1.1.0',
  schema: [
    ...ORDERS_SCHEMA,
    { name: 'currency', type: 'string', description: 'ISO 4217.' },
  ],
});

describe('ContractHistoryJob', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex })))
      .contractHistory;
    const logger = mockServices.logger.mock();
    // The catalog as it is at the time of each run.
    const runWith = (entities: Entity[], now: Date, signal?: AbortSignal) =>
      new ContractHistoryJob({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        store,
        policy: DEFAULT_POLICY,
        logger,
      }).run(now, signal);
    return { store, runWith, logger };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('records a product’s first contract without judging it', async () => {
      const { store, runWith } = await setUp(databaseId);

      const summary = await runWith([orders, component('shop', 'g', [])], T0);

      expect(summary).toEqual({
        products: 1,
        firstSightings: 1,
        changed: 0,
        unchanged: 0,
        incidentsOpened: 0,
        failed: 0,
      });
      expect(await store.listVersions(ORDERS)).toEqual([
        {
          entityRef: ORDERS,
          version: '1.0.0',
          fingerprint: expect.any(String),
          previousFingerprint: null,
          contract: expect.objectContaining({
            version: '1.0.0',
            schema: ORDERS_SCHEMA,
          }),
          changes: [],
          verdict: null,
          recordedAt: T0,
        },
      ]);
      expect(await store.listIncidents(ORDERS)).toEqual([]);
    });

    it('records nothing new while the contract is unchanged, however often it runs', async () => {
      const { store, runWith } = await setUp(databaseId);

      await runWith([orders], T0);
      const second = await runWith([orders], T1);
      const third = await runWith([orders], T2);

      expect(second).toEqual(expect.objectContaining({ unchanged: 1 }));
      expect(third).toEqual(
        expect.objectContaining({
          firstSightings: 0,
          changed: 0,
          unchanged: 1,
        }),
      );
      expect(await store.listVersions(ORDERS)).toHaveLength(1);
    });

    it('opens one incident when a field is removed without a major bump', async () => {
      const { store, runWith } = await setUp(databaseId);

      await runWith([orders], T0);
      const summary = await runWith([ordersAmountRemoved], T1);

      expect(summary).toEqual(
        expect.objectContaining({ changed: 1, incidentsOpened: 1 }),
      );
      const [latest, first] = await store.listVersions(ORDERS);
      expect(latest).toEqual(
        expect.objectContaining({
          version: '1.1.0',
          previousFingerprint: first.fingerprint,
          verdict: 'needs-major',
          recordedAt: T1,
          changes: [
            expect.objectContaining({
              kind: 'breaking',
              change: 'field-removed',
            }),
          ],
        }),
      );
      expect(await store.listIncidents(ORDERS)).toEqual([
        {
          id: expect.any(Number),
          entityRef: ORDERS,
          kind: 'breaking-change-without-major',
          dedupeKey: `breaking-change-without-major|${ORDERS}|${first.fingerprint}|${latest.fingerprint}`,
          openedAt: T1,
          details: {
            verdict: 'needs-major',
            fromVersion: '1.0.0',
            toVersion: '1.1.0',
            fromFingerprint: first.fingerprint,
            toFingerprint: latest.fingerprint,
            changes: latest.changes,
          },
        },
      ]);

      // Seen again on later runs: still one version, one incident.
      const again = await runWith([ordersAmountRemoved], T2);
      expect(again).toEqual(
        expect.objectContaining({ unchanged: 1, incidentsOpened: 0 }),
      );
      expect(await store.listVersions(ORDERS)).toHaveLength(2);
      expect(await store.listIncidents(ORDERS)).toHaveLength(1);
    });

    it('opens no incident when the removal comes with a major bump', async () => {
      const { store, runWith } = await setUp(databaseId);

      await runWith([orders], T0);
      const summary = await runWith([ordersAmountRemovedV2], T1);

      expect(summary).toEqual(
        expect.objectContaining({ changed: 1, incidentsOpened: 0 }),
      );
      expect((await store.listVersions(ORDERS))[0]).toEqual(
        expect.objectContaining({
          version: '2.0.0',
          verdict: 'ok',
          changes: [expect.objectContaining({ change: 'field-removed' })],
        }),
      );
      expect(await store.listIncidents(ORDERS)).toEqual([]);
    });

    it('records a non-breaking change without an incident', async () => {
      const { store, runWith } = await setUp(databaseId);

      await runWith([orders], T0);
      await runWith([ordersWithCurrency], T1);

      expect((await store.listVersions(ORDERS))[0]).toEqual(
        expect.objectContaining({
          version: '1.1.0',
          verdict: 'ok',
          changes: [
            expect.objectContaining({
              kind: 'non-breaking',
              change: 'field-added',
            }),
          ],
        }),
      );
      expect(await store.listIncidents(ORDERS)).toEqual([]);
    });

    it('opens one incident per distinct drift, even when a product flips back and forth', async () => {
      const { store, runWith } = await setUp(databaseId);

      await runWith([orders], T0);
      await runWith([ordersAmountRemoved], T1);
      await runWith([orders], T2); // reverted: adding a field back breaks nothing
      await runWith([ordersAmountRemoved], T3); // the same drift again

      const versions = await store.listVersions(ORDERS);
      expect(versions.map(v => [v.version, v.recordedAt])).toEqual([
        ['1.1.0', T3],
        ['1.0.0', T2],
      ]);
      expect(await store.listIncidents(ORDERS)).toHaveLength(1);
    });

    it('opens an incident for a core entity’s breaking change even with a major bump: it needs a new entity', async () => {
      const { store, runWith } = await setUp(databaseId);
      const core = (version: string, schema = ORDERS_SCHEMA) =>
        productWithContract('orders', {
          category: 'core-entity',
          version,
          schema,
        });

      await runWith([core('1.0.0')], T0);
      const summary = await runWith(
        [core('2.0.0', schemaWithout('amount'))],
        T1,
      );

      expect(summary).toEqual(expect.objectContaining({ incidentsOpened: 1 }));
      expect(await store.listIncidents(ORDERS)).toEqual([
        expect.objectContaining({
          details: expect.objectContaining({ verdict: 'needs-new-entity' }),
        }),
      ]);
    });

    it('records but opens no incident where the rule is off (convenience views)', async () => {
      const { store, runWith } = await setUp(databaseId);
      const view = (version: string, schema = ORDERS_SCHEMA) =>
        productWithContract('orders', {
          category: 'convenience-view',
          version,
          schema,
        });

      await runWith([view('1.0.0')], T0);
      const summary = await runWith(
        [view('1.1.0', schemaWithout('amount'))],
        T1,
      );

      expect(summary).toEqual(
        expect.objectContaining({ changed: 1, incidentsOpened: 0 }),
      );
      expect((await store.listVersions(ORDERS))[0].verdict).toBe('needs-major');
      expect(await store.listIncidents(ORDERS)).toEqual([]);
    });

    it('keeps each product’s history apart', async () => {
      const { store, runWith } = await setUp(databaseId);
      const customers = productWithContract('customers');

      await runWith([orders, customers], T0);
      const summary = await runWith([ordersAmountRemoved, customers], T1);

      expect(summary).toEqual(
        expect.objectContaining({
          products: 2,
          changed: 1,
          unchanged: 1,
          incidentsOpened: 1,
        }),
      );
      expect(
        await store.listVersions('dataproduct:default/customers'),
      ).toHaveLength(1);
      expect(
        await store.listIncidents('dataproduct:default/customers'),
      ).toEqual([]);
    });

    it('logs a product it cannot record and goes on with the others', async () => {
      const { store, runWith, logger } = await setUp(databaseId);
      const customers = productWithContract('customers');
      await runWith([orders, customers], T0);
      const record = jest.spyOn(store, 'recordVersion');
      record.mockRejectedValueOnce(new Error('database is down'));

      // Both changed; recording the first of them (orders) fails.
      const customersWithCurrency = productWithContract('customers', {
        version: '1.1.0',
        schema: [
          ...ORDERS_SCHEMA,
          { name: 'currency', type: 'string', description: 'ISO 4217.' },
        ],
      });
      const summary = await runWith(
        [ordersWithCurrency, customersWithCurrency],
        T1,
      );

      expect(summary).toEqual(
        expect.objectContaining({ changed: 1, failed: 1 }),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        `Could not record the contract of ${ORDERS}; it is tried again on the next run`,
        expect.any(Error),
      );

      record.mockRestore();
      const next = await runWith(
        [ordersWithCurrency, customersWithCurrency],
        T2,
      );
      expect(next).toEqual(
        expect.objectContaining({ changed: 1, unchanged: 1, failed: 0 }),
      );
      expect((await store.listVersions(ORDERS)).map(v => v.version)).toEqual([
        '1.1.0',
        '1.0.0',
      ]);
    });

    it('records a whole new inventory in batches, and retries a batch that failed', async () => {
      const { store, runWith, logger } = await setUp(databaseId);
      // 250 products never seen: a batch of 200 and one of 50.
      const products = Array.from({ length: 250 }, (_, i) =>
        productWithContract(`product-${i}`),
      );
      const batches = jest.spyOn(store, 'recordFirstSightings');
      batches.mockRejectedValueOnce(new Error('database is down'));

      const summary = await runWith(products, T0);

      expect(batches).toHaveBeenCalledTimes(2);
      expect(summary).toEqual(
        expect.objectContaining({ firstSightings: 50, failed: 200 }),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        'Could not record the first contracts of 200 products; they are tried again on the next run',
        expect.any(Error),
      );
      expect(await store.listVersions('dataproduct:default/product-0')).toEqual(
        [],
      );

      batches.mockRestore();
      const next = await runWith(products, T1);
      expect(next).toEqual(
        expect.objectContaining({ firstSightings: 200, unchanged: 50 }),
      );
      const first = await store.listVersions('dataproduct:default/product-0');
      expect(first).toEqual([
        expect.objectContaining({
          previousFingerprint: null,
          verdict: null,
          changes: [],
          recordedAt: T1,
        }),
      ]);
    });

    it('reads the catalog with the plugin’s own service credentials', async () => {
      const { store, logger } = await setUp(databaseId);
      const catalog = catalogServiceMock({ entities: [orders] });
      const stream = jest.spyOn(catalog, 'streamEntities');

      await new ContractHistoryJob({
        catalog,
        auth: mockServices.auth(),
        store,
        policy: DEFAULT_POLICY,
        logger,
      }).run(T0);

      expect(stream).toHaveBeenCalledWith(
        { filter: { kind: 'DataProduct' } },
        { credentials: mockCredentials.service('plugin:test') },
      );
    });

    it('stops between products when the scheduler aborts it', async () => {
      const { store, runWith } = await setUp(databaseId);
      const controller = new AbortController();
      controller.abort();

      const summary = await runWith([orders], T0, controller.signal);

      expect(summary).toEqual(
        expect.objectContaining({ products: 1, firstSightings: 0 }),
      );
      expect(await store.listVersions(ORDERS)).toEqual([]);
    });
  });
});
