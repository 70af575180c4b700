import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { RunEventFacts } from '@stockroom/plugin-data-products-common';
import { Knex } from 'knex';
import { KnexRunStore } from './KnexRunStore';
import { openStores } from './openStores';

jest.setTimeout(120_000);

/**
 * RunStore.pruneRunsBefore on both databases. Rows are written straight
 * into the tables (times pinned around one cutoff); what each prune must
 * leave is worked out by hand from the rule in the store's doc comment.
 */

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';
const CUTOFF = new Date('2025-06-01T00:00:00.000Z');
const JUST_BEFORE = new Date('2025-05-31T23:59:59.999Z');
const OLD = new Date('2025-05-01T10:00:00.000Z');
const RECENT = new Date('2025-06-05T10:00:00.000Z');

type Times = {
  finished?: Date;
  event: Date;
  started?: Date;
  recorded?: Date;
  parentRunId?: string;
};

function runRow(entityRef: string, runId: string, times: Times) {
  return {
    entity_ref: entityRef,
    run_id: runId,
    status: times.finished ? 'success' : 'running',
    event_time: times.event,
    started_at: times.started ?? null,
    finished_at: times.finished ?? null,
    recorded_at: times.recorded ?? times.event,
    parent_run_id: times.parentRunId ?? null,
  };
}

let eventSeq = 0;
function eventRow(
  runId: string,
  time: Date,
  extra: { recorded?: Date; parentRunId?: string } = {},
) {
  eventSeq += 1;
  return {
    run_id: runId,
    event_key: `key-${eventSeq}`,
    event_type: 'COMPLETE',
    event_time: time,
    parent_run_id: extra.parentRunId ?? null,
    facts: '{}',
    recorded_at: extra.recorded ?? time,
  };
}

function checkRow(entityRef: string, runId: string, observed: Date) {
  return {
    entity_ref: entityRef,
    run_id: runId,
    dataset_key: `ds/${entityRef}`,
    observed_at: observed,
    source: 'great_expectations',
    recorded_at: observed,
  };
}

function schemaRow(entityRef: string, runId: string, observed: Date) {
  return {
    entity_ref: entityRef,
    run_id: runId,
    observed_at: observed,
    schema: '[]',
    fingerprint: `fp-${runId}`,
  };
}

function sampleRow(entityRef: string, runId: string, sampled: Date) {
  return {
    entity_ref: entityRef,
    run_id: runId,
    sampled_at: sampled,
    gap_ms: 60_000,
  };
}

async function pairs(knex: Knex, table: string): Promise<string[]> {
  const rows: Array<{ entity_ref: string; run_id: string }> = await knex(
    table,
  ).select('entity_ref', 'run_id');
  return rows.map(row => `${row.entity_ref} ${row.run_id}`).sort();
}

async function eventRunIds(knex: Knex): Promise<string[]> {
  const rows: Array<{ run_id: string }> = await knex('run_events').select(
    'run_id',
  );
  return rows.map(row => row.run_id).sort();
}

const NOTHING = {
  runs: 0,
  runEvents: 0,
  qualityChecks: 0,
  observedSchemas: 0,
  runSamples: 0,
  batches: 0,
};

