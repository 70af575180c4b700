import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ActionsBackend,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

jest.setTimeout(120_000);

describe('action get-scorecard', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    backend = await startActionsBackend();
  });
  afterAll(() => backend?.stop());

  it('says a product not scored yet is not scored, and scores nothing', async () => {
    const { status, body } = await backend.invoke('get-scorecard', {
      entityRef: 'orders-core',
    });
    expect(status).toBe(200);
    expect(body.output).toMatchObject({
      entityRef: 'dataproduct:default/orders-core',
      scored: false,
      overall: null,
      trend: null,
      weakest: [],
    });
    expect(body.output.dimensions.freshness).toEqual({
      score: null,
      summary: null,
      evidence: null,
    });
    const again = await backend.invoke('get-scorecard', {
      entityRef: 'orders-core',
    });
    expect(again.body.output.scored).toBe(false);
  });

  it('answers the stored scorecard, as the scorecard API serves it', async () => {
    const refreshed = await request(backend.server)
      .post(
        '/api/data-products/products/default/customer-identity-v2/scorecard/refresh',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(refreshed.status).toBe(200);
    const api = await request(backend.server)
      .get('/api/data-products/products/default/customer-identity-v2/scorecard')
      .set('Authorization', mockCredentials.user.header());

    const { body } = await backend.invoke('get-scorecard', {
      entityRef: 'customer-identity-v2',
    });
    expect(body.output).toMatchObject({
      entityRef: 'dataproduct:default/customer-identity-v2',
      scored: true,
      overall: api.body.overall,
      computedAt: api.body.computedAt,
      dimensions: api.body.dimensions,
    });
    // "Its contract completeness is 100 %" (customer-identity-v2.yaml), and
    // no runs were ingested, so run-based dimensions are unknown
    expect(body.output.dimensions.contract.score).toBe(5);
    expect(body.output.dimensions.freshness.score).toBeNull();
    expect(body.output.weakest).not.toContain('freshness');
    // one snapshot: nothing to compare yet
    expect(body.output.trend).toMatchObject({
      snapshots: 1,
      direction: 'steady',
      changed: [],
    });
  });

  it('answers not found for an unknown product', async () => {
    const { status } = await backend.invoke('get-scorecard', {
      entityRef: 'no-such-product',
    });
    expect(status).toBe(404);
  });
});
