import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  IDENTITY_DATASET,
  catalogProduct,
  createRunsApp,
  inventory,
  nativeRun,
  ingestionRowCounts,
  intakeReply,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const ORDERS_REF = 'dataproduct:default/orders';

const iso = (value: unknown) =>
  value === null ? null : new Date(value as string).toISOString();

/** A run's row as the tests compare it. */
async function runRow(knex: Knex, runId: string, entityRef = ORDERS_REF) {
  const row = await knex('runs')
    .where({ run_id: runId, entity_ref: entityRef })
    .first();
  if (!row) return undefined;
  return {
    status: row.status,
    dataset_key: row.dataset_key,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    watermark: iso(row.watermark),
    error_message: row.error_message,
  };
}

const RUN_A = '0192963f-929e-731b-a075-9bb14bf41d38';
const RUN_B = '0192963f-929e-731b-a075-9bb14bf41d39';
const RUN_C = '0192963f-929e-731b-a075-9bb14bf41d3a';
const RUN_D = '0192963f-929e-731b-a075-9bb14bf41d3b';
const RUN_E = '0192963f-929e-731b-a075-9bb14bf41d3c';
const RUN_F = '0192963f-929e-731b-a075-9bb14bf41d3d';
const DAG_RUN = '0192963f-929e-731b-a075-9bb14bf41d40';
const DAG_RUN_2 = '0192963f-929e-731b-a075-9bb14bf41d41';

