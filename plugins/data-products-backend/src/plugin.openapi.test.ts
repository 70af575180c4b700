import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import plugin from './index';
import { RecordingNotificationService } from './__testUtils__/RecordingNotificationService';
import { OpenApiRequestValidator } from './service/openapi';

jest.setTimeout(60_000);

const product = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      'openlineage.io/dataset': 'postgres://warehouse:5432/shop.orders',
    },
  },
  spec: {
    type: 'table',
    category: 'shared-mart',
    owner: 'group:default/commerce',
    lifecycle: 'active',
    lifecycleDetails: { createdOn: '2026-01-01' },
    contract: {
      freshness: { p95: '1h', p99: '2h' },
      schema: [{ name: 'order_id', type: 'string', key: 'primary' }],
    },
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/commerce' }],
};

const RUN = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

/**
 * The plugin as installed answers as its published document says: every
 * endpoint's response validates against the document's schema for its
 * status, and requests the document forbids are refused by it.
 */
describe('dataProductsPlugin: the published OpenAPI document', () => {
  const validator = OpenApiRequestValidator.fromDocument();
  let server: express.Express;

  beforeAll(async () => {
    ({ server } = (await startTestBackend({
      features: [
        plugin,
        mockServices.scheduler.factory(),
        catalogServiceMock.factory({ entities: [product] }),
        new RecordingNotificationService().factory(),
      ],
    })) as unknown as { server: express.Express });
    const now = Date.now();
    const event = (eventType: string, ms: number) => ({
      eventType,
      eventTime: new Date(now - ms).toISOString(),
      producer: 'https://example.com/airflow',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: RUN },
      job: { namespace: 'airflow', name: 'orders.refresh' },
      outputs: [
        { namespace: 'postgres://warehouse:5432', name: 'shop.orders' },
      ],
    });
    const ingest = await request(server)
      .post('/api/data-products/openlineage')
      .set('Authorization', mockCredentials.service.header())
      .send([event('START', 120_000), event('COMPLETE', 60_000)]);
    if (ingest.status !== 200) {
      throw new Error(`ingestion failed: ${JSON.stringify(ingest.body)}`);
    }
  });

  const base = '/api/data-products';
  it.each([
    ['get', '/products', '/products?sort=freshness&limit=10'],
    ['get', '/lifecycle', '/lifecycle?state=active,expiring'],
    [
      'get',
      '/products/:namespace/:name/scorecard',
      '/products/default/orders/scorecard',
    ],
    [
      'get',
      '/products/:namespace/:name/scorecard/history',
      '/products/default/orders/scorecard/history?from=2026-01-01',
    ],
    [
      'post',
      '/products/:namespace/:name/scorecard/refresh',
      '/products/default/orders/scorecard/refresh',
    ],
    [
      'get',
      '/products/:namespace/:name/runs',
      '/products/default/orders/runs?limit=5',
    ],
    [
      'get',
      '/products/:namespace/:name/contract',
      '/products/default/orders/contract',
    ],
    [
      'get',
      '/products/:namespace/:name/contract/history',
      '/products/default/orders/contract/history',
    ],
    [
      'get',
      '/products/:namespace/:name/incidents',
      '/products/default/orders/incidents',
    ],
    [
      'get',
      '/products/:namespace/:name/scorecard',
      '/products/default/ghost/scorecard',
    ],
    ['get', '/products', '/products?sort=popularity'],
    ['post', '/runs', '/runs'],
    ['get', '/openapi.json', '/openapi.json'],
  ] as const)(
    '%s %s answers as documented (%s)',
    async (method, route, url) => {
      const response = await request(server)
        [method](`${base}${url}`)
        .set('Authorization', mockCredentials.user.header())
        .send(
          method === 'post' && route === '/runs' ? { runs: 'none' } : undefined,
        );
      expect(response.status).toBeLessThan(500);
      expect(
        validator.responseProblems(
          method,
          route,
          response.status,
          response.body,
        ),
      ).toEqual([]);
    },
  );

  it('serves the document it validates against', async () => {
    const response = await request(server)
      .get(`${base}/openapi.json`)
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.0.3');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/products',
        '/products/{namespace}/{name}/incidents',
      ]),
    );
  });

  it('refuses what the document forbids, after authentication', async () => {
    const forbidden = await request(server)
      .get(`${base}/products/default/orders/incidents?since=2026-01-01`)
      .set('Authorization', mockCredentials.user.header());
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.error.message).toBe(
      'The request does not match the API: unknown query parameter "since"; this endpoint takes none',
    );

    const anonymous = await request(server)
      .get(`${base}/products/default/orders/incidents?since=2026-01-01`)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
