import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { RunEventFacts } from '@stockroom/plugin-data-products-common';
import { Knex } from 'knex';
import { openStores } from './openStores';
import { RunRecord } from './RunStore';

jest.setTimeout(120_000);

/**
 * `runs` partitioned by the month a run began (PostgreSQL), and the
 * `run_month` column both databases carry: a run whose start and finish
 * fall in different months is still one row; months are created ahead,
 * and rows that reached the default partition first are moved; pruning
 * drops whole months. Expected rows and months are worked out by hand from
 * the rules in runMonths.ts, runPartitions.ts and pruneRuns.ts.
 */

const ORDERS = 'dataproduct:default/orders';
const ORDERS_KEY = 'postgres://db/public.orders';
const productsOf = (key: string) => (key === ORDERS_KEY ? [ORDERS] : []);
const RECORDED = new Date('2026-12-01T01:00:00.000Z');

/** A native run that starts on 30 November and one record that closes it on 1 December. */
const NOV_START: RunRecord = {
  entityRef: ORDERS,
  runId: 'nightly-2026-11-30',
  datasetKey: ORDERS_KEY,
  status: 'running',
  eventTime: new Date('2026-11-30T23:50:00.000Z'),
  startedAt: new Date('2026-11-30T23:50:00.000Z'),
};
const DEC_CLOSE: RunRecord = {
  ...NOV_START,
  status: 'success',
  eventTime: new Date('2026-12-01T00:20:00.000Z'),
  finishedAt: new Date('2026-12-01T00:20:00.000Z'),
  rowCount: 10,
};

function olEvent(
  eventType: RunEventFacts['eventType'],
  eventTime: string,
  extra: Partial<RunEventFacts> = {},
): RunEventFacts {
  return {
    eventType,
    eventTime,
    runId: '0192963f-929e-731b-a075-9bb14bf41d38',
    job: { namespace: 'airflow', name: 'orders_daily' },
    outputs: [],
    inputs: [],
    checks: [],
    ...extra,
  };
}

type StoredMonth = { run_id: string; month: string; partition?: string };

async function storedMonths(
  knex: Knex,
  postgres: boolean,
): Promise<StoredMonth[]> {
  if (!postgres) {
    const rows: Array<{ run_id: string; run_month: string | number | Date }> =
      await knex('runs').select('run_id', 'run_month').orderBy('run_id');
    return rows.map(row => ({
      run_id: row.run_id,
      month: sqliteDate(row.run_month),
    }));
  }
  const { rows } = await knex.raw(
    `SELECT run_id, to_char(run_month, 'YYYY-MM-DD') AS month, tableoid::regclass::text AS partition FROM runs ORDER BY run_id`,
  );
  return rows;
}

/** SQLite keeps the date as knex wrote it: a string or epoch milliseconds. */
function sqliteDate(value: string | number | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  return new Date(value).toISOString().slice(0, 10);
}