describe('createRunsRouter', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(
      options: Parameters<typeof createRunsApp>[1] = {},
      id: TestDatabaseId = databaseId,
    ) {
      const knex = await databases.init(id);
      return { knex, ...(await createRunsApp(knex, options)) };
    }

    describe('POST /openlineage', () => {
      it('replays a pipeline: opens, updates, ignores unknown datasets, counts duplicates', async () => {
        const { app, knex } = await setup();
        const post = (body: unknown) =>
          request(app)
            .post('/openlineage')
            .set('Authorization', mockCredentials.service.header())
            .send(body as object);

        // START of run A.
        expect(
          (
            await post(
              runEvent('START', RUN_A, { eventTime: '2026-11-25T09:00:00Z' }),
            )
          ).body,
        ).toEqual(intakeReply({ accepted: 1 }));

        // COMPLETE of run A closes it, with its watermark, row count and
        // schema: a new event of a known run is an update.
        const complete = runEvent('COMPLETE', RUN_A, {
          eventTime: '2026-11-25T09:20:00Z',
          runFacets: {
            nominalTime: {
              nominalStartTime: '2026-11-24T09:00:00Z',
              nominalEndTime: '2026-11-25T09:00:00Z',
            },
          },
          outputs: [
            {
              namespace: 'postgres://warehouse:5432',
              name: 'analytics.public.orders',
              facets: {
                schema: {
                  fields: [
                    { name: 'order_id', type: 'VARCHAR' },
                    { name: 'total', type: 'DECIMAL' },
                  ],
                },
              },
              outputFacets: { outputStatistics: { rowCount: 4200 } },
            },
          ],
        });
        const closed = await post(complete);
        expect(closed.status).toBe(200);
        expect(closed.body).toEqual(intakeReply({ updated: 1 }));

        // START + FAIL of run B in one array, the failure with its message
        // and no outputs (the run's START named them); run C writes a
        // dataset no product claims; run D names no dataset at all.
        const batch = await post([
          runEvent('START', RUN_B, { eventTime: '2026-11-25T10:00:00Z' }),
          runEvent('FAIL', RUN_B, {
            eventTime: '2026-11-25T10:05:00Z',
            outputs: [],
            runFacets: {
              errorMessage: {
                message: 'relation "staging.orders" does not exist',
                programmingLanguage: 'SQL',
              },
            },
          }),
          runEvent('COMPLETE', RUN_C, {
            outputs: [{ namespace: 's3://scratch', name: 'tmp/orders.csv' }],
          }),
          runEvent('COMPLETE', RUN_D, { outputs: [] }),
        ]);
        // B's START opens it, its FAIL updates it; C and D map to no product.
        expect(batch.body).toEqual(
          intakeReply({ accepted: 1, updated: 1, ignored: 2 }),
        );

        // A retried COMPLETE of run A, and its START sent again: identical
        // events, duplicates.
        const again = await post([
          complete,
          runEvent('START', RUN_A, { eventTime: '2026-11-25T09:00:00Z' }),
        ]);
        expect(again.body).toEqual(intakeReply({ duplicates: 2 }));

        // Every distinct event is kept, ignored ones too: A 2, B 2, C 1, D 1.
        expect((await ingestionRowCounts(knex)).runEvents).toBe(6);
        const rows = await knex('runs').orderBy('run_id');
        expect(
          rows.map(row => ({
            entity_ref: row.entity_ref,
            run_id: row.run_id,
            dataset_key: row.dataset_key,
            status: row.status,
            started_at: new Date(row.started_at).toISOString(),
            finished_at: new Date(row.finished_at).toISOString(),
            watermark: row.watermark && new Date(row.watermark).toISOString(),
            row_count: row.row_count === null ? null : Number(row.row_count),
            error_message: row.error_message,
            job: [row.job_namespace, row.job_name],
          })),
        ).toEqual([
          {
            entity_ref: 'dataproduct:default/orders',
            run_id: RUN_A,
            dataset_key: 'postgres://warehouse:5432/analytics.public.orders',
            status: 'success',
            started_at: '2026-11-25T09:00:00.000Z',
            finished_at: '2026-11-25T09:20:00.000Z',
            watermark: '2026-11-25T09:00:00.000Z',
            row_count: 4200,
            error_message: null,
            job: ['airflow', 'orders_daily'],
          },
          {
            entity_ref: 'dataproduct:default/orders',
            run_id: RUN_B,
            dataset_key: 'postgres://warehouse:5432/analytics.public.orders',
            status: 'failed',
            started_at: '2026-11-25T10:00:00.000Z',
            finished_at: '2026-11-25T10:05:00.000Z',
            watermark: null,
            row_count: null,
            error_message: 'relation "staging.orders" does not exist',
            job: ['airflow', 'orders_daily'],
          },
        ]);
        const schemas = await knex('observed_schemas');
        expect(schemas).toHaveLength(1);
        expect(JSON.parse(schemas[0].schema)).toEqual([
          { name: 'order_id', type: 'VARCHAR' },
          { name: 'total', type: 'DECIMAL' },
        ]);
      });

      it('maps a dataset to every product that claims it, in either annotation form', async () => {
        const { app, knex } = await setup();

        const response = await request(app)
          .post('/openlineage')
          .send(
            runEvent('COMPLETE', RUN_A, {
              outputs: [
                {
                  namespace: 'snowflake://acme',
                  name: 'ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
                },
                { namespace: 'bigquery', name: 'acme.identity.customers' },
                {
                  namespace: 'postgres://warehouse:5432',
                  name: 'analytics.public.orders',
                },
              ],
            }),
          );

        // One event, of a run new to Stockroom: accepted once, though it
        // makes a run of two products (two outputs of identity are one run).
        expect(response.body).toEqual(intakeReply({ accepted: 1 }));
        const rows = await knex('runs').orderBy('entity_ref');
        expect(rows.map(row => [row.entity_ref, row.dataset_key])).toEqual([
          ['dataproduct:default/identity', IDENTITY_DATASET],
          [
            'dataproduct:default/orders',
            'postgres://warehouse:5432/analytics.public.orders',
          ],
        ]);
      });

      it('is also served at the OpenLineage transport default endpoint', async () => {
        const { app } = await setup();

        const response = await request(app)
          .post('/api/v1/lineage')
          .set('Authorization', mockCredentials.service.header())
          .send(runEvent('COMPLETE', RUN_A));

        expect(response.status).toBe(200);
        expect(response.body).toEqual(intakeReply({ accepted: 1 }));
      });

      it('asks for the run report permission with the caller credentials', async () => {
        const { app, permissions } = await setup();

        await request(app)
          .post('/openlineage')
          .set('Authorization', mockCredentials.service.header())
          .send(runEvent('COMPLETE', RUN_A));

        expect(permissions.authorize).toHaveBeenCalledWith(
          [
            {
              permission: expect.objectContaining({
                name: 'stockroom.run.report',
              }),
            },
          ],
          { credentials: mockCredentials.service() },
        );
      });

      it('reads the catalog once for a burst of requests', async () => {
        const { app, catalog } = await setup();
        const stream = jest.spyOn(catalog, 'streamEntities');

        for (const runId of [RUN_A, RUN_B, RUN_C]) {
          await request(app)
            .post('/openlineage')
            .send(runEvent('COMPLETE', runId));
        }

        expect(stream).toHaveBeenCalledTimes(1);
      });
      it('reads the catalog again once its map is 30 seconds old', async () => {
        let now = new Date('2026-11-25T11:00:00Z');
        const { app, catalog } = await setup({ clock: () => now });
        const stream = jest.spyOn(catalog, 'streamEntities');

        await request(app)
          .post('/openlineage')
          .send(runEvent('COMPLETE', RUN_A));
        now = new Date('2026-11-25T11:00:29Z');
        await request(app)
          .post('/openlineage')
          .send(runEvent('COMPLETE', RUN_B));
        expect(stream).toHaveBeenCalledTimes(1);

        now = new Date('2026-11-25T11:00:31Z');
        await request(app)
          .post('/openlineage')
          .send(runEvent('COMPLETE', RUN_C));
        expect(stream).toHaveBeenCalledTimes(2);
        // With the plugin's own credentials, whoever reports.
        expect(stream).toHaveBeenLastCalledWith(
          expect.objectContaining({ filter: { kind: 'DataProduct' } }),
          { credentials: mockCredentials.service('plugin:test') },
        );
      });
    });

    /** POSTs `body` to the OpenLineage endpoint as a service. */
    function lineage(app: Parameters<typeof request>[0], body: unknown) {
      return request(app)
        .post('/openlineage')
        .set('Authorization', mockCredentials.service.header())
        .send(body as object);
    }

    /** GET …/runs of orders, as the portal reads it. */
    async function ordersRuns(
      app: Parameters<typeof request>[0],
      query = '',
    ): Promise<any[]> {
      const response = await request(app)
        .get(`/products/default/orders/runs${query}`)
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      return response.body.items;
    }

    // standards.md "Intake is per event": each event is stored whole or not
    // at all; one bad event never blocks the valid ones in the same request.
    describe('per-event intake', () => {
      it('stores exactly the valid events of a mixed request, naming each refused one by index and path', async () => {
        const { app, knex } = await setup();
        const before = await ingestionRowCounts(knex);

        const response = await lineage(app, [
          runEvent('START', RUN_A, { eventTime: '2026-11-25T09:00:00Z' }),
          { ...runEvent('START', RUN_B), run: { runId: 'run-b' } },
          runEvent('COMPLETE', RUN_C, { eventTime: '2026-11-25T09:30:00Z' }),
          (() => {
            const e = runEvent('FAIL', RUN_D);
            delete e.eventTime;
            return e;
          })(),
        ]);

        expect(response.status).toBe(200);
        expect(response.body).toEqual(
          intakeReply({
            accepted: 2,
            refused: 2,
            problems: expect.arrayContaining([
              {
                index: 1,
                path: '[1].run.runId',
                message: expect.stringMatching(
                  /^\[1\]\.run\.runId must be a UUID/,
                ),
              },
              {
                index: 3,
                path: '[3].eventTime',
                message: expect.stringMatching(/^\[3\]\.eventTime is missing/),
              },
            ]),
          }),
        );
        // Every problem names a refused event, by its index and the path of
        // the field in it.
        for (const problem of response.body.problems) {
          expect([1, 3]).toContain(problem.index);
          expect(problem.path).toMatch(
            new RegExp(`^\\[${problem.index}\\]\\.\\w`),
          );
        }
        // A and C: one event and one run each; nothing of B or D.
        expect(await ingestionRowCounts(knex)).toEqual({
          ...before,
          runs: before.runs + 2,
          runEvents: before.runEvents + 2,
        });
        expect(
          (await knex('run_events').select('run_id').orderBy('run_id')).map(
            r => r.run_id,
          ),
        ).toEqual([RUN_A, RUN_C]);
        expect(await runRow(knex, RUN_A)).toEqual(
          expect.objectContaining({ status: 'running' }),
        );
        expect(await runRow(knex, RUN_C)).toEqual(
          expect.objectContaining({ status: 'success' }),
        );
      });

      it('answers 400 only when no event of the request is valid, with the same counts', async () => {
        const { app, knex } = await setup();
        const before = await ingestionRowCounts(knex);
        const noRunId = (type: string) => {
          const e = runEvent(type, RUN_A);
          delete e.run.runId;
          return e;
        };

        const batch = await lineage(app, [
          noRunId('START'),
          noRunId('COMPLETE'),
        ]);
        expect(batch.status).toBe(400);
        expect(batch.body).toEqual({
          error: {
            name: 'InputError',
            message: expect.stringContaining('nothing was stored'),
          },
          ...intakeReply({
            refused: 2,
            problems: expect.arrayContaining([
              expect.objectContaining({ index: 0, path: '[0].run.runId' }),
              expect.objectContaining({ index: 1, path: '[1].run.runId' }),
            ]),
          }),
        });

        const single = await lineage(app, noRunId('COMPLETE'));
        expect(single.status).toBe(400);
        expect(single.body).toEqual({
          error: {
            name: 'InputError',
            message: expect.stringContaining('nothing was stored'),
          },
          ...intakeReply({
            refused: 1,
            problems: expect.arrayContaining([
              {
                path: 'run.runId',
                message: 'run.runId is missing: it must be a UUID',
              },
            ]),
          }),
        });
        expect(await ingestionRowCounts(knex)).toEqual(before);

        // One valid event among invalid ones is enough for a 200.
        const one = await lineage(app, [
          noRunId('START'),
          runEvent('COMPLETE', RUN_B),
        ]);
        expect(one.status).toBe(200);
        expect(one.body).toEqual(
          expect.objectContaining({ accepted: 1, refused: 1 }),
        );
        expect(one.body).not.toHaveProperty('error');
      });

      it('refuses a run of /runs on its own, an unknown product too, and stores the others', async () => {
        const { app, knex } = await setup();
        const before = await ingestionRowCounts(knex);

        const response = await request(app)
          .post('/runs')
          .set('Authorization', mockCredentials.service.header())
          .send({
            runs: [
              nativeRun('r1'),
              nativeRun('r2', { product: 'dataproduct:default/ghost' }),
              nativeRun('r3', { rowCount: -1 }),
            ],
          });

        expect(response.status).toBe(200);
        expect(response.body).toEqual(
          intakeReply({
            accepted: 1,
            refused: 2,
            problems: expect.arrayContaining([
              {
                index: 1,
                path: 'runs[1].product',
                message:
                  'runs[1].product names dataproduct:default/ghost, which is not a DataProduct in the catalog',
              },
              expect.objectContaining({
                index: 2,
                path: 'runs[2].rowCount',
                message: expect.stringMatching(
                  /^runs\[2\]\.rowCount must not be negative/,
                ),
              }),
            ]),
          }),
        );
        for (const problem of response.body.problems) {
          expect([1, 2]).toContain(problem.index);
          expect(problem.path).toMatch(
            new RegExp(`^runs\\[${problem.index}\\]\\.\\w`),
          );
        }
        expect(await ingestionRowCounts(knex)).toEqual({
          ...before,
          runs: before.runs + 1,
        });
        expect(
          (await knex('runs').select('run_id')).map(row => row.run_id),
        ).toEqual(['r1']);

        // All runs refused: 400, with the counts.
        const none = await request(app)
          .post('/runs')
          .send({ runs: [nativeRun('r4', { product: 'ghost' })] });
        expect(none.status).toBe(400);
        expect(none.body).toEqual(
          expect.objectContaining({
            error: expect.objectContaining({ name: 'InputError' }),
            accepted: 0,
            refused: 1,
          }),
        );
      });
    });

    // standards.md "Runs are accumulated by runId": every event of a run
    // contributes, in any order, over separate requests.
    describe('runs accumulated by runId', () => {
      it('closes a run with a COMPLETE that lists no outputs, in a separate request', async () => {
        const { app, knex } = await setup();

        expect(
          (
            await lineage(
              app,
              runEvent('START', RUN_A, { eventTime: '2026-11-25T09:00:00Z' }),
            )
          ).body,
        ).toEqual(intakeReply({ accepted: 1 }));
        expect((await runRow(knex, RUN_A))!.status).toBe('running');

        // dbt-ol and Flink close a run without naming its outputs.
        expect(
          (
            await lineage(
              app,
              runEvent('COMPLETE', RUN_A, {
                eventTime: '2026-11-25T09:30:00Z',
                outputs: [],
              }),
            )
          ).body,
        ).toEqual(intakeReply({ updated: 1 }));

        expect(await runRow(knex, RUN_A)).toEqual({
          status: 'success',
          dataset_key: 'postgres://warehouse:5432/analytics.public.orders',
          started_at: '2026-11-25T09:00:00.000Z',
          finished_at: '2026-11-25T09:30:00.000Z',
          watermark: null,
          error_message: null,
        });
      });

      it('keeps a COMPLETE that arrives before its START, and lets the START fill startedAt and the watermark', async () => {
        const { app, knex } = await setup();

        const complete = await lineage(
          app,
          runEvent('COMPLETE', RUN_B, { eventTime: '2026-11-25T10:30:00Z' }),
        );
        expect(complete.body).toEqual(intakeReply({ accepted: 1 }));
        expect(await runRow(knex, RUN_B)).toEqual(
          expect.objectContaining({
            status: 'success',
            started_at: null,
            finished_at: '2026-11-25T10:30:00.000Z',
            watermark: null,
          }),
        );

        // Airflow: nominalTime only on START, whose outputs are empty.
        const start = await lineage(
          app,
          runEvent('START', RUN_B, {
            eventTime: '2026-11-25T10:00:00Z',
            outputs: [],
            runFacets: {
              nominalTime: {
                nominalStartTime: '2026-11-24T09:00:00Z',
                nominalEndTime: '2026-11-25T09:00:00Z',
              },
            },
          }),
        );
        expect(start.body).toEqual(intakeReply({ updated: 1 }));

        expect(await runRow(knex, RUN_B)).toEqual(
          expect.objectContaining({
            status: 'success',
            started_at: '2026-11-25T10:00:00.000Z',
            finished_at: '2026-11-25T10:30:00.000Z',
            watermark: '2026-11-25T09:00:00.000Z',
          }),
        );
        const [item] = await ordersRuns(app);
        expect(item).toEqual(
          expect.objectContaining({
            runId: RUN_B,
            startedAt: '2026-11-25T10:00:00.000Z',
            watermark: '2026-11-25T09:00:00.000Z',
            // 90 minutes from the watermark to the end of the run.
            lagMs: 90 * 60_000,
          }),
        );
      });

      it('answers a RUNNING of a known run as an update, and only an identical re-send as a duplicate', async () => {
        const { app, knex } = await setup();
        const running = runEvent('RUNNING', RUN_C, {
          eventTime: '2026-11-25T09:10:00Z',
          outputs: [],
        });

        await lineage(
          app,
          runEvent('START', RUN_C, { eventTime: '2026-11-25T09:00:00Z' }),
        );
        expect((await lineage(app, running)).body).toEqual(
          intakeReply({ updated: 1 }),
        );
        const before = await ingestionRowCounts(knex);
        expect((await lineage(app, running)).body).toEqual(
          intakeReply({ duplicates: 1 }),
        );
        expect(await ingestionRowCounts(knex)).toEqual(before);

        // The same RUNNING at another time is another event.
        expect(
          (
            await lineage(app, {
              ...running,
              eventTime: '2026-11-25T09:20:00Z',
            })
          ).body,
        ).toEqual(intakeReply({ updated: 1 }));
        expect((await runRow(knex, RUN_C))!.status).toBe('running');
      });

      it('fails a run with a FAIL that lists no outputs, keeping its message', async () => {
        const { app, knex } = await setup();

        await lineage(
          app,
          runEvent('START', RUN_D, { eventTime: '2026-11-25T09:00:00Z' }),
        );
        const fail = await lineage(
          app,
          runEvent('FAIL', RUN_D, {
            eventTime: '2026-11-25T09:07:00Z',
            outputs: [],
            runFacets: {
              errorMessage: {
                message: 'Database Error: column "cust_id" does not exist',
                programmingLanguage: 'SQL',
              },
            },
          }),
        );

        expect(fail.body).toEqual(intakeReply({ updated: 1 }));
        expect(await runRow(knex, RUN_D)).toEqual(
          expect.objectContaining({
            status: 'failed',
            started_at: '2026-11-25T09:00:00.000Z',
            finished_at: '2026-11-25T09:07:00.000Z',
            error_message: 'Database Error: column "cust_id" does not exist',
          }),
        );
        const [item] = await ordersRuns(app);
        expect(item).toEqual(
          expect.objectContaining({ status: 'failed', breach: true }),
        );
      });

      it('lists an ABORTed run as aborted: finished, neither success nor failure', async () => {
        const { app, knex } = await setup();

        await lineage(
          app,
          runEvent('START', RUN_E, { eventTime: '2026-11-25T09:00:00Z' }),
        );
        const abort = await lineage(
          app,
          runEvent('ABORT', RUN_E, {
            eventTime: '2026-11-25T09:01:00Z',
            outputs: [],
          }),
        );

        expect(abort.body).toEqual(intakeReply({ updated: 1 }));
        expect(await runRow(knex, RUN_E)).toEqual(
          expect.objectContaining({
            status: 'aborted',
            finished_at: '2026-11-25T09:01:00.000Z',
          }),
        );
        expect(await ordersRuns(app)).toEqual([
          expect.objectContaining({
            runId: RUN_E,
            status: 'aborted',
            finishedAt: '2026-11-25T09:01:00.000Z',
            breach: false,
          }),
        ]);
      });

      it("gives a task run its DAG run's watermark, whichever arrives first, and lists its parent", async () => {
        const { app, knex } = await setup();
        const dagStart = (runId: string, nominalEndTime: string) =>
          ({
            ...runEvent('START', runId, {
              eventTime: '2026-11-25T08:00:00Z',
              outputs: [],
              runFacets: {
                nominalTime: {
                  nominalStartTime: '2026-11-24T06:00:00Z',
                  nominalEndTime,
                },
              },
            }),
            job: { namespace: 'airflow', name: 'orders_dag', facets: {} },
          } as Record<string, any>);
        const parentFacet = (runId: string) => ({
          parent: {
            run: { runId },
            job: { namespace: 'airflow', name: 'orders_dag' },
          },
        });

        // The DAG run's START first: it writes nothing, so no product's.
        expect(
          (await lineage(app, dagStart(DAG_RUN, '2026-11-25T06:00:00Z'))).body,
        ).toEqual(intakeReply({ ignored: 1 }));
        expect(
          (
            await lineage(app, [
              runEvent('START', RUN_A, {
                eventTime: '2026-11-25T08:05:00Z',
                runFacets: parentFacet(DAG_RUN),
              }),
              runEvent('COMPLETE', RUN_A, {
                eventTime: '2026-11-25T08:20:00Z',
                runFacets: parentFacet(DAG_RUN),
              }),
            ])
          ).body,
        ).toEqual(intakeReply({ accepted: 1, updated: 1 }));
        expect((await runRow(knex, RUN_A))!.watermark).toBe(
          '2026-11-25T06:00:00.000Z',
        );

        // The task first, its DAG run's START later.
        await lineage(
          app,
          runEvent('COMPLETE', RUN_B, {
            eventTime: '2026-11-25T09:20:00Z',
            runFacets: parentFacet(DAG_RUN_2),
          }),
        );
        expect((await runRow(knex, RUN_B))!.watermark).toBeNull();
        expect(
          (await lineage(app, dagStart(DAG_RUN_2, '2026-11-25T07:00:00Z')))
            .body,
        ).toEqual(intakeReply({ ignored: 1 }));
        expect((await runRow(knex, RUN_B))!.watermark).toBe(
          '2026-11-25T07:00:00.000Z',
        );

        const items = await ordersRuns(app);
        expect(items.map(item => item.runId)).toEqual([RUN_B, RUN_A]);
        expect(items[1]).toEqual({
          runId: RUN_A,
          status: 'success',
          job: { namespace: 'airflow', name: 'orders_daily' },
          parent: {
            runId: DAG_RUN,
            job: { namespace: 'airflow', name: 'orders_dag' },
          },
          streaming: false,
          lastEventAt: '2026-11-25T08:20:00.000Z',
          datasetKey: 'postgres://warehouse:5432/analytics.public.orders',
          startedAt: '2026-11-25T08:05:00.000Z',
          finishedAt: '2026-11-25T08:20:00.000Z',
          watermark: '2026-11-25T06:00:00.000Z',
          rowCount: null,
          columns: null,
          errorMessage: null,
          // 08:20 − 06:00; orders promises no freshness: no breach.
          lagMs: 140 * 60_000,
          breach: false,
        });
        expect(items[0]).toEqual(
          expect.objectContaining({
            parent: {
              runId: DAG_RUN_2,
              job: { namespace: 'airflow', name: 'orders_dag' },
            },
            watermark: '2026-11-25T07:00:00.000Z',
          }),
        );
      });

      it('shows running runs at the head of the first page only', async () => {
        const { app } = await setup();
        await lineage(app, [
          runEvent('START', RUN_A, { eventTime: '2026-11-25T09:00:00Z' }),
          runEvent('COMPLETE', RUN_A, { eventTime: '2026-11-25T09:30:00Z' }),
          runEvent('START', RUN_B, { eventTime: '2026-11-25T11:00:00Z' }),
        ]);

        const first = await ordersRuns(app);
        expect(first.map(item => [item.runId, item.status])).toEqual([
          [RUN_B, 'running'],
          [RUN_A, 'success'],
        ]);
        expect(first[0]).toEqual(
          expect.objectContaining({
            startedAt: '2026-11-25T11:00:00.000Z',
            finishedAt: null,
            lastEventAt: '2026-11-25T11:00:00.000Z',
            streaming: false,
            // A batch run still running has no lag yet.
            lagMs: null,
            breach: false,
          }),
        );

        const later = await ordersRuns(app, '?before=2026-11-25T10:00:00Z');
        expect(later.map(item => item.runId)).toEqual([RUN_A]);
      });

      it('shows a streaming run as running from its start, lagging since its last event', async () => {
        const { app } = await setup();
        const streaming = (type: string, eventTime: string) => ({
          ...runEvent(type, RUN_F, { eventTime }),
          job: {
            namespace: 'flink',
            name: 'orders_stream',
            facets: {
              jobType: {
                processingType: 'STREAMING',
                integration: 'FLINK',
                jobType: 'JOB',
              },
            },
          },
        });

        expect(
          (
            await lineage(app, [
              streaming('START', '2026-11-25T11:00:00Z'),
              streaming('RUNNING', '2026-11-25T11:50:00Z'),
            ])
          ).body,
        ).toEqual(intakeReply({ accepted: 1, updated: 1 }));

        const [item] = await ordersRuns(app);
        expect(item).toEqual(
          expect.objectContaining({
            runId: RUN_F,
            status: 'running',
            streaming: true,
            job: { namespace: 'flink', name: 'orders_stream' },
            startedAt: '2026-11-25T11:00:00.000Z',
            finishedAt: null,
            lastEventAt: '2026-11-25T11:50:00.000Z',
            // NOW (12:00) − the last event (11:50).
            lagMs: 10 * 60_000,
          }),
        );
      });
    });

    // standards.md: a timestamp without a zone is UTC, an explicit null an
    // absent field; both read with a warning, not refused.
    describe('quirks read with a warning', () => {
      it('accepts an eventTime without a zone as UTC, with a warning naming its path', async () => {
        const { app, knex } = await setup();

        // dbt-ol: datetime.now().isoformat()
        const single = await lineage(
          app,
          runEvent('COMPLETE', RUN_A, {
            eventTime: '2026-11-25T10:15:00.123456',
          }),
        );
        expect(single.status).toBe(200);
        expect(single.body).toEqual(
          intakeReply({
            accepted: 1,
            warnings: [
              {
                path: 'eventTime',
                message: expect.stringMatching(
                  /^eventTime has no time zone .*read as UTC/,
                ),
              },
            ],
          }),
        );
        expect((await runRow(knex, RUN_A))!.finished_at).toBe(
          '2026-11-25T10:15:00.123Z',
        );

        const batch = await lineage(app, [
          runEvent('START', RUN_B, { eventTime: '2026-11-25T10:00:00Z' }),
          runEvent('COMPLETE', RUN_B, { eventTime: '2026-11-25T10:20:00' }),
        ]);
        expect(batch.body).toEqual(
          intakeReply({
            accepted: 1,
            updated: 1,
            warnings: [
              expect.objectContaining({ index: 1, path: '[1].eventTime' }),
            ],
          }),
        );
        expect((await runRow(knex, RUN_B))!.finished_at).toBe(
          '2026-11-25T10:20:00.000Z',
        );
      });

      it('accepts explicit nulls as absent fields, with a warning naming them', async () => {
        const { app, knex } = await setup();
        const event = runEvent('COMPLETE', RUN_A, {
          eventTime: '2026-11-25T10:30:00Z',
        });
        event.run.facets = null;
        event.job.facets = null;
        event.inputs = null;
        event.outputs[0].facets = null;
        event.outputs[0].outputFacets = null;
        event.producer = null;

        const response = await lineage(app, event);

        expect(response.status).toBe(200);
        expect(response.body).toEqual(
          intakeReply({
            accepted: 1,
            warnings: [
              {
                path: '',
                message: expect.stringMatching(
                  /^The event has explicit nulls, read as absent fields: /,
                ),
              },
            ],
          }),
        );
        for (const path of [
          'run.facets',
          'job.facets',
          'inputs',
          'outputs[0].facets',
          'outputs[0].outputFacets',
          'producer',
        ]) {
          expect(response.body.warnings[0].message).toContain(path);
        }
        expect(await runRow(knex, RUN_A)).toEqual(
          expect.objectContaining({
            status: 'success',
            finished_at: '2026-11-25T10:30:00.000Z',
          }),
        );
      });
    });

    // standards.md "Dataset identity".
    describe('dataset identity', () => {
      const entities = () => [
        ...inventory(),
        catalogProduct('landing', { datasets: 's3://bucket/path' }),
        catalogProduct('sales-orders', {
          datasets: 'hive://metastore:9083/sales.orders',
        }),
      ];

      it('matches an s3a:// output with a trailing / to an s3:// annotation', async () => {
        const { app, knex } = await setup({ entities: entities() });

        const response = await lineage(
          app,
          runEvent('COMPLETE', RUN_A, {
            outputs: [{ namespace: 's3a://bucket', name: 'path/' }],
          }),
        );

        expect(response.body).toEqual(intakeReply({ accepted: 1 }));
        expect(
          await runRow(knex, RUN_A, 'dataproduct:default/landing'),
        ).toEqual(
          expect.objectContaining({
            status: 'success',
            dataset_key: 's3://bucket/path',
          }),
        );
      });

      it('matches a Spark output named by its location through a symlinks identifier', async () => {
        const { app, knex } = await setup({ entities: entities() });

        const response = await lineage(
          app,
          runEvent('COMPLETE', RUN_B, {
            outputs: [
              {
                namespace: 's3a://warehouse',
                name: 'sales/orders',
                facets: {
                  symlinks: {
                    identifiers: [
                      {
                        namespace: 'hive://metastore:9083',
                        name: 'sales.orders',
                        type: 'TABLE',
                      },
                    ],
                  },
                },
              },
            ],
          }),
        );

        expect(response.body).toEqual(intakeReply({ accepted: 1 }));
        expect(
          await runRow(knex, RUN_B, 'dataproduct:default/sales-orders'),
        ).toEqual(
          expect.objectContaining({
            status: 'success',
            dataset_key: 'hive://metastore:9083/sales.orders',
          }),
        );
        expect(
          (await knex('runs').select('entity_ref')).map(r => r.entity_ref),
        ).toEqual(['dataproduct:default/sales-orders']);
      });
    });

    describe('POST /runs', () => {
      it('stores a native batch, idempotently', async () => {
        const { app, knex } = await setup();
        const body = {
          runs: [
            nativeRun('nightly-2026-11-24', {
              columns: { order_id: { nullCount: 0, distinctCount: 1000 } },
              schema: [{ name: 'order_id', type: 'string' }],
            }),
            nativeRun('nightly-2026-11-24', { product: 'identity' }),
            nativeRun('nightly-2026-11-23', {
              status: 'failed',
              errorMessage: 'timeout',
              finishedAt: '2026-11-24T09:30:00Z',
              startedAt: '2026-11-24T09:00:00Z',
              watermark: undefined,
            }),
          ],
        };

        const first = await request(app).post('/runs').send(body);
        const second = await request(app).post('/runs').send(body);

        expect(first.status).toBe(200);
        expect(first.body).toEqual(intakeReply({ accepted: 3 }));
        expect(second.status).toBe(200);
        expect(second.body).toEqual(intakeReply({ duplicates: 3 }));
        const rows = await knex('runs').orderBy(['entity_ref', 'run_id']);
        expect(
          rows.map(row => [row.entity_ref, row.run_id, row.status]),
        ).toEqual([
          ['dataproduct:default/identity', 'nightly-2026-11-24', 'success'],
          ['dataproduct:default/orders', 'nightly-2026-11-23', 'failed'],
          ['dataproduct:default/orders', 'nightly-2026-11-24', 'success'],
        ]);
        expect(JSON.parse(rows[2].columns)).toEqual({
          order_id: { nullCount: 0, distinctCount: 1000 },
        });
      });

      it('finds a product registered after the last catalog read', async () => {
        let now = new Date('2026-11-25T11:00:00Z');
        const { app, catalog } = await setup({ clock: () => now });
        await request(app)
          .post('/runs')
          .send({ runs: [nativeRun('r1')] });
        // The product appears in the catalog after that first read.
        const stream = jest
          .spyOn(catalog, 'streamEntities')
          .mockImplementation(async function* registered() {
            yield [...inventory(), catalogProduct('brand-new')];
          });
        const report = {
          runs: [nativeRun('r2', { product: 'dataproduct:default/brand-new' })],
        };

        // Two seconds after a read, an unknown product is just unknown…
        now = new Date('2026-11-25T11:00:02Z');
        const early = await request(app).post('/runs').send(report);
        expect(early.status).toBe(400);
        expect(early.body).toEqual({
          error: expect.objectContaining({ name: 'InputError' }),
          ...intakeReply({
            refused: 1,
            problems: [
              {
                index: 0,
                path: 'runs[0].product',
                message:
                  'runs[0].product names dataproduct:default/brand-new, which is not a DataProduct in the catalog',
              },
            ],
          }),
        });
        expect(stream).not.toHaveBeenCalled();

        // …later it makes ingestion look again, well before the 30 s expiry.
        now = new Date('2026-11-25T11:00:06Z');
        const later = await request(app).post('/runs').send(report);
        expect(stream).toHaveBeenCalledTimes(1);
        expect(later.status).toBe(200);
        expect(later.body).toEqual(intakeReply({ accepted: 1 }));
      });
    });
  });
});