describe('KnexRunStore.pruneRunsBefore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex }))).runs;
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('deletes runs that finished, or never finished and last changed, before the cutoff, with their rows', async () => {
      const { knex, store } = await createStore(databaseId);
      await knex('runs').insert([
        runRow(ORDERS, 'finished-just-before', {
          finished: JUST_BEFORE,
          event: JUST_BEFORE,
        }),
        runRow(ORDERS, 'finished-at-cutoff', {
          finished: CUTOFF,
          event: CUTOFF,
        }),
        runRow(ORDERS, 'finished-after', { finished: RECENT, event: RECENT }),
        // Its age is its finish, not when Stockroom heard of it.
        runRow(ORDERS, 'old-recorded-late', {
          finished: OLD,
          event: OLD,
          recorded: RECENT,
        }),
        // Open, nothing heard since before the cutoff: abandoned.
        runRow(ORDERS, 'open-abandoned', { event: OLD, started: OLD }),
        // A stream started long ago that still reports.
        runRow(ORDERS, 'open-stream', {
          event: RECENT,
          started: new Date('2024-01-01T00:00:00.000Z'),
        }),
      ]);
      await knex('observed_schemas').insert([
        schemaRow(ORDERS, 'finished-just-before', JUST_BEFORE),
        schemaRow(ORDERS, 'finished-at-cutoff', CUTOFF),
      ]);
      await knex('run_samples').insert([
        sampleRow(ORDERS, 'open-abandoned', OLD),
        sampleRow(ORDERS, 'open-stream', OLD),
        sampleRow(ORDERS, 'open-stream', RECENT),
      ]);
      await knex('quality_checks').insert([
        checkRow(ORDERS, 'finished-just-before', JUST_BEFORE),
        checkRow(ORDERS, 'finished-after', RECENT),
      ]);

      const result = await store.pruneRunsBefore(CUTOFF);

      expect(result).toEqual({
        runs: 3,
        runEvents: 0,
        qualityChecks: 1,
        observedSchemas: 1,
        runSamples: 1,
        batches: 1,
      });
      expect(await pairs(knex, 'runs')).toEqual([
        `${ORDERS} finished-after`,
        `${ORDERS} finished-at-cutoff`,
        `${ORDERS} open-stream`,
      ]);
      expect(await pairs(knex, 'observed_schemas')).toEqual([
        `${ORDERS} finished-at-cutoff`,
      ]);
      // The stream keeps its old samples: they belong to a run kept.
      expect(await pairs(knex, 'run_samples')).toEqual([
        `${ORDERS} open-stream`,
        `${ORDERS} open-stream`,
      ]);
      expect(await pairs(knex, 'quality_checks')).toEqual([
        `${ORDERS} finished-after`,
      ]);

      // Nothing left to delete: a second prune finds nothing.
      expect(await store.pruneRunsBefore(CUTOFF)).toEqual(NOTHING);
      expect(await pairs(knex, 'runs')).toHaveLength(3);
    });

    it('keeps the rows and events of a run id that a product still within retention shares', async () => {
      const { knex, store } = await createStore(databaseId);
      // One OpenLineage run wrote both products; orders' row finished
      // before the cutoff, identity's after (hand-set to differ).
      await knex('runs').insert([
        runRow(ORDERS, 'shared', { finished: OLD, event: OLD }),
        runRow(IDENTITY, 'shared', { finished: RECENT, event: RECENT }),
      ]);
      await knex('quality_checks').insert([
        checkRow(ORDERS, 'shared', OLD),
        checkRow(IDENTITY, 'shared', OLD),
      ]);
      await knex('observed_schemas').insert([
        schemaRow(ORDERS, 'shared', OLD),
        schemaRow(IDENTITY, 'shared', OLD),
      ]);
      // Every event of the run happened and arrived before the cutoff.
      await knex('run_events').insert([
        eventRow('shared', new Date('2025-04-30T10:00:00.000Z')),
        eventRow('shared', OLD),
      ]);

      expect(await store.pruneRunsBefore(CUTOFF)).toEqual({
        runs: 1,
        runEvents: 0,
        qualityChecks: 1,
        observedSchemas: 1,
        runSamples: 0,
        batches: 1,
      });
      expect(await pairs(knex, 'runs')).toEqual([`${IDENTITY} shared`]);
      // Identity's check was observed before the cutoff, but its run is kept.
      expect(await pairs(knex, 'quality_checks')).toEqual([
        `${IDENTITY} shared`,
      ]);
      expect(await pairs(knex, 'observed_schemas')).toEqual([
        `${IDENTITY} shared`,
      ]);
      expect(await eventRunIds(knex)).toEqual(['shared', 'shared']);

      // A month later identity's row has aged out too: the run goes whole.
      expect(
        await store.pruneRunsBefore(new Date('2025-07-01T00:00:00.000Z')),
      ).toEqual({
        runs: 1,
        runEvents: 2,
        qualityChecks: 1,
        observedSchemas: 1,
        runSamples: 0,
        batches: 1,
      });
      expect(await pairs(knex, 'runs')).toEqual([]);
      expect(await eventRunIds(knex)).toEqual([]);
    });

    it('deletes events and checks no product keeps, and keeps those something still needs', async () => {
      const { knex, store } = await createStore(databaseId);
      await knex('runs').insert([
        // A child within retention: its parent's events stay.
        runRow(ORDERS, 'child-kept', {
          finished: RECENT,
          event: RECENT,
          parentRunId: 'parent-of-kept',
        }),
        // An expired child: it and then its parent go.
        runRow(ORDERS, 'child-expired', {
          finished: OLD,
          event: OLD,
          parentRunId: 'parent-of-expired',
        }),
        // A run kept although its check was observed before the cutoff.
        runRow(ORDERS, 'straddling', {
          finished: new Date('2025-06-01T01:00:00.000Z'),
          event: new Date('2025-06-01T01:00:00.000Z'),
        }),
      ]);
      await knex('quality_checks').insert([
        // Check-only runs: a checker read orders without writing it.
        checkRow(ORDERS, 'checker-old', OLD),
        checkRow(ORDERS, 'checker-recent', RECENT),
        checkRow(ORDERS, 'straddling', JUST_BEFORE),
      ]);
      await knex('run_events').insert([
        eventRow('parent-of-kept', OLD),
        eventRow('child-kept', OLD, { parentRunId: 'parent-of-kept' }),
        eventRow('child-kept', RECENT, { parentRunId: 'parent-of-kept' }),
        eventRow('parent-of-expired', OLD),
        eventRow('child-expired', OLD, { parentRunId: 'parent-of-expired' }),
        eventRow('checker-old', OLD),
        // Checked before the cutoff (the check), but reported again since.
        eventRow('checker-recent', OLD),
        // Runs that wrote no product: kept while they may still name one.
        eventRow('unmapped-old', OLD),
        eventRow('unmapped-arrived-late', OLD, { recorded: RECENT }),
        eventRow('unmapped-still-reporting', OLD),
        eventRow('unmapped-still-reporting', RECENT),
      ]);

      const result = await store.pruneRunsBefore(CUTOFF);

      // Pass 1 deletes child-expired and its event (1 batch); pass 2 the
      // checker-old check and its event (1 batch); pass 3 parent-of-expired
      // and unmapped-old (1 batch).
      expect(result).toEqual({
        runs: 1,
        runEvents: 4,
        qualityChecks: 1,
        observedSchemas: 0,
        runSamples: 0,
        batches: 3,
      });
      expect(await pairs(knex, 'runs')).toEqual([
        `${ORDERS} child-kept`,
        `${ORDERS} straddling`,
      ]);
      expect(await pairs(knex, 'quality_checks')).toEqual([
        `${ORDERS} checker-recent`,
        `${ORDERS} straddling`,
      ]);
      expect(await eventRunIds(knex)).toEqual([
        'checker-recent',
        'child-kept',
        'child-kept',
        'parent-of-kept',
        'unmapped-arrived-late',
        'unmapped-still-reporting',
        'unmapped-still-reporting',
      ]);
      expect(await store.pruneRunsBefore(CUTOFF)).toEqual(NOTHING);
    });

    it('prunes an ingested OpenLineage run of two products whole', async () => {
      const { knex, store } = await createStore(databaseId);
      const job = { namespace: 'airflow', name: 'load' };
      const event = (
        eventType: RunEventFacts['eventType'],
        time: string,
      ): RunEventFacts => ({
        eventType,
        eventTime: time,
        runId: 'ol-two-products',
        job,
        outputs: [{ keys: ['ds/orders'] }, { keys: ['ds/identity'] }],
        inputs: [],
        checks: [],
      });
      const productsOf = (key: string) =>
        ({ 'ds/orders': [ORDERS], 'ds/identity': [IDENTITY] }[key] ?? []);
      await store.ingestEvents(
        [
          event('START', '2025-05-01T10:00:00.000Z'),
          event('COMPLETE', '2025-05-01T10:30:00.000Z'),
        ],
        productsOf,
        OLD,
      );
      expect(await pairs(knex, 'runs')).toEqual([
        `${IDENTITY} ol-two-products`,
        `${ORDERS} ol-two-products`,
      ]);

      expect(await store.pruneRunsBefore(CUTOFF)).toEqual({
        runs: 2,
        runEvents: 2,
        qualityChecks: 0,
        observedSchemas: 0,
        runSamples: 0,
        batches: 1,
      });
      expect(await pairs(knex, 'runs')).toEqual([]);
      expect(await eventRunIds(knex)).toEqual([]);
    });

    it.each([
      // 7 runs, 3 a batch: 3 + 3 + 1, the short one is the last.
      [7, 3, 3],
      // 6 runs: 3 + 3, then a look that finds nothing (not a batch).
      [6, 3, 2],
      [6, 1000, 1],
    ])(
      'deletes %p expired runs %p at a time in %p batches',
      async (runs, batchSize, batches) => {
        const { knex, store } = await createStore(databaseId);
        const expired = Array.from({ length: runs }, (_, i) =>
          runRow(ORDERS, `expired-${i}`, { finished: OLD, event: OLD }),
        );
        await knex('runs').insert([
          ...expired,
          runRow(ORDERS, 'kept', { finished: RECENT, event: RECENT }),
        ]);

        expect(await store.pruneRunsBefore(CUTOFF, { batchSize })).toEqual({
          ...NOTHING,
          runs,
          batches,
        });
        expect(await pairs(knex, 'runs')).toEqual([`${ORDERS} kept`]);
      },
    );

    it('deletes each row once when two prunes run at the same time', async () => {
      const { knex, store } = await createStore(databaseId);
      // Another instance's store on the same database.
      const second = new KnexRunStore(knex);
      await knex('runs').insert([
        ...Array.from({ length: 9 }, (_, i) =>
          runRow(ORDERS, `expired-${i}`, { finished: OLD, event: OLD }),
        ),
        runRow(ORDERS, 'kept', { finished: RECENT, event: RECENT }),
      ]);
      await knex('run_events').insert(
        Array.from({ length: 9 }, (_, i) => eventRow(`expired-${i}`, OLD)),
      );

      const [a, b] = await Promise.all([
        store.pruneRunsBefore(CUTOFF, { batchSize: 2 }),
        second.pruneRunsBefore(CUTOFF, { batchSize: 2 }),
      ]);

      expect(a.runs + b.runs).toBe(9);
      expect(a.runEvents + b.runEvents).toBe(9);
      expect(await pairs(knex, 'runs')).toEqual([`${ORDERS} kept`]);
      expect(await eventRunIds(knex)).toEqual([]);
    });

    it('stops before the first batch when its signal is aborted, and refuses a bad batch size', async () => {
      const { knex, store } = await createStore(databaseId);
      await knex('runs').insert(
        runRow(ORDERS, 'expired', { finished: OLD, event: OLD }),
      );
      const controller = new AbortController();
      controller.abort();

      expect(
        await store.pruneRunsBefore(CUTOFF, { signal: controller.signal }),
      ).toEqual(NOTHING);
      expect(await pairs(knex, 'runs')).toEqual([`${ORDERS} expired`]);
      await expect(
        store.pruneRunsBefore(CUTOFF, { batchSize: 0 }),
      ).rejects.toThrow(
        'batchSize is 0; it must be a whole number from 1 to 5000',
      );
    });
  });
});