describe('KnexRunStore: runs by month', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex }))).runs;
    return { knex, store, postgres: databaseId.startsWith('POSTGRES') };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps a native run that closes in the next month as one row of the month it began', async () => {
      const { knex, store, postgres } = await createStore(databaseId);
      await store.createRunPartitions(new Date('2026-11-15T00:00:00Z'), 1);

      expect((await store.insertRuns([NOV_START], RECORDED)).outcomes).toEqual([
        'accepted',
      ]);
      expect((await store.insertRuns([DEC_CLOSE], RECORDED)).outcomes).toEqual([
        'accepted',
      ]);
      expect((await store.insertRuns([DEC_CLOSE], RECORDED)).outcomes).toEqual([
        'duplicate',
      ]);

      const months = await storedMonths(knex, postgres);
      expect(months.map(({ run_id, month }) => ({ run_id, month }))).toEqual([
        { run_id: 'nightly-2026-11-30', month: '2026-11-01' },
      ]);
      expect(months[0].partition).toBe(postgres ? 'runs_m202611' : undefined);
      const [run] = await store.listRuns(ORDERS);
      expect(run.status).toBe('success');
      expect(run.finishedAt).toEqual(DEC_CLOSE.finishedAt);
    });

    it('keeps an OpenLineage run recomputed in the next month in the month it began', async () => {
      const { knex, store, postgres } = await createStore(databaseId);
      await store.createRunPartitions(new Date('2026-11-15T00:00:00Z'), 1);

      await store.ingestEvents(
        [
          olEvent('START', '2026-11-30T23:50:00.000Z', {
            outputs: [{ keys: [ORDERS_KEY] }],
          }),
        ],
        productsOf,
        RECORDED,
      );
      expect(
        await store.ingestEvents(
          [olEvent('COMPLETE', '2026-12-01T00:20:00.000Z')],
          productsOf,
          RECORDED,
        ),
      ).toEqual(['updated']);

      const months = await storedMonths(knex, postgres);
      expect(months.map(({ month }) => month)).toEqual(['2026-11-01']);
      expect(months[0].partition).toBe(postgres ? 'runs_m202611' : undefined);
    });

    it('creates the months from now to the months ahead once', async () => {
      const { store, postgres } = await createStore(databaseId);
      const now = new Date('2026-12-15T08:00:00.000Z');

      const first = await store.createRunPartitions(now, 2);
      const again = await store.createRunPartitions(now, 2);

      // SQLite has no partitions.
      expect(first).toEqual(
        postgres ? ['runs_m202612', 'runs_m202701', 'runs_m202702'] : [],
      );
      expect(again).toEqual([]);
    });
  });

  describe.each(
    databases
      .eachSupportedId()
      .filter(([id]) => (id as string).startsWith('POSTGRES')),
  )('on %p', databaseId => {
    it('is a table partitioned by month with a default partition', async () => {
      const { knex } = await createStore(databaseId);
      const { rows } = await knex.raw(
        `SELECT partstrat, (SELECT attname FROM pg_attribute WHERE attrelid = 'runs'::regclass AND attnum = partattrs[0]) AS key FROM pg_partitioned_table WHERE partrelid = 'runs'::regclass`,
      );
      expect(rows).toEqual([{ partstrat: 'r', key: 'run_month' }]);
      const { rows: defaults } = await knex.raw(
        `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'runs'::regclass`,
      );
      expect(defaults).toEqual([{ bound: 'DEFAULT' }]);
    });

    it('moves rows that reached the default partition into the month created for them', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.insertRuns([NOV_START], RECORDED);
      expect(await storedMonths(knex, true)).toEqual([
        {
          run_id: 'nightly-2026-11-30',
          month: '2026-11-01',
          partition: 'runs_default',
        },
      ]);

      expect(
        await store.createRunPartitions(new Date('2026-11-02T00:00:00Z'), 0),
      ).toEqual(['runs_m202611']);

      expect(await storedMonths(knex, true)).toEqual([
        {
          run_id: 'nightly-2026-11-30',
          month: '2026-11-01',
          partition: 'runs_m202611',
        },
      ]);
      // Still the same run: closing it updates that row.
      expect((await store.insertRuns([DEC_CLOSE], RECORDED)).outcomes).toEqual([
        'accepted',
      ]);
      expect(await storedMonths(knex, true)).toHaveLength(1);
    });

    /**
     * Months January to March 2025 and a cutoff of 20 March 2025:
     * - January: one run, finished 10 January: every run expired, so the
     *   month is dropped whole, with its run's observed schema and events;
     * - February: a run finished 10 February (expired) and a stream begun
     *   1 February that still reports (kept): the month stays, its expired
     *   run goes row by row;
     * - March: a run finished 5 March, before the cutoff, but of the
     *   cutoff's own month: it waits for March to be dropped whole.
     */
    it('drops a wholly expired month, deletes stragglers of earlier months, and leaves the cutoff month to a later pass', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.createRunPartitions(new Date('2025-01-01T00:00:00Z'), 2);
      const closed = (runId: string, start: string, end: string) => ({
        entity_ref: ORDERS,
        run_id: runId,
        status: 'success',
        event_time: new Date(end),
        started_at: new Date(start),
        finished_at: new Date(end),
        recorded_at: new Date(end),
        run_month: `${start.slice(0, 7)}-01`,
      });
      await knex('runs').insert([
        closed('jan', '2025-01-10T01:00:00Z', '2025-01-10T02:00:00Z'),
        closed('feb', '2025-02-10T01:00:00Z', '2025-02-10T02:00:00Z'),
        {
          entity_ref: ORDERS,
          run_id: 'stream',
          status: 'running',
          event_time: new Date('2025-03-25T00:00:00Z'),
          started_at: new Date('2025-02-01T00:00:00Z'),
          finished_at: null,
          recorded_at: new Date('2025-03-25T00:00:00Z'),
          run_month: '2025-02-01',
        },
        closed('mar', '2025-03-05T01:00:00Z', '2025-03-05T02:00:00Z'),
      ]);
      await knex('observed_schemas').insert({
        entity_ref: ORDERS,
        run_id: 'jan',
        observed_at: new Date('2025-01-10T02:00:00Z'),
        schema: '[]',
        fingerprint: 'fp-jan',
      });
      await knex('run_events').insert({
        run_id: 'jan',
        event_key: 'k-jan',
        event_type: 'COMPLETE',
        event_time: new Date('2025-01-10T02:00:00Z'),
        facts: '{}',
        recorded_at: new Date('2025-01-10T02:00:00Z'),
      });

      const result = await store.pruneRunsBefore(
        new Date('2025-03-20T00:00:00Z'),
      );

      expect(result).toEqual({
        runs: 2,
        runEvents: 1,
        qualityChecks: 0,
        observedSchemas: 1,
        runSamples: 0,
        batches: 2,
        monthsDropped: ['2025-01-01'],
      });
      expect(await storedMonths(knex, true)).toEqual([
        { run_id: 'mar', month: '2025-03-01', partition: 'runs_m202503' },
        { run_id: 'stream', month: '2025-02-01', partition: 'runs_m202502' },
      ]);
      const { rows: tables } = await knex.raw(
        `SELECT relname FROM pg_class WHERE relname LIKE 'runs\\_m%' AND relkind = 'r' ORDER BY relname`,
      );
      expect(tables.map((row: { relname: string }) => row.relname)).toEqual([
        'runs_m202502',
        'runs_m202503',
      ]);

      // A month later March is before the cutoff's month, and the stream,
      // silent since 25 March, has expired too: both months go whole.
      expect(
        await store.pruneRunsBefore(new Date('2025-04-20T00:00:00Z')),
      ).toMatchObject({ runs: 2, monthsDropped: ['2025-02-01', '2025-03-01'] });
    });

    it('creates a month while a writer that read runs inserts into the default partition, without a deadlock', async () => {
      const { knex, store } = await createStore(databaseId);
      // The writer has read `runs` (ACCESS SHARE on every partition) and
      // is about to insert a run of a month with no partition yet.
      const writer = await knex.transaction();
      await writer('runs').count({ n: '*' });
      const creating = store.createRunPartitions(
        new Date('2026-11-02T00:00:00Z'),
        0,
      );
      // Give the creator time to queue for its locks (the deadlock, when
      // there was one, came after PostgreSQL's 1 s deadlock_timeout).
      await new Promise(resolve => setTimeout(resolve, 300));
      await writer('runs').insert({
        entity_ref: ORDERS,
        run_id: 'in-flight',
        status: 'running',
        event_time: new Date('2026-11-20T00:00:00Z'),
        recorded_at: new Date('2026-11-20T00:00:00Z'),
        run_month: '2026-11-01',
      });
      await writer.commit();

      expect(await creating).toEqual(['runs_m202611']);
      expect(await storedMonths(knex, true)).toEqual([
        { run_id: 'in-flight', month: '2026-11-01', partition: 'runs_m202611' },
      ]);
    });

    it('drops a month while a writer that read runs writes to it, without a deadlock', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.createRunPartitions(new Date('2025-01-01T00:00:00Z'), 0);
      const writer = await knex.transaction();
      await writer('runs').count({ n: '*' });
      const pruning = store.pruneRunsBefore(new Date('2025-06-01T00:00:00Z'));
      await new Promise(resolve => setTimeout(resolve, 300));
      // A run of January, finished in January: expired by the time the
      // pruner looks, after the writer commits.
      await writer('runs').insert({
        entity_ref: ORDERS,
        run_id: 'late-report',
        status: 'success',
        event_time: new Date('2025-01-10T02:00:00Z'),
        finished_at: new Date('2025-01-10T02:00:00Z'),
        recorded_at: new Date('2025-01-10T02:00:00Z'),
        run_month: '2025-01-01',
      });
      await writer.commit();

      expect(await pruning).toMatchObject({
        runs: 1,
        monthsDropped: ['2025-01-01'],
      });
    });

    it('clears every run of a dropped month, batch after batch', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.createRunPartitions(new Date('2025-01-01T00:00:00Z'), 0);
      // 25 runs, ids 1 to 25: in batches of 5 by id, all five batches.
      const runIds = Array.from({ length: 25 }, (_, i) => `jan-${i + 1}`);
      for (const runId of runIds) {
        await knex('runs').insert({
          entity_ref: ORDERS,
          run_id: runId,
          status: 'success',
          event_time: new Date('2025-01-10T02:00:00Z'),
          finished_at: new Date('2025-01-10T02:00:00Z'),
          recorded_at: new Date('2025-01-10T02:00:00Z'),
          run_month: '2025-01-01',
        });
      }
      await knex('run_samples').insert(
        runIds.map(runId => ({
          entity_ref: ORDERS,
          run_id: runId,
          sampled_at: new Date('2025-01-10T01:00:00Z'),
          gap_ms: 1000,
        })),
      );

      const result = await store.pruneRunsBefore(
        new Date('2025-06-01T00:00:00Z'),
        { batchSize: 5 },
      );

      expect(result).toMatchObject({
        runs: 25,
        runSamples: 25,
        batches: 5,
        monthsDropped: ['2025-01-01'],
      });
      expect(await knex('run_samples').count({ n: '*' })).toEqual([{ n: '0' }]);
    });

    it('finishes a month an interrupted pass detached but did not drop', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.createRunPartitions(new Date('2025-01-01T00:00:00Z'), 0);
      await knex('runs').insert({
        entity_ref: ORDERS,
        run_id: 'jan',
        status: 'success',
        event_time: new Date('2025-01-10T02:00:00Z'),
        finished_at: new Date('2025-01-10T02:00:00Z'),
        recorded_at: new Date('2025-01-10T02:00:00Z'),
        run_month: '2025-01-01',
      });
      await knex('run_samples').insert({
        entity_ref: ORDERS,
        run_id: 'jan',
        sampled_at: new Date('2025-01-10T01:00:00Z'),
        gap_ms: 1000,
      });
      await knex.raw('ALTER TABLE runs DETACH PARTITION runs_m202501');

      // The run is out of `runs` already; what hangs off it is not.
      const result = await store.pruneRunsBefore(
        new Date('2025-06-01T00:00:00Z'),
      );

      expect(result).toMatchObject({
        runs: 1,
        runSamples: 1,
        monthsDropped: ['2025-01-01'],
      });
      expect(await knex.schema.hasTable('runs_m202501')).toBe(false);
      expect(await knex('run_samples').count({ n: '*' })).toEqual([{ n: '0' }]);
    });
  });
});
