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
    owner: 'group:commerce',
    lifecycle: 'active', // as the catalog stores it
    lifecycleDetails: { createdOn: '2026-01-01' },
    contract: { freshness: { p95: '1h' } },
  },
};

const event = (eventType: string, eventTime: string) => ({
  eventType,
  eventTime,
  producer: 'https://example.com/airflow',
  schemaURL:
    'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b' },
  job: { namespace: 'airflow', name: 'orders.refresh' },
  inputs: [],
  outputs: [{ namespace: 'postgres://warehouse:5432', name: 'shop.orders' }],
});

/** The plugin as installed: ingestion and scorecards mounted and permissioned. */
describe('dataProductsPlugin: runs', () => {
  it('ingests OpenLineage events through the mounted endpoint and serves a scorecard', async () => {
    const { server } = await startTestBackend({
      features: [
        plugin,
        mockServices.scheduler.factory(),
        catalogServiceMock.factory({ entities: [product] }),
        new RecordingNotificationService().factory(),
      ],
    });
    const now = Date.now();
    const ingest = await request(server)
      .post('/api/data-products/openlineage')
      .set('Authorization', mockCredentials.service.header())
      .send([
        event('START', new Date(now - 120_000).toISOString()),
        event('COMPLETE', new Date(now - 60_000).toISOString()),
      ]);
    expect(ingest.status).toBe(200);
    // One run: its START opens it, its COMPLETE (a new event of it) updates it.
    expect(ingest.body).toEqual({
      accepted: 1,
      updated: 1,
      ignored: 0,
      duplicates: 0,
      refused: 0,
      problems: [],
      warnings: [],
    });

    const scorecard = await request(server)
      .get('/api/data-products/products/default/orders/scorecard')
      .set('Authorization', mockCredentials.user.header());
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.entityRef).toBe('dataproduct:default/orders');
    expect(scorecard.body.window.runs).toBe(1);
    expect(Object.keys(scorecard.body.dimensions).sort()).toEqual([
      'contract',
      'freshness',
      'ownership',
      'quality',
      'reliability',
      'reuse',
      'stability',
    ]);
  });

  it('refuses run reports without credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        plugin,
        // test backends treat a request without a token as a user by default
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.scheduler.factory(),
        catalogServiceMock.factory({ entities: [product] }),
        new RecordingNotificationService().factory(),
      ],
    });
    const res = await request(server)
      .post('/api/data-products/openlineage')
      .send(event('START', new Date().toISOString()));
    expect(res.status).toBe(401);
  });
});
