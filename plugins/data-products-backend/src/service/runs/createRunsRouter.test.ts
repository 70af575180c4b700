import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  IDENTITY_DATASET,
  catalogProduct,
  createRunsApp,
  inventory,
  nativeRun,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const RUN_A = '0192963f-929e-731b-a075-9bb14bf41d38';
const RUN_B = '0192963f-929e-731b-a075-9bb14bf41d39';
const RUN_C = '0192963f-929e-731b-a075-9bb14bf41d3a';
const RUN_D = '0192963f-929e-731b-a075-9bb14bf41d3b';

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
      it('replays a pipeline: opens, closes, ignores unknown datasets, counts duplicates', async () => {
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
        ).toEqual({ accepted: 1, ignored: 0, duplicates: 0 });

        // COMPLETE of run A closes it, with its watermark, row count and schema.
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
        expect(closed.body).toEqual({ accepted: 1, ignored: 0, duplicates: 0 });

        // START + FAIL of run B in one array, the failure with its message;
        // run C writes a dataset no product claims; an event without outputs.
        const batch = await post([
          runEvent('START', RUN_B, { eventTime: '2026-11-25T10:00:00Z' }),
          runEvent('FAIL', RUN_B, {
            eventTime: '2026-11-25T10:05:00Z',
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
        expect(batch.body).toEqual({ accepted: 2, ignored: 2, duplicates: 0 });

        // A retried COMPLETE of run A, and a late START of it: duplicates.
        const again = await post([
          complete,
          runEvent('START', RUN_A, { eventTime: '2026-11-25T09:00:00Z' }),
        ]);
        expect(again.body).toEqual({ accepted: 0, ignored: 0, duplicates: 2 });

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

        // Two outputs of one run are one run of identity: the second is a duplicate.
        expect(response.body).toEqual({
          accepted: 2,
          ignored: 0,
          duplicates: 1,
        });
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
        expect(response.body).toEqual({
          accepted: 1,
          ignored: 0,
          duplicates: 0,
        });
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
        expect(first.body).toEqual({ accepted: 3, ignored: 0, duplicates: 0 });
        expect(second.body).toEqual({ accepted: 0, ignored: 0, duplicates: 3 });
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
        expect(stream).not.toHaveBeenCalled();

        // …later it makes ingestion look again, well before the 30 s expiry.
        now = new Date('2026-11-25T11:00:06Z');
        const later = await request(app).post('/runs').send(report);
        expect(stream).toHaveBeenCalledTimes(1);
        expect(later.status).toBe(200);
        expect(later.body).toEqual({ accepted: 1, ignored: 0, duplicates: 0 });
      });
    });
  });
});
