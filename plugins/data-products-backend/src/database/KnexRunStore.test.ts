import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { RunEventFacts } from '@stockroom/plugin-data-products-common';
import { Knex } from 'knex';
import { openStores } from './openStores';
import { RunRecord } from './RunStore';

jest.setTimeout(120_000);

const migrationsDir = resolvePackagePath(
  '@stockroom/plugin-data-products-backend',
  'migrations',
);

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';
const recordedAt = new Date('2026-11-20T12:00:00.000Z');

function at(time: string): Date {
  return new Date(`2026-11-20T${time}.000Z`);
}

function started(runId: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    entityRef: ORDERS,
    runId,
    datasetKey: 'postgres://db/public.orders',
    status: 'running',
    eventTime: at('10:00:00'),
    startedAt: at('10:00:00'),
    ...overrides,
  };
}

function completed(
  runId: string,
  overrides: Partial<RunRecord> = {},
): RunRecord {
  return {
    entityRef: ORDERS,
    runId,
    datasetKey: 'postgres://db/public.orders',
    status: 'success',
    eventTime: at('10:30:00'),
    finishedAt: at('10:30:00'),
    watermark: at('10:00:00'),
    rowCount: 1200,
    columns: { order_id: { nullCount: 0, distinctCount: 1200 } },
    ...overrides,
  };
}

/** OpenLineage runs of these tests, by the UUIDs producers give them. */
const OL_RUN = '0192963f-929e-731b-a075-9bb14bf41d38';
const OL_PARENT = '0192963f-929e-731b-a075-9bb14bf41d00';
const ORDERS_KEY = 'postgres://db/public.orders';

/** Which products claim a dataset key: orders claims ORDERS_KEY. */
const productsOf = (key: string) => (key === ORDERS_KEY ? [ORDERS] : []);

/** The facts of one OpenLineage event, as -common's eventFacts keeps them. */
function olEvent(
  eventType: RunEventFacts['eventType'],
  time: string,
  extra: Partial<RunEventFacts> = {},
): RunEventFacts {
  return {
    eventType,
    eventTime: at(time).toISOString(),
    runId: OL_RUN,
    job: { namespace: 'airflow', name: 'orders_daily' },
    outputs: [],
    inputs: [],
    checks: [],
    ...extra,
  };
}

async function count(knex: Knex, table: string): Promise<number> {
  return Number((await knex(table).count({ n: '*' }))[0].n);
}

