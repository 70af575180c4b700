import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { formatIsoDate } from '@stockroom/plugin-data-products-common';
import request from 'supertest';
import plugin from '../../index';
import {
  component,
  dataProduct,
  dayFrom,
  viewRenewed,
} from '../../__testUtils__/entities';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { customerV1, customerV2 } from './__testUtils__/customerVersions';

// The endpoint evaluates at request time, so the inventory is dated from today.
const today = new Date();

const inventory = [
  viewRenewed('expiring-view', today, 80, 'group:default/analytics'),
  viewRenewed('expired-view', today, 120, 'group:default/finance'),
  dataProduct('orders-daily', {
    title: 'Orders, daily',
    owner: 'group:default/orders',
    lifecycle: { createdOn: '2025-06-01', reviewedOn: dayFrom(today, -10) },
  }),
  dataProduct('identity-v1', {
    category: 'core-entity',
    owner: 'group:default/identity-platform',
    lifecycle: {
      stage: 'deprecated',
      createdOn: '2024-01-10',
      sunsetOn: dayFrom(today, 120),
      successor: 'dataproduct:default/identity-v2',
    },
  }),
  dataProduct('churn-draft', { lifecycle: { stage: 'draft' } }),
  component('checkout', 'group:default/web', [
    'dataproduct:default/identity-v1',
  ]),
];

describe('GET /api/data-products/lifecycle', () => {
  async function startBackend(entities: Entity[] = inventory) {
    const catalog = catalogServiceMock({ entities });
    const { server } = await startTestBackend({
      features: [
        plugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        new RecordingNotificationService().factory(),
      ],
    });
    return { server, catalog };
  }

  it('lists every data product with its state, computed by the engine now', async () => {
    const { server } = await startBackend();

    const response = await request(server).get('/api/data-products/lifecycle');

    expect(response.status).toBe(200);
    expect(response.body.evaluatedOn).toBe(formatIsoDate(today));
    expect(
      response.body.items.map((item: { entityRef: string; state: string }) => [
        item.entityRef,
        item.state,
      ]),
    ).toEqual([
      ['dataproduct:default/churn-draft', 'draft'],
      ['dataproduct:default/expired-view', 'expired'],
      ['dataproduct:default/expiring-view', 'expiring'],
      ['dataproduct:default/identity-v1', 'deprecated'],
      ['dataproduct:default/orders-daily', 'active'],
    ]);
  });

  it('gives each row the same shape, nulls for what does not apply', async () => {
    const { server } = await startBackend();

    const response = await request(server).get(
      '/api/data-products/lifecycle?state=expiring,deprecated',
    );

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        entityRef: 'dataproduct:default/expiring-view',
        title: 'expiring-view',
        category: 'convenience-view',
        owner: 'group:default/analytics',
        state: 'expiring',
        expiresOn: dayFrom(today, 10),
        sunsetOn: null,
        successor: null,
        findings: [
          expect.objectContaining({
            ruleId: 'auto-expiry',
            severity: 'info',
            path: 'spec.lifecycle.renewedOn',
          }),
        ],
      },
      {
        entityRef: 'dataproduct:default/identity-v1',
        title: 'identity-v1',
        category: 'core-entity',
        owner: 'group:default/identity-platform',
        state: 'deprecated',
        expiresOn: null,
        sunsetOn: dayFrom(today, 120),
        successor: 'dataproduct:default/identity-v2',
        findings: expect.any(Array),
      },
    ]);
  });

  it('filters on one state', async () => {
    const { server } = await startBackend();

    const response = await request(server).get(
      '/api/data-products/lifecycle?state=expired',
    );

    expect(response.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'dataproduct:default/expired-view',
        expiresOn: dayFrom(today, -30),
        findings: [
          expect.objectContaining({
            ruleId: 'auto-expiry',
            severity: 'warning',
          }),
        ],
      }),
    ]);
  });

  it('answers 400 for an unknown state, listing the allowed values', async () => {
    const { server } = await startBackend();

    const response = await request(server).get(
      '/api/data-products/lifecycle?state=expiring,stale',
    );

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual(
      expect.objectContaining({
        name: 'InputError',
        message:
          'The request does not match the API: state "stale" is unknown; allowed values are draft, active, expiring, expired, deprecated, retired',
      }),
    );
  });

  it('reads the catalog on behalf of the caller, so catalog permissions apply', async () => {
    const { server, catalog } = await startBackend();
    const stream = jest.spyOn(catalog, 'streamEntities');

    await request(server)
      .get('/api/data-products/lifecycle')
      .set('Authorization', mockCredentials.user.header('user:default/ada'));

    expect(stream).toHaveBeenCalledWith(
      { filter: { kind: 'DataProduct' } },
      { credentials: mockCredentials.user('user:default/ada') },
    );
  });

  it('serves services too', async () => {
    const { server } = await startBackend();

    const response = await request(server)
      .get('/api/data-products/lifecycle?state=expired')
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
  });

  it('judges with what the catalog knows: consumers left on a retired product, the contract a v2 supersedes', async () => {
    // v1 retired while checkout still depends on it; v2 maps cust_id but
    // not segment, the other field of v1 it drops.
    const { server } = await startBackend([
      customerV1('retired', { dependents: ['component:default/checkout'] }),
      component('checkout', 'group:default/web', [
        'dataproduct:default/customer-v1',
      ]),
      customerV2({ fieldMapping: [{ from: 'cust_id', to: 'customer_id' }] }),
    ]);

    const response = await request(server).get('/api/data-products/lifecycle');

    expect(response.status).toBe(200);
    const findingsOf = (ref: string, ruleId: string) =>
      response.body.items
        .find((item: { entityRef: string }) => item.entityRef === ref)
        .findings.filter((f: { ruleId: string }) => f.ruleId === ruleId);
    expect(
      findingsOf(
        'dataproduct:default/customer-v1',
        'retire-when-consumers-moved',
      ),
    ).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('component:default/checkout'),
      }),
    ]);
    const mapping = findingsOf(
      'dataproduct:default/customer-v2',
      'migration-mapping',
    );
    expect(mapping).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.migration.fieldMapping',
        message: expect.stringContaining('segment'),
      }),
    ]);
    expect(mapping[0].message).not.toContain('cust_id');
  });

  it('refuses unauthenticated requests', async () => {
    const { server } = await startBackend();

    const response = await request(server)
      .get('/api/data-products/lifecycle')
      .set('Authorization', mockCredentials.none.header());

    expect(response.status).toBe(401);
  });
});
