import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { openStores } from './openStores';
import {
  NewDriftIncident,
  RecordedContractVersion,
} from './ContractHistoryStore';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@stockroom/plugin-data-products-backend',
  'migrations',
);

const ORDERS = 'dataproduct:default/orders';
const T0 = new Date('2026-06-01T10:00:00Z');
const T1 = new Date('2026-06-02T10:00:00Z');
const T2 = new Date('2026-06-03T10:00:00Z');

function firstSighting(
  overrides: Partial<RecordedContractVersion> = {},
): RecordedContractVersion {
  return {
    entityRef: ORDERS,
    version: '1.0.0',
    fingerprint: 'fp-a',
    previousFingerprint: null,
    contract: {
      schema: [
        { name: 'order_id', type: 'string', key: 'primary' },
        { name: 'amount', type: 'decimal' },
      ],
      accessPatterns: [],
      lineage: { upstreams: [] },
      version: '1.0.0',
    },
    changes: [],
    verdict: null,
    recordedAt: T0,
    ...overrides,
  };
}

function amountRemoved(
  overrides: Partial<RecordedContractVersion> = {},
): RecordedContractVersion {
  return {
    entityRef: ORDERS,
    version: '1.1.0',
    fingerprint: 'fp-b',
    previousFingerprint: 'fp-a',
    contract: {
      schema: [{ name: 'order_id', type: 'string', key: 'primary' }],
      accessPatterns: [],
      lineage: { upstreams: [] },
      version: '1.1.0',
    },
    changes: [
      {
        kind: 'breaking',
        change: 'field-removed',
        path: 'spec.contract.schema[1]',
        message: 'field amount was removed',
      },
    ],
    verdict: 'needs-major',
    recordedAt: T1,
    ...overrides,
  };
}

function incident(overrides: Partial<NewDriftIncident> = {}): NewDriftIncident {
  return {
    entityRef: ORDERS,
    kind: 'breaking-change-without-major',
    dedupeKey: `breaking-change-without-major|${ORDERS}|fp-a|fp-b`,
    openedAt: T1,
    details: { fromVersion: '1.0.0', toVersion: '1.1.0', changes: [] },
    ...overrides,
  };
}

