import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import plugin from './index';
import { RecordingNotificationService } from './__testUtils__/RecordingNotificationService';

jest.setTimeout(60_000);

const DATASET = { namespace: 'postgres://warehouse:5432', name: 'shop.orders' };
const RUN_ID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

const product = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      'openlineage.io/dataset': `${DATASET.namespace}/${DATASET.name}`,
    },
  },
  spec: {
    type: 'table',
    category: 'shared-mart',
    owner: 'group:commerce',
    lifecycle: 'active',
    lifecycleDetails: { createdOn: '2026-01-01' },
  },
};

/** A minute ago: the plugin runs on the real clock. */
const recently = () => new Date(Date.now() - 60_000).toISOString();

function event(extra: Record<string, unknown> = {}) {
  return {
    eventType: 'COMPLETE',
    eventTime: recently(),
    run: { runId: RUN_ID },
    job: { namespace: 'airflow', name: 'orders.refresh' },
    outputs: [DATASET],
    ...extra,
  };
}

function nativeRun(extra: Record<string, unknown> = {}) {
  return {
    product: 'dataproduct:default/orders',
    runId: 'r1',
    status: 'success',
    finishedAt: recently(),
    ...extra,
  };
}

/**
 * An event whose output's schema facet nests `levels` fields, as JSON text:
 * JSON.stringify itself overflows on such depth, so it is written by hand.
 */
function deepSchemaEvent(levels: number): string {
  const fields = `${'[{"name":"f","type":"struct","fields":'.repeat(
    levels,
  )}[]${'}]'.repeat(levels)}`;
  const json = JSON.stringify(event({ outputs: [{ ...DATASET, facets: {} }] }));
  return json.replace(
    '"facets":{}',
    `"facets":{"schema":{"fields":${fields}}}`,
  );
}

