import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { loadOpenApiDocument } from '../openapi';
import { OpenApiRequestValidator } from '../openapi/OpenApiRequestValidator';
import {
  createRunsApp,
  nativeRun,
  ingestionRowCounts,
  intakeReply,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const RUN = '0192963f-929e-731b-a075-9bb14bf41d38';
const OTHER_RUN = '0192963f-929e-731b-a075-9bb14bf41d39';
const THIRD_RUN = '0192963f-929e-731b-a075-9bb14bf41d3a';
const PRODUCER =
  'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/airflow';

/**
 * A document stricter than the parser: native runs must carry a watermark
 * and OpenLineage events a producer of at least 40 characters. Items the
 * parser accepts are then refused by the document, each on its own, with
 * ingestion's problem format, and nothing of them is stored: ingestion is
 * gated by the document it is given, not only by the parser.
 */
function stricterValidator() {
  const document = structuredClone(loadOpenApiDocument()) as any;
  document.components.schemas.NativeRun.required.push('watermark');
  document.components.schemas.RunEvent.properties.producer.minLength = 40;
  return OpenApiRequestValidator.fromDocument(document);
}

describe('ingestion checks bodies against its API document', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const { app } = await createRunsApp(knex, {
      router: { validator: stricterValidator() },
    });
    return { knex, app, before: await ingestionRowCounts(knex) };
  }

  it.each(databases.eachSupportedId())(
    'refuses a native run the document refuses, and stores the others, on %p',
    async databaseId => {
      const { knex, app, before } = await setup(databaseId);

      const native = await request(app)
        .post('/runs')
        .set('Authorization', mockCredentials.service.header())
        .send({
          runs: [
            nativeRun(RUN),
            nativeRun(`${RUN}-2`, { watermark: undefined }),
          ],
        });

      // The first run is stored, the second refused by the document alone.
      expect(native.status).toBe(200);
      expect(native.body).toEqual(
        intakeReply({
          accepted: 1,
          refused: 1,
          problems: [
            {
              index: 1,
              path: 'runs[1].watermark',
              message: 'runs[1].watermark is required',
            },
          ],
        }),
      );
      expect(await ingestionRowCounts(knex)).toEqual({
        ...before,
        runs: before.runs + 1,
      });
      expect((await knex('runs').select('run_id')).map(r => r.run_id)).toEqual([
        RUN,
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a lone event the document refuses with a 400, storing nothing, on %p',
    async databaseId => {
      const { knex, app, before } = await setup(databaseId);

      const lineage = await request(app)
        .post('/openlineage')
        .set('Authorization', mockCredentials.service.header())
        .send({ ...runEvent('COMPLETE', OTHER_RUN), producer: 'short' });

      expect(lineage.status).toBe(400);
      expect(lineage.body).toEqual({
        error: expect.objectContaining({ name: 'InputError' }),
        ...intakeReply({
          refused: 1,
          problems: [
            {
              path: 'producer',
              message: 'producer must NOT have fewer than 40 characters',
            },
          ],
        }),
      });
      expect(await ingestionRowCounts(knex)).toEqual(before);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses only the event of a batch the document refuses, on %p',
    async databaseId => {
      const { knex, app, before } = await setup(databaseId);

      // The parser accepts both; the document only the first.
      const batch = await request(app)
        .post('/openlineage')
        .set('Authorization', mockCredentials.service.header())
        .send([
          { ...runEvent('COMPLETE', OTHER_RUN), producer: PRODUCER },
          { ...runEvent('COMPLETE', THIRD_RUN), producer: 'short' },
        ]);

      expect(batch.status).toBe(200);
      expect(batch.body).toEqual(
        intakeReply({
          accepted: 1,
          refused: 1,
          problems: [
            {
              index: 1,
              path: '[1].producer',
              message: '[1].producer must NOT have fewer than 40 characters',
            },
          ],
        }),
      );
      expect(await ingestionRowCounts(knex)).toEqual({
        ...before,
        runs: before.runs + 1,
        runEvents: before.runEvents + 1,
      });
      expect(
        (await knex('run_events').select('run_id')).map(r => r.run_id),
      ).toEqual([OTHER_RUN]);
    },
  );
});