describe('KnexRunStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (await openStores(mockServices.database({ knex }))).runs;
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('migrates up and down', async () => {
      const knex = await databases.init(databaseId);
      const tables = [
        'runs',
        'observed_schemas',
        'scorecard_snapshots',
        'run_events',
        'quality_checks',
        'run_samples',
      ];
      const exist = () =>
        Promise.all(tables.map(table => knex.schema.hasTable(table)));
      const all = (value: boolean) => tables.map(() => value);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await exist()).toEqual(all(true));

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await exist()).toEqual(all(false));

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await exist()).toEqual(all(true));
    });

    it('migrates the run events in and out, keeping the runs stored before', async () => {
      const knex = await databases.init(databaseId);
      const directory = migrationsDir;
      const newColumns = [
        'job_namespace',
        'job_name',
        'parent_run_id',
        'parent_job_namespace',
        'parent_job_name',
        'streaming',
        'last_event_at',
      ];
      const columns = () =>
        Promise.all(
          newColumns.map(column => knex.schema.hasColumn('runs', column)),
        );
      // Up to the migration before run events, with a run stored.
      await knex.migrate.up({
        directory,
        name: '20261125120000_notifications_sent.js',
      });
      await knex.migrate.up({
        directory,
        name: '20261125130000_contract_history.js',
      });
      await knex.migrate.up({
        directory,
        name: '20261125140000_runs_and_scores.js',
      });
      await knex('runs').insert({
        entity_ref: ORDERS,
        run_id: 'before',
        status: 'success',
        event_time: at('10:30:00'),
        finished_at: at('10:30:00'),
        recorded_at: recordedAt,
      });

      await knex.migrate.up({
        directory,
        name: '20261203100000_run_events.js',
      });
      expect(await knex.schema.hasTable('run_events')).toBe(true);
      expect(await columns()).toEqual(newColumns.map(() => true));
      const [row] = await knex('runs').where({ run_id: 'before' });
      expect(Boolean(row.streaming)).toBe(false);
      expect(row.job_name).toBeNull();

      await knex.migrate.down({
        directory,
        name: '20261203100000_run_events.js',
      });
      expect(await knex.schema.hasTable('run_events')).toBe(false);
      expect(await knex.schema.hasTable('quality_checks')).toBe(false);
      expect(await knex.schema.hasTable('run_samples')).toBe(false);
      expect(await columns()).toEqual(newColumns.map(() => false));
      expect(await count(knex, 'runs')).toBe(1);
    });

    it('stores closed runs and lists them, latest first', async () => {
      const { store } = await createStore(databaseId);

      const result = await store.insertRuns(
        [
          completed('run-1'),
          completed('run-2', {
            status: 'failed',
            eventTime: at('11:30:00'),
            finishedAt: at('11:30:00'),
            watermark: undefined,
            rowCount: undefined,
            columns: undefined,
            errorMessage: 'disk full',
          }),
        ],
        recordedAt,
      );

      expect(result).toEqual({
        accepted: 2,
        duplicates: 0,
        outcomes: ['accepted', 'accepted'],
      });
      expect(await store.listRuns(ORDERS)).toEqual([
        {
          entityRef: ORDERS,
          runId: 'run-2',
          datasetKey: 'postgres://db/public.orders',
          status: 'failed',
          eventTime: at('11:30:00'),
          finishedAt: at('11:30:00'),
          errorMessage: 'disk full',
          recordedAt,
        },
        {
          entityRef: ORDERS,
          runId: 'run-1',
          datasetKey: 'postgres://db/public.orders',
          status: 'success',
          eventTime: at('10:30:00'),
          finishedAt: at('10:30:00'),
          watermark: at('10:00:00'),
          rowCount: 1200,
          columns: { order_id: { nullCount: 0, distinctCount: 1200 } },
          recordedAt,
        },
      ]);
    });

    it('closes an open run when its COMPLETE arrives later, keeping its start', async () => {
      const { knex, store } = await createStore(databaseId);

      const first = await store.insertRuns([started('run-1')], recordedAt);
      expect(first.accepted).toBe(1);
      expect(await store.listRuns(ORDERS)).toEqual([]); // still running

      const later = new Date('2026-11-20T12:05:00.000Z');
      const second = await store.insertRuns(
        [completed('run-1', { startedAt: undefined })],
        later,
      );

      expect(second).toEqual({
        accepted: 1,
        duplicates: 0,
        outcomes: ['accepted'],
      });
      expect(Number((await knex('runs').count({ n: '*' }))[0].n)).toBe(1);
      expect(await store.listRuns(ORDERS)).toEqual([
        expect.objectContaining({
          runId: 'run-1',
          status: 'success',
          startedAt: at('10:00:00'),
          finishedAt: at('10:30:00'),
          rowCount: 1200,
          recordedAt: later,
        }),
      ]);
    });

    it('counts a second COMPLETE, a late START and a repeated START as duplicates', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.insertRuns(
        [started('open'), completed('closed')],
        recordedAt,
      );

      const result = await store.insertRuns(
        [
          completed('closed', { rowCount: 9 }),
          started('closed'),
          started('open'),
          started('open', { status: 'running', eventTime: at('10:10:00') }),
        ],
        new Date('2026-11-21T00:00:00.000Z'),
      );

      expect(result).toEqual({
        accepted: 0,
        duplicates: 4,
        outcomes: ['duplicate', 'duplicate', 'duplicate', 'duplicate'],
      });
      const rows = await knex('runs').orderBy('run_id');
      expect(rows.map(row => [row.run_id, row.status])).toEqual([
        ['closed', 'success'],
        ['open', 'running'],
      ]);
      expect((await store.listRuns(ORDERS))[0]).toEqual(
        expect.objectContaining({ rowCount: 1200, recordedAt }),
      );
    });

    it('folds START then COMPLETE of one call into one run, and counts repeats in the call', async () => {
      const { knex, store } = await createStore(databaseId);

      const result = await store.insertRuns(
        [
          started('run-1'),
          completed('run-1', { startedAt: undefined }),
          completed('run-1'),
          started('run-1'),
          completed('run-2'),
          completed('run-2'),
        ],
        recordedAt,
      );

      expect(result.outcomes).toEqual([
        'accepted',
        'accepted',
        'duplicate',
        'duplicate',
        'accepted',
        'duplicate',
      ]);
      expect(result).toEqual(
        expect.objectContaining({ accepted: 3, duplicates: 3 }),
      );
      expect(Number((await knex('runs').count({ n: '*' }))[0].n)).toBe(2);
      expect(await store.listRuns(ORDERS)).toEqual([
        expect.objectContaining({ runId: 'run-2' }),
        expect.objectContaining({
          runId: 'run-1',
          status: 'success',
          startedAt: at('10:00:00'),
        }),
      ]);
    });

    describe('OpenLineage events', () => {
      it('recomputes a run from all its events, whatever order they come in', async () => {
        const { knex, store } = await createStore(databaseId);

        // COMPLETE first, naming no outputs: the run is no product's yet.
        expect(
          await store.ingestEvents(
            [olEvent('COMPLETE', '10:30:00')],
            productsOf,
            recordedAt,
          ),
        ).toEqual(['ignored']);
        expect(await count(knex, 'runs')).toBe(0);
        expect(await count(knex, 'run_events')).toBe(1);

        // Its START names the output and the watermark.
        const later = new Date('2026-11-20T12:05:00.000Z');
        expect(
          await store.ingestEvents(
            [
              olEvent('START', '10:00:00', {
                nominalEndTime: at('09:00:00').toISOString(),
                outputs: [{ keys: [ORDERS_KEY] }],
              }),
            ],
            productsOf,
            later,
          ),
        ).toEqual(['accepted']);

        expect(await store.listRuns(ORDERS)).toEqual([
          {
            entityRef: ORDERS,
            runId: OL_RUN,
            datasetKey: ORDERS_KEY,
            status: 'success',
            eventTime: at('10:30:00'),
            startedAt: at('10:00:00'),
            finishedAt: at('10:30:00'),
            watermark: at('09:00:00'),
            job: { namespace: 'airflow', name: 'orders_daily' },
            lastEventAt: at('10:30:00'),
            recordedAt: later,
          },
        ]);
      });

      it('answers each event: accepted, updated, duplicate', async () => {
        const { knex, store } = await createStore(databaseId);
        const start = olEvent('START', '10:00:00', {
          outputs: [{ keys: [ORDERS_KEY] }],
        });
        const complete = olEvent('COMPLETE', '10:30:00');

        expect(
          await store.ingestEvents(
            [start, start, olEvent('RUNNING', '10:10:00'), complete],
            productsOf,
            recordedAt,
          ),
        ).toEqual(['accepted', 'duplicate', 'updated', 'updated']);
        expect(
          await store.ingestEvents([complete, start], productsOf, recordedAt),
        ).toEqual(['duplicate', 'duplicate']);
        expect(await count(knex, 'run_events')).toBe(3);
        expect(await count(knex, 'runs')).toBe(1);
      });

      it('keeps the events of a run no product claims, and counts them ignored', async () => {
        const { knex, store } = await createStore(databaseId);

        expect(
          await store.ingestEvents(
            [
              olEvent('START', '10:00:00', {
                outputs: [{ keys: ['file/tmp/scratch'] }],
              }),
              olEvent('COMPLETE', '10:30:00'),
            ],
            productsOf,
            recordedAt,
          ),
        ).toEqual(['ignored', 'ignored']);
        expect(await count(knex, 'run_events')).toBe(2);
        expect(await count(knex, 'runs')).toBe(0);
      });

      it("recomputes a task run when its parent's watermark arrives after it", async () => {
        const { store } = await createStore(databaseId);
        const parent = {
          runId: OL_PARENT,
          jobNamespace: 'airflow',
          jobName: 'orders_dag',
        };

        await store.ingestEvents(
          [
            olEvent('COMPLETE', '10:30:00', {
              parent,
              outputs: [{ keys: [ORDERS_KEY] }],
            }),
          ],
          productsOf,
          recordedAt,
        );
        expect((await store.listRuns(ORDERS))[0].watermark).toBeUndefined();

        expect(
          await store.ingestEvents(
            [
              olEvent('START', '08:00:00', {
                runId: OL_PARENT,
                job: { namespace: 'airflow', name: 'orders_dag' },
                nominalEndTime: at('06:00:00').toISOString(),
              }),
            ],
            productsOf,
            recordedAt,
          ),
        ).toEqual(['ignored']);

        expect((await store.listRuns(ORDERS))[0]).toEqual(
          expect.objectContaining({
            runId: OL_RUN,
            watermark: at('06:00:00'),
            parent: {
              runId: OL_PARENT,
              job: { namespace: 'airflow', name: 'orders_dag' },
            },
          }),
        );
      });

      it('loses no event of a run reported by two requests at once', async () => {
        const { store } = await createStore(databaseId);

        const outcomes = await Promise.all([
          store.ingestEvents(
            [
              olEvent('START', '10:00:00', {
                outputs: [{ keys: [ORDERS_KEY] }],
              }),
            ],
            productsOf,
            recordedAt,
          ),
          store.ingestEvents(
            [
              olEvent('COMPLETE', '10:30:00', {
                outputs: [{ keys: [ORDERS_KEY] }],
              }),
            ],
            productsOf,
            recordedAt,
          ),
        ]);

        expect(outcomes.flat().sort()).toEqual(['accepted', 'updated']);
        expect(await store.listRuns(ORDERS)).toEqual([
          expect.objectContaining({
            status: 'success',
            startedAt: at('10:00:00'),
            finishedAt: at('10:30:00'),
          }),
        ]);
      });

      it('lists running runs apart, newest event first, streams with their liveness samples', async () => {
        const { knex, store } = await createStore(databaseId);
        const other = '0192963f-929e-731b-a075-9bb14bf41d39';
        await store.ingestEvents(
          [
            olEvent('START', '11:00:00', {
              processingType: 'STREAMING',
              outputs: [{ keys: [ORDERS_KEY] }],
            }),
            olEvent('RUNNING', '11:20:00'),
            olEvent('RUNNING', '11:50:00'),
            olEvent('START', '11:30:00', {
              runId: other,
              outputs: [{ keys: [ORDERS_KEY] }],
            }),
          ],
          productsOf,
          recordedAt,
        );

        expect(await store.listRuns(ORDERS)).toEqual([]);
        const running = await store.listRunningRuns(ORDERS, 10);
        expect(running.map(run => [run.runId, run.streaming ?? false])).toEqual(
          [
            [OL_RUN, true],
            [other, false],
          ],
        );
        expect(running[0]).toEqual(
          expect.objectContaining({
            status: 'running',
            startedAt: at('11:00:00'),
            lastEventAt: at('11:50:00'),
          }),
        );
        expect(
          (await knex('run_samples').orderBy('sampled_at')).map(row => [
            new Date(row.sampled_at).toISOString(),
            Number(row.gap_ms),
          ]),
        ).toEqual([
          [at('11:20:00').toISOString(), 20 * 60_000],
          [at('11:50:00').toISOString(), 30 * 60_000],
        ]);
        expect(await store.listRunningRuns(ORDERS, 1)).toHaveLength(1);
      });

      it('records a checked input as a quality check of its product, not a run', async () => {
        const { knex, store } = await createStore(databaseId);

        expect(
          await store.ingestEvents(
            [
              olEvent('COMPLETE', '10:30:00', {
                producer:
                  'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/great_expectations',
                inputs: [[ORDERS_KEY]],
                checks: [
                  {
                    keys: [ORDERS_KEY],
                    rowCount: 10,
                    columns: { order_id: { nullCount: 2 } },
                  },
                ],
              }),
            ],
            productsOf,
            recordedAt,
          ),
        ).toEqual(['accepted']);
        expect(await count(knex, 'runs')).toBe(0);
        expect(
          await store.listQualityChecks(ORDERS, at('00:00:00'), at('23:00:00')),
        ).toEqual([
          {
            observedAt: at('10:30:00'),
            source: 'Great Expectations',
            rowCount: 10,
            columns: { order_id: { nullCount: 2 } },
          },
        ]);
      });

      it('records no observed schema of a partial, type-less one', async () => {
        const { knex, store } = await createStore(databaseId);

        await store.ingestEvents(
          [
            olEvent('COMPLETE', '10:30:00', {
              outputs: [
                // dbt lists the documented columns only
                {
                  keys: [ORDERS_KEY],
                  schema: [{ name: 'id' }, { name: 'total' }],
                },
              ],
            }),
          ],
          productsOf,
          recordedAt,
        );
        expect(await count(knex, 'observed_schemas')).toBe(0);

        await store.ingestEvents(
          [
            olEvent('COMPLETE', '11:30:00', {
              runId: '0192963f-929e-731b-a075-9bb14bf41d39',
              outputs: [
                {
                  keys: [ORDERS_KEY],
                  schema: [{ name: 'id', type: 'string' }, { name: 'total' }],
                },
              ],
            }),
          ],
          productsOf,
          recordedAt,
        );
        expect(await count(knex, 'observed_schemas')).toBe(1);
      });
    });

    it('keeps the same run id apart per product', async () => {
      const { store } = await createStore(databaseId);

      const result = await store.insertRuns(
        [completed('shared'), completed('shared', { entityRef: IDENTITY })],
        recordedAt,
      );

      expect(result.accepted).toBe(2);
      expect(await store.listRuns(ORDERS)).toHaveLength(1);
      expect(await store.listRuns(IDENTITY)).toHaveLength(1);
    });

    it('writes nothing when any row of the call fails, even in a later chunk', async () => {
      const { knex, store } = await createStore(databaseId);
      const records = Array.from({ length: 1200 }, (_, i) =>
        completed(`run-${i}`),
      );
      // NOT NULL violation in the last chunk, after earlier chunks went in.
      records.push({ ...completed('bad'), status: null as any });

      const outcome = await store.insertRuns(records, recordedAt).then(
        result => ({ resolved: result.accepted }),
        error => ({ rejected: String(error) }),
      );

      expect(outcome).toEqual({ rejected: expect.stringMatching(/null/i) });

      expect(Number((await knex('runs').count({ n: '*' }))[0].n)).toBe(0);
    });

    it('stores a large call in chunks, all of it', async () => {
      const { knex, store } = await createStore(databaseId);
      const records = Array.from({ length: 2501 }, (_, i) =>
        completed(`run-${String(i).padStart(5, '0')}`, {
          finishedAt: new Date(at('10:30:00').getTime() + i * 1000),
          schema: [{ name: 'order_id', type: 'string' }],
        }),
      );

      const result = await store.insertRuns(records, recordedAt);

      expect(result.accepted).toBe(2501);
      expect(Number((await knex('runs').count({ n: '*' }))[0].n)).toBe(2501);
      expect(
        Number((await knex('observed_schemas').count({ n: '*' }))[0].n),
      ).toBe(2501);
      expect((await store.listRuns(ORDERS, { limit: 1 }))[0].runId).toBe(
        'run-02500',
      );
    });

    it('lets only one of two concurrent reports of a run store it', async () => {
      const { knex, store } = await createStore(databaseId);
      const records = Array.from({ length: 50 }, (_, i) =>
        completed(`run-${i}`),
      );

      const results = await Promise.all([
        store.insertRuns(records, recordedAt),
        store.insertRuns(records, recordedAt),
      ]);

      expect(results.map(r => r.accepted).sort((a, b) => a - b)).toEqual([
        0, 50,
      ]);
      expect(Number((await knex('runs').count({ n: '*' }))[0].n)).toBe(50);
    });

    it('filters runs by window, pages with before and limit', async () => {
      const { store } = await createStore(databaseId);
      await store.insertRuns(
        ['09:00:00', '10:00:00', '11:00:00', '12:00:00'].map((time, i) =>
          completed(`run-${i}`, { eventTime: at(time), finishedAt: at(time) }),
        ),
        recordedAt,
      );
      const ids = (runs: { runId: string }[]) => runs.map(run => run.runId);

      expect(
        ids(
          await store.listRuns(ORDERS, {
            from: at('10:00:00'),
            to: at('11:00:00'),
          }),
        ),
      ).toEqual(['run-2', 'run-1']);
      expect(ids(await store.listRuns(ORDERS, { limit: 2 }))).toEqual([
        'run-3',
        'run-2',
      ]);
      expect(
        ids(await store.listRuns(ORDERS, { before: at('11:00:00'), limit: 2 })),
      ).toEqual(['run-1', 'run-0']);
      expect(await store.listRuns(IDENTITY)).toEqual([]);
    });

    it('records the schema a run observed, once per run', async () => {
      const { knex, store } = await createStore(databaseId);
      expect(await store.hasObservedSchema(ORDERS)).toBe(false);

      await store.insertRuns(
        [started('run-1', { schema: [{ name: 'id' }] }), completed('run-2')],
        recordedAt,
      );
      await store.insertRuns(
        [
          completed('run-1', {
            schema: [
              { name: 'id', type: 'string' },
              { name: 'total', type: 'decimal' },
            ],
          }),
        ],
        recordedAt,
      );

      expect(await store.hasObservedSchema(ORDERS)).toBe(true);
      const rows = await knex('observed_schemas');
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0].schema)).toEqual([
        { name: 'id', type: 'string' },
        { name: 'total', type: 'decimal' },
      ]);
      expect(rows[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });

    it('lists only runs of a status when asked', async () => {
      const { store } = await createStore(databaseId);
      await store.insertRuns(
        [
          completed('ok-1', {
            eventTime: at('09:00:00'),
            finishedAt: at('09:00:00'),
          }),
          completed('bad', {
            status: 'failed',
            eventTime: at('10:00:00'),
            finishedAt: at('10:00:00'),
          }),
          completed('ok-2', {
            eventTime: at('11:00:00'),
            finishedAt: at('11:00:00'),
          }),
        ],
        recordedAt,
      );

      const previousSuccess = await store.listRuns(ORDERS, {
        before: at('11:00:00'),
        status: 'success',
        limit: 1,
      });
      expect(previousSuccess.map(run => run.runId)).toEqual(['ok-1']);
      expect(
        (await store.listRuns(ORDERS, { status: 'failed' })).map(r => r.runId),
      ).toEqual(['bad']);
    });

    it('reads the latest observed schema of a product', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.latestObservedSchema(ORDERS)).toBeUndefined();

      await store.insertRuns(
        [
          completed('run-2', {
            eventTime: at('11:00:00'),
            finishedAt: at('11:00:00'),
            schema: [{ name: 'id', type: 'string' }, { name: 'csat' }],
          }),
          completed('run-1', {
            eventTime: at('10:00:00'),
            finishedAt: at('10:00:00'),
            schema: [{ name: 'id', type: 'string' }],
          }),
          completed('other', {
            entityRef: IDENTITY,
            eventTime: at('12:00:00'),
            finishedAt: at('12:00:00'),
            schema: [{ name: 'customer_id', type: 'string' }],
          }),
        ],
        recordedAt,
      );

      expect(await store.latestObservedSchema(ORDERS)).toEqual({
        entityRef: ORDERS,
        runId: 'run-2',
        observedAt: at('11:00:00'),
        fields: [{ name: 'id', type: 'string' }, { name: 'csat' }],
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('tells which products have runs written since a time', async () => {
      const { store } = await createStore(databaseId);
      const t1 = new Date('2026-11-20T12:00:00.000Z');
      const t2 = new Date('2026-11-20T13:00:00.000Z');
      await store.insertRuns([completed('a')], t1);
      await store.insertRuns(
        [completed('b', { entityRef: IDENTITY }), completed('c')],
        t2,
      );

      expect(
        await store.productsWithRunsSince(new Date('2026-11-20T12:30:00Z')),
      ).toEqual([
        { entityRef: IDENTITY, lastRecordedAt: t2 },
        { entityRef: ORDERS, lastRecordedAt: t2 },
      ]);
      expect(await store.productsWithRunsSince(t2)).toEqual([]);
    });
  });
});