describe('dataProductsPlugin: hostile and malformed requests', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const service = mockCredentials.service.header();
  const user = mockCredentials.user.header();

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        plugin,
        mockServices.scheduler.factory(),
        catalogServiceMock.factory({ entities: [product] }),
        new RecordingNotificationService().factory(),
      ],
    }));
  });

  const storedRuns = async () => {
    const res = await request(server)
      .get('/api/data-products/products/default/orders/runs')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return res.body.items.length;
  };

  it('refuses a schema facet nested 20,000 levels deep with a 400 naming where, not a 500', async () => {
    const res = await request(server)
      .post('/api/data-products/openlineage')
      .set('Authorization', service)
      .set('Content-Type', 'application/json')
      .send(deepSchemaEvent(20_000));
    expect(res.status).toBe(400);
    expect(res.body.refused).toBe(1);
    expect(res.body.problems).toEqual([
      {
        path: `outputs[0].facets.schema.fields[0]${'.fields[0]'.repeat(
          31,
        )}.fields`,
        message: expect.stringContaining(
          'is nested more than 32 levels deep, the limit of a schema',
        ),
      },
    ]);
    expect(await storedRuns()).toBe(0);
  });

  it('refuses a body of arrays nested 20,000 deep, alone or beside a valid event, without a 500', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    // valid, and writes no product's dataset: nothing of orders is stored
    const unmapped = event({
      run: { runId: '0190a3c4-5b6d-7e8f-9a0b-000000000001' },
      outputs: [],
    });
    for (const body of [`[${deep}]`, `[${JSON.stringify(unmapped)},${deep}]`]) {
      const res = await request(server)
        .post('/api/data-products/openlineage')
        .set('Authorization', service)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBeLessThan(500);
      expect(res.body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: body.startsWith('[[') ? '[0]' : '[1]',
            message: expect.stringContaining('must be an object, not an array'),
          }),
        ]),
      );
    }
  });

  it('says a gzip header on a plain body is the problem', async () => {
    for (const path of ['/runs', '/openlineage']) {
      const res = await request(server)
        .post(`/api/data-products${path}`)
        .set('Authorization', service)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(JSON.stringify({ runs: [nativeRun()] }));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'The request body is not gzip data, though its Content-Encoding header says gzip: compress the body, or send it without the header',
      );
    }
  });

  it.each([
    ['%00', 'U+0000 (a control character)'],
    ['%E2%80%AE', 'U+202E (a bidirectional text control)'],
    ['%E2%81%A6', 'U+2066 (a bidirectional text control)'],
  ])(
    'refuses %s in a product name or namespace with a 400 naming the parameter',
    async (character, what) => {
      for (const [path, parameter] of [
        [`/products/default/ord${character}ers/scorecard`, 'name'],
        [`/products/default/ord${character}ers/contract`, 'name'],
        [`/products/def${character}ault/orders/runs`, 'namespace'],
      ]) {
        const res = await request(server)
          .get(`/api/data-products${path}`)
          .set('Authorization', user);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(
          `${parameter} contains ${what}`,
        );
      }
    },
  );

  it('answers every 404 with a JSON message: unknown routes and unknown products', async () => {
    for (const [method, path, message] of [
      ['get', '/nope', 'There is no GET /api/data-products/nope endpoint'],
      [
        'get',
        '/products/default/orders/nope',
        'There is no GET /api/data-products/products/default/orders/nope endpoint',
      ],
      ['post', '/nope', 'There is no POST /api/data-products/nope endpoint'],
      [
        'get',
        '/products/default/missing/scorecard',
        'dataproduct:default/missing',
      ],
      [
        'get',
        '/products/default/missing/contract',
        'dataproduct:default/missing',
      ],
    ] as const) {
      const res = await request(server)
        [method](`/api/data-products${path}`)
        .set('Authorization', service);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
      expect(res.body.error).toEqual(
        expect.objectContaining({
          name: 'NotFoundError',
          message: expect.stringContaining(message),
        }),
      );
    }
  });

  it('refuses a misspelt run field, naming the nearest valid one', async () => {
    const res = await request(server)
      .post('/api/data-products/runs')
      .set('Authorization', service)
      .send({ runs: [nativeRun({ watermak: recently() })] });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      {
        index: 0,
        path: 'runs[0].watermak',
        message: expect.stringContaining(
          'runs[0].watermak is not a run field: did you mean `watermark`?',
        ),
      },
    ]);
    expect(await storedRuns()).toBe(0);
  });

  it('refuses run times before 1970 on both endpoints', async () => {
    const native = await request(server)
      .post('/api/data-products/runs')
      .set('Authorization', service)
      .send({ runs: [nativeRun({ startedAt: '0000-01-01T00:00:00Z' })] });
    expect(native.status).toBe(400);
    expect(native.body.problems).toEqual([
      expect.objectContaining({
        path: 'runs[0].startedAt',
        message: expect.stringContaining('is before 1970-01-01'),
      }),
    ]);
    const lineage = await request(server)
      .post('/api/data-products/openlineage')
      .set('Authorization', service)
      .send(event({ eventTime: '1969-12-31T23:59:59Z' }));
    expect(lineage.status).toBe(400);
    expect(lineage.body.problems).toEqual([
      expect.objectContaining({
        path: 'eventTime',
        message: expect.stringContaining('is before 1970-01-01'),
      }),
    ]);
    expect(await storedRuns()).toBe(0);
  });

  it('refuses on /openlineage the column counts /runs refuses', async () => {
    const metrics = (columnMetrics: unknown) =>
      event({
        outputs: [
          {
            ...DATASET,
            outputFacets: {
              dataQualityMetrics: { rowCount: 10, columnMetrics },
            },
          },
        ],
      });
    const at = 'outputs[0].outputFacets.dataQualityMetrics.columnMetrics';
    const tooMany = await request(server)
      .post('/api/data-products/openlineage')
      .set('Authorization', service)
      .send(metrics({ id: { nullCount: 11 } }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.problems).toEqual([
      {
        path: `${at}.id.nullCount`,
        message: `${at}.id.nullCount is 11, more than rowCount 10`,
      },
    ]);
    const reserved = await request(server)
      .post('/api/data-products/openlineage')
      .set('Authorization', service)
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify(metrics({})).replace(
          '"columnMetrics":{}',
          '"columnMetrics":{"__proto__":{"nullCount":0}}',
        ),
      );
    expect(reserved.status).toBe(400);
    expect(reserved.body.problems).toEqual([
      {
        path: `${at}.__proto__`,
        message: expect.stringContaining('is not a usable column name'),
      },
    ]);
    expect(await storedRuns()).toBe(0);
  });
});
