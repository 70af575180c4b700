import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ActionsBackend,
  invalidFields,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

jest.setTimeout(120_000);

/*
 * Expectations read by hand from examples/data-products/customer-identity-v2.yaml.
 */
describe('action get-data-product', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    backend = await startActionsBackend();
  });
  afterAll(() => backend?.stop());

  it('is listed as a read-only, idempotent, non-destructive action', async () => {
    const actions = await backend.list();
    const action = actions.find(a => a.name === 'get-data-product');
    expect(action.attributes).toEqual({
      readOnly: true,
      idempotent: true,
      destructive: false,
    });
    expect(action.schema.input.properties.entityRef.type).toBe('string');
  });

  it('answers the contract in plain terms: fields, freshness, who to ping', async () => {
    const { status, body } = await backend.invoke('get-data-product', {
      entityRef: 'customer-identity-v2',
    });
    expect(status).toBe(200);
    const product = body.output;
    expect(product).toMatchObject({
      entityRef: 'dataproduct:default/customer-identity-v2',
      title: 'Customer Identity Graph (v2)',
      category: 'core-entity',
      owner: 'group:default/identity-platform',
      version: '2.1.0',
      supersedes: 'dataproduct:customer-identity-v1',
      freshness: {
        promised: { p95: '30m', p99: '60m', tier: 'micro-batch' },
        // never scored in this backend
        measuredScore: null,
        measuredLag: null,
      },
      whoToPing: {
        channel: '#identity-oncall',
        onCall: 'pagerduty:identity-primary',
        hours: '24x7',
      },
    });
    expect(product.fields.map((f: any) => f.name)).toEqual([
      'customer_id',
      'email_sha256',
      'phone_sha256',
      'identity_sources',
      'first_seen_at',
      'last_seen_at',
      'merged_into',
    ]);
    expect(product.fields.find((f: any) => f.name === 'merged_into')).toEqual({
      name: 'merged_into',
      type: 'string',
      description:
        'When two customers were found to be the same person, the customer_id that survived; null otherwise. Always follow it before joining.',
      key: 'foreign',
      required: false,
      classification: 'internal',
    });
    expect(product.accessPatterns).toEqual([
      {
        type: 'batch',
        location: 'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
        format: 'table',
        api: null,
      },
      { type: 'api', location: null, format: null, api: 'api:identity-lookup' },
    ]);
    // components checkout-service, fraud-scoring, support-copilot and
    // pricing-experiments (spec.dependsOn), and seven products whose
    // lineage.upstreams name it: growth-trial-conversion,
    // growth-weekly-cohorts, marketing-attribution, orders-core,
    // partner-feed-adtech, support-interactions, web-sessions
    expect(product.consumers).toBe(11);
  });

  it('once scored, says when the lag was measured (none without runs)', async () => {
    const refreshed = await request(backend.server)
      .post(
        '/api/data-products/products/default/web-sessions/scorecard/refresh',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(refreshed.status).toBe(200);
    const { body } = await backend.invoke('get-data-product', {
      entityRef: 'web-sessions',
    });
    expect(body.output.freshness.measuredLag).toEqual({
      p95Ms: null,
      p99Ms: null,
      computedAt: refreshed.body.computedAt,
    });
  });

  it('names the successor of a deprecated product', async () => {
    const { body } = await backend.invoke('get-data-product', {
      entityRef: 'dataproduct:default/customer-identity-v1',
    });
    expect(body.output.successor).toBe('dataproduct:customer-identity-v2');
  });

  it('refuses input of the wrong type, naming the field', async () => {
    const { status, body } = await backend.invoke('get-data-product', {
      entityRef: 42,
    });
    expect(status).toBe(400);
    expect(invalidFields(body)).toEqual(['entityRef']);
  });

  it('refuses a ref of another kind, naming the field', async () => {
    const { status, body } = await backend.invoke('get-data-product', {
      entityRef: 'component:checkout-service',
    });
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'entityRef "component:checkout-service" is a component, not a DataProduct',
    );
  });

  it('answers not found for an unknown product', async () => {
    const { status, body } = await backend.invoke('get-data-product', {
      entityRef: 'no-such-product',
    });
    expect(status).toBe(404);
    expect(body.error.message).toBe(
      'No data product dataproduct:default/no-such-product in the catalog',
    );
  });
});
