import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import plugin from './index';
import { RefusingNotificationService } from './service/alerts/__testUtils__/RefusingNotificationService';
import { catalogProduct } from './service/runs/__testUtils__/runsApp';

jest.setTimeout(240_000);

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';

/**
 * The plugin as installed (real scheduler, its own database), with a
 * notifications service standing in for the notifications backend (an
 * external service) that refuses every alert about one product: the
 * alerts task still delivers the other, and a run reported with a 4.5 MB
 * message reaches its owner as a small alert.
 */
describe('dataProductsPlugin: alerts the notifications backend refuses', () => {
  it('delivers the other alerts, bounded, and does not retry the refused one at once', async () => {
    const notifications = new RefusingNotificationService(options =>
      options.payload.metadata?.entityRef === ORDERS
        ? 'Request failed with status 413'
        : undefined,
    );
    const permissions = createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => ({
        async authorize(requests) {
          return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
        },
        async authorizeConditional() {
          throw new Error('not used');
        },
      }),
    });
    const sla = { freshness: { p95: '30m', p99: '1h' } };
    const { server } = (await startTestBackend({
      features: [
        plugin,
        schedulerServiceFactory,
        permissions,
        catalogServiceMock.factory({
          entities: [
            catalogProduct('orders', { contract: sla }),
            catalogProduct('identity', {
              owner: 'group:default/identity-platform',
              contract: sla,
            }),
          ],
        }),
        notifications.factory(),
      ],
    })) as unknown as { server: express.Express };

    // Failed runs of both products, ten minutes ago (the task reads the
    // real clock; the alerts look back 24 hours).
    const finishedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const message = `${'H'.repeat(1_000_000)}${'m'.repeat(
      2_500_000,
    )}${'T'.repeat(1_000_000)}`;
    const reported = await request(server)
      .post('/api/data-products/runs')
      .set('Authorization', mockCredentials.service.header())
      .send({
        runs: [
          { product: ORDERS, runId: 'o-1', status: 'failed', finishedAt },
          {
            product: IDENTITY,
            runId: 'i-1',
            status: 'failed',
            finishedAt,
            errorMessage: message,
          },
        ],
      });
    expect(reported.status).toBe(200);
    expect(reported.body.accepted).toBe(2);

    const trigger = () =>
      request(server)
        .post('/api/data-products/tasks/data-products-alerts/trigger')
        .set('Authorization', mockCredentials.service.header());
    expect((await trigger()).status).toBe(202);
    // The scheduler's worker starts after the task's initial delay (1 min).
    // Meanwhile the rescoring task may score the failed runs and tell the
    // owners of exhausted error budgets (another topic, refused alike for
    // orders): only the SLA alerts are this test's.
    const alerts = (list: NotificationSendOptions[]) =>
      list.filter(n => n.payload.topic === 'stockroom-sla');
    await waitFor(
      () =>
        alerts(notifications.sent).length +
          alerts(notifications.refused).length ===
        2,
    );

    expect(
      alerts(notifications.refused).map(n => n.payload.metadata?.entityRef),
    ).toEqual([ORDERS]);
    expect(
      alerts(notifications.sent).map(n => ({
        recipient: n.recipients.type === 'entity' && n.recipients.entityRef,
        title: n.payload.title,
      })),
    ).toEqual([
      {
        recipient: 'group:default/identity-platform',
        title: 'identity: a pipeline run failed (SLA breach)',
      },
    ]);
    const [sent] = alerts(notifications.sent);
    expect(sent.payload.description!.length).toBeLessThanOrEqual(4_000);
    expect(sent.payload.description).toMatch(
      /: H+ \[…[\d,]+ characters cut…\] T+\./,
    );
    expect(Buffer.byteLength(JSON.stringify(sent))).toBeLessThan(100 * 1024);

    // Run again now: the refused alert waits (10 minutes after a first
    // failure), the delivered one was sent before.
    await waitForTrigger(trigger);
    // Accepted again only once that run has ended.
    await waitForTrigger(trigger);
    expect(alerts(notifications.refused)).toHaveLength(1);
    expect(alerts(notifications.sent)).toHaveLength(1);
  });
});

async function waitFor(done: () => boolean, timeoutMs = 100_000) {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** Triggers once the previous run has finished (409 while it runs). */
async function waitForTrigger(trigger: () => request.Test) {
  const until = Date.now() + 30_000;
  for (;;) {
    const response = await trigger();
    if (response.status === 202) return;
    if (response.status !== 409 || Date.now() > until) {
      throw new Error(`trigger answered ${response.status}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