describe('KnexContractHistoryStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex })))
      .contractHistory;
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('migrates up and down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('contract_versions')).toBe(true);
      expect(await knex.schema.hasTable('drift_incidents')).toBe(true);

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await knex.schema.hasTable('contract_versions')).toBe(false);
      expect(await knex.schema.hasTable('drift_incidents')).toBe(false);

      // and up again, as after a rollback and redeploy

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('contract_versions')).toBe(true);
      expect(await knex.schema.hasTable('drift_incidents')).toBe(true);
    });

    it('knows nothing before the first sighting', async () => {
      const { store } = await createStore(databaseId);

      expect(await store.latestFingerprints()).toEqual(new Map());
      expect(await store.latestVersion(ORDERS)).toBeUndefined();
      expect(await store.listVersions(ORDERS)).toEqual([]);
      expect(await store.listIncidents(ORDERS)).toEqual([]);
    });

    it('records versions and reads them back newest first', async () => {
      const { store } = await createStore(databaseId);

      await expect(store.recordVersion(firstSighting())).resolves.toEqual({
        recorded: true,
        incidentOpened: false,
      });
      await store.recordVersion(amountRemoved());

      expect(await store.listVersions(ORDERS)).toEqual([
        amountRemoved(),
        firstSighting(),
      ]);
      expect(await store.latestVersion(ORDERS)).toEqual(amountRemoved());
      expect(await store.latestFingerprints()).toEqual(
        new Map([[ORDERS, 'fp-b']]),
      );
    });

    it('records first sightings in one go, skipping products recorded meanwhile', async () => {
      const { store } = await createStore(databaseId);
      const CUSTOMERS = 'dataproduct:default/customers';
      // orders was recorded by another run after this one read the fingerprints
      await store.recordVersion(firstSighting());

      const recorded = await store.recordFirstSightings([
        firstSighting({ fingerprint: 'fp-other' }),
        firstSighting({ entityRef: CUSTOMERS, fingerprint: 'fp-c' }),
      ]);

      expect(recorded).toEqual(new Set([CUSTOMERS]));
      expect(await store.listVersions(ORDERS)).toEqual([firstSighting()]);
      expect(await store.listVersions(CUSTOMERS)).toEqual([
        firstSighting({ entityRef: CUSTOMERS, fingerprint: 'fp-c' }),
      ]);
      expect(await store.latestFingerprints()).toEqual(
        new Map([
          [ORDERS, 'fp-a'],
          [CUSTOMERS, 'fp-c'],
        ]),
      );
      // again: nothing left to record
      expect(
        await store.recordFirstSightings([
          firstSighting({ entityRef: CUSTOMERS, fingerprint: 'fp-c' }),
        ]),
      ).toEqual(new Set());
      expect(await store.recordFirstSightings([])).toEqual(new Set());
    });

    it('gives the latest fingerprint of each product', async () => {
      const { store } = await createStore(databaseId);
      const other = 'dataproduct:default/customers';

      await store.recordVersion(firstSighting());
      await store.recordVersion(
        firstSighting({ entityRef: other, fingerprint: 'fp-x' }),
      );
      await store.recordVersion(amountRemoved());
      // Same instant as the one before: the later row wins.
      await store.recordVersion(
        firstSighting({
          entityRef: other,
          fingerprint: 'fp-y',
          previousFingerprint: 'fp-x',
        }),
      );

      expect(await store.latestFingerprints()).toEqual(
        new Map([
          [ORDERS, 'fp-b'],
          [other, 'fp-y'],
        ]),
      );
    });

    it('opens the incident with the version, in one transaction', async () => {
      const { store } = await createStore(databaseId);
      await store.recordVersion(firstSighting());

      await expect(
        store.recordVersion(amountRemoved(), incident()),
      ).resolves.toEqual({ recorded: true, incidentOpened: true });

      expect(await store.listIncidents(ORDERS)).toEqual([
        { id: expect.any(Number), ...incident() },
      ]);
    });

    it('records nothing when the latest contract is not the expected one', async () => {
      const { store } = await createStore(databaseId);
      await store.recordVersion(firstSighting());
      await store.recordVersion(amountRemoved());

      // Classified against fp-a, but fp-b was recorded meanwhile.
      const stale = await store.recordVersion(
        amountRemoved({ fingerprint: 'fp-c', version: '1.2.0' }),
        incident({ dedupeKey: 'stale' }),
      );

      expect(stale).toEqual({ recorded: false, incidentOpened: false });
      expect(
        (await store.listVersions(ORDERS)).map(v => v.fingerprint),
      ).toEqual(['fp-b', 'fp-a']);
      expect(await store.listIncidents(ORDERS)).toEqual([]);
      // Nor a second first sighting.
      await expect(store.recordVersion(firstSighting())).resolves.toEqual({
        recorded: false,
        incidentOpened: false,
      });
    });

    it('opens an incident once per dedupe key', async () => {
      const { store } = await createStore(databaseId);
      await store.recordVersion(firstSighting());
      await store.recordVersion(amountRemoved(), incident());
      // back to fp-a, then fp-b again: the same drift as before
      await store.recordVersion(
        firstSighting({
          previousFingerprint: 'fp-b',
          version: '1.1.1',
          recordedAt: T2,
        }),
      );

      const again = await store.recordVersion(
        amountRemoved({
          previousFingerprint: 'fp-a',
          recordedAt: new Date(T2.getTime() + 1000),
        }),
        incident({ openedAt: T2 }),
      );

      expect(again).toEqual({ recorded: true, incidentOpened: false });
      expect(await store.listIncidents(ORDERS)).toHaveLength(1);
    });

    it('keeps one row per contract: a contract that returns becomes the latest again', async () => {
      const { store } = await createStore(databaseId);
      await store.recordVersion(firstSighting());
      await store.recordVersion(amountRemoved());

      const back = firstSighting({
        version: '1.1.1',
        previousFingerprint: 'fp-b',
        changes: [
          {
            kind: 'non-breaking',
            change: 'field-added',
            path: 'spec.contract.schema[1]',
            message: 'field amount was added',
          },
        ],
        verdict: 'ok',
        recordedAt: T2,
      });
      await expect(store.recordVersion(back)).resolves.toEqual({
        recorded: true,
        incidentOpened: false,
      });

      expect(await store.listVersions(ORDERS)).toEqual([back, amountRemoved()]);
      expect(await store.latestFingerprints()).toEqual(
        new Map([[ORDERS, 'fp-a']]),
      );
    });

    it('lets one of two concurrent runs open the incident', async () => {
      const { store } = await createStore(databaseId);
      await store.recordVersion(firstSighting());

      const outcomes = await Promise.all([
        store.recordVersion(amountRemoved(), incident()),
        store.recordVersion(amountRemoved(), incident()),
      ]);

      expect(outcomes.filter(o => o.incidentOpened)).toHaveLength(1);
      expect(await store.listVersions(ORDERS)).toHaveLength(2);
      expect(await store.listIncidents(ORDERS)).toHaveLength(1);
    });

    it('lists incidents of one product, newest first', async () => {
      const { store } = await createStore(databaseId);
      await store.recordVersion(firstSighting());
      await store.recordVersion(amountRemoved(), incident());
      await store.recordVersion(
        amountRemoved({
          fingerprint: 'fp-c',
          previousFingerprint: 'fp-b',
          recordedAt: T2,
        }),
        incident({ dedupeKey: 'second', openedAt: T2 }),
      );
      await store.recordVersion(
        firstSighting({ entityRef: 'dataproduct:default/other' }),
        incident({ entityRef: 'dataproduct:default/other', dedupeKey: 'x' }),
      );

      expect(
        (await store.listIncidents(ORDERS)).map(i => [i.dedupeKey, i.openedAt]),
      ).toEqual([
        ['second', T2],
        [incident().dedupeKey, T1],
      ]);
    });
    it('opens an observed-schema incident on its own, once per dedupe key', async () => {
      const { store } = await createStore(databaseId);
      const drift = incident({
        kind: 'observed-schema-drift',
        dedupeKey: `observed-schema-drift|${ORDERS}|d41d8cd9`,
        details: {
          runId: 'run-7',
          observedAt: '2026-06-02T09:00:00.000Z',
          drift: [
            {
              change: 'field-missing',
              field: 'amount',
              expectedType: 'decimal',
              message:
                'field amount (decimal) is missing from the observed schema',
            },
          ],
        },
      });

      await expect(store.openIncident(drift)).resolves.toBe(true);
      // seen again by a later run, or by a concurrent one
      const again = await Promise.all([
        store.openIncident({ ...drift, openedAt: T2 }),
        store.openIncident({ ...drift, openedAt: T2 }),
      ]);

      expect(again).toEqual([false, false]);
      expect(await store.listIncidents(ORDERS)).toEqual([
        { id: expect.any(Number), ...drift },
      ]);
      // No contract version is needed for it, and none was recorded.
      expect(await store.listVersions(ORDERS)).toEqual([]);
    });

    it('lists the incidents of every product opened since a time, oldest first', async () => {
      const { store } = await createStore(databaseId);
      const other = 'dataproduct:default/other';
      await store.openIncident(incident({ dedupeKey: 'old', openedAt: T0 }));
      await store.openIncident(
        incident({ entityRef: other, dedupeKey: 'b', openedAt: T2 }),
      );
      await store.openIncident(incident({ dedupeKey: 'a', openedAt: T1 }));

      expect(
        (await store.listIncidentsOpenedSince(T1)).map(i => [
          i.entityRef,
          i.dedupeKey,
          i.openedAt,
        ]),
      ).toEqual([
        [ORDERS, 'a', T1],
        [other, 'b', T2],
      ]);
      expect(
        await store.listIncidentsOpenedSince(new Date(T2.getTime() + 1)),
      ).toEqual([]);
    });

    // What the stability score reads (moved here from KnexRunStore, which
    // read these tables directly before this store owned them alone).
    it("reads one product's incidents since a time, and whether its contract ever changed", async () => {
      const { knex, store } = await createStore(databaseId);
      const IDENTITY = 'dataproduct:default/identity';
      const since = new Date('2026-10-01T00:00:00Z');
      const openedAt = async (entityRef: string) =>
        (await store.listIncidentsOpenedSince(since, { entityRef })).map(
          i => i.openedAt,
        );
      expect(await openedAt(ORDERS)).toEqual([]);
      expect(await store.hasContractChange(ORDERS)).toBe(false);

      const row = (key: string, entityRef: string, at: string) => ({
        entity_ref: entityRef,
        kind: 'breaking-change-without-major',
        dedupe_key: key,
        opened_at: new Date(at),
        details: '{}',
      });
      await knex('drift_incidents').insert([
        row('a', ORDERS, '2026-10-05T00:00:00Z'),
        row('b', ORDERS, '2026-09-30T23:59:59Z'),
        row('c', IDENTITY, '2026-11-01T00:00:00Z'),
        row('d', ORDERS, '2026-11-02T00:00:00Z'),
      ]);
      const version = (fingerprint: string, previous: string | null) => ({
        entity_ref: ORDERS,
        version: '1.0.0',
        fingerprint,
        previous_fingerprint: previous,
        contract: '{}',
        changes: '[]',
        verdict: null,
        recorded_at: new Date('2026-10-01T00:00:00Z'),
      });
      await knex('contract_versions').insert(version('f1', null));
      // A first sighting is no change.
      expect(await store.hasContractChange(ORDERS)).toBe(false);
      await knex('contract_versions').insert(version('f2', 'f1'));

      expect(await openedAt(ORDERS)).toEqual([
        new Date('2026-10-05T00:00:00Z'),
        new Date('2026-11-02T00:00:00Z'),
      ]);
      expect(await store.hasContractChange(ORDERS)).toBe(true);
      expect(await openedAt(IDENTITY)).toEqual([
        new Date('2026-11-01T00:00:00Z'),
      ]);
      expect(await store.hasContractChange(IDENTITY)).toBe(false);
    });
  });
});
