import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { loadOpenApiDocument } from '../openapi';
import { OpenApiRequestValidator } from '../openapi/OpenApiRequestValidator';
import {
  createRunsApp,
  nativeRun,
  rowCounts,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const RUN = '0192963f-929e-731b-a075-9bb14bf41d38';

/**
 * A document stricter than the parser: native runs must carry a watermark
 * and OpenLineage events a producer of at least 40 characters. Bodies the
 * parser accepts are then refused by the document, with ingestion's
 * problem format, and nothing is stored: ingestion is gated by the
 * document it is given, not only by the parser.
 */
function stricterValidator() {
  const document = structuredClone(loadOpenApiDocument()) as any;
  document.components.schemas.NativeRun.required.push('watermark');
  document.components.schemas.RunEvent.properties.producer.minLength = 40;
  return OpenApiRequestValidator.fromDocument(document);
}

describe('ingestion checks bodies against its API document', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'refuses what the parser accepts but the document does not, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { app } = await createRunsApp(knex, {
        router: { validator: stricterValidator() },
      });
      const before = await rowCounts(knex);

      const native = await request(app)
        .post('/runs')
        .set('Authorization', mockCredentials.service.header())
        .send({
          runs: [
            nativeRun(RUN),
            nativeRun(`${RUN}-2`, { watermark: undefined }),
          ],
        });
      expect(native.status).toBe(400);
      expect(native.body).toEqual({
        error: {
          name: 'InputError',
          message:
            "The request body does not match the API's schema; nothing was stored",
        },
        problems: [
          { index: 1, path: '', message: 'runs[1].watermark is required' },
        ],
      });

      const lineage = await request(app)
        .post('/openlineage')
        .set('Authorization', mockCredentials.service.header())
        .send({ ...runEvent('COMPLETE', RUN), producer: 'short' });
      expect(lineage.status).toBe(400);
      expect(lineage.body.problems).toEqual([
        {
          path: 'producer',
          message: 'producer must NOT have fewer than 40 characters',
        },
      ]);
      expect(await rowCounts(knex)).toEqual(before);

      // and what both accept is stored
      const ok = await request(app)
        .post('/runs')
        .set('Authorization', mockCredentials.service.header())
        .send({ runs: [nativeRun(RUN)] });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ accepted: 1, ignored: 0, duplicates: 0 });
    },
  );
});
