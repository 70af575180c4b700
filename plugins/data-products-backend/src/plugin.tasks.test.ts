import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import plugin from './index';
import { RecordingNotificationService } from './__testUtils__/RecordingNotificationService';
import { OpenApiRequestValidator } from './service/openapi';

jest.setTimeout(60_000);

/** Every task the plugin schedules with its default config. */
const TASKS = [
  'data-products-alerts',
  'data-products-contract-history',
  'data-products-history',
  'data-products-inventory-sync',
  'data-products-lifecycle-notifications',
  'data-products-product-sightings',
  'data-products-rescore',
  'data-products-runs-retention',
  'data-products-scoring',
];

/**
 * The plugin on Backstage's real scheduler (backend-defaults), which serves
 * `/.backstage/scheduler/v1/…` under the plugin, and a permission service
 * that, like the demo policy, grants `stockroom.task.trigger` to service
 * principals only. (The demo policy itself, over the real permission
 * backend and static tokens, is tested in packages/backend.)
 */
describe('dataProductsPlugin: who may run its scheduled tasks', () => {
  let server: express.Express;
  const asked: Array<{ permission: string; principal: string }> = [];

  beforeAll(async () => {
    const permissions = createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => ({
        async authorize(requests, options) {
          const { principal } = (
            options as { credentials: BackstageCredentials<{ type: string }> }
          ).credentials;
          return requests.map(r => {
            asked.push({
              permission: r.permission.name,
              principal: principal.type,
            });
            return {
              result:
                principal.type === 'service'
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            };
          });
        },
        async authorizeConditional() {
          throw new Error('not used');
        },
      }),
    });
    ({ server } = (await startTestBackend({
      features: [
        plugin,
        schedulerServiceFactory,
        permissions,
        catalogServiceMock.factory({ entities: [] }),
        new RecordingNotificationService().factory(),
      ],
    })) as unknown as { server: express.Express });
  });

  beforeEach(() => {
    asked.length = 0;
  });

  const scheduler = '/api/data-products/.backstage/scheduler/v1/tasks';

  it('still lists the tasks to any signed-in caller (read-only)', async () => {
    const response = await request(server)
      .get(scheduler)
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(
      response.body.tasks.map((t: { taskId: string }) => t.taskId).sort(),
    ).toEqual(TASKS);
  });

  it.each(TASKS)(
    "refuses a user the scheduler's own trigger for %s: 403",
    async id => {
      const response = await request(server)
        .post(`${scheduler}/${id}/trigger`)
        .set('Authorization', mockCredentials.user.header());

      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Not allowed to run or cancel Stockroom tasks through the scheduler endpoint (POST /tasks/:id/trigger is the plugin’s own): it needs the permission stockroom.task.trigger',
      );
      expect(asked).toEqual([
        { permission: 'stockroom.task.trigger', principal: 'user' },
      ]);
    },
  );

  it("refuses a user the scheduler's cancel endpoint too", async () => {
    const response = await request(server)
      .post(`${scheduler}/data-products-scoring/cancel`)
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(403);
  });

  it("lets a caller holding the permission use the scheduler's endpoint", async () => {
    const response = await request(server)
      .post(`${scheduler}/data-products-contract-history/trigger`)
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(200);
  });

  it('refuses anonymous callers everywhere: 401', async () => {
    for (const path of [
      `${scheduler}/data-products-scoring/trigger`,
      '/api/data-products/tasks/data-products-scoring/trigger',
    ]) {
      const response = await request(server)
        .post(path)
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(401);
    }
  });

  it("serves the plugin's own trigger endpoint: 403 for a user, 202 for a permitted caller, 404 for an unknown task", async () => {
    const own = (id: string) => `/api/data-products/tasks/${id}/trigger`;

    const user = await request(server)
      .post(own('data-products-alerts'))
      .set('Authorization', mockCredentials.user.header());
    const service = await request(server)
      .post(own('data-products-alerts'))
      .set('Authorization', mockCredentials.service.header());
    const unknown = await request(server)
      .post(own('catalog-refresh'))
      .set('Authorization', mockCredentials.service.header());

    expect(user.status).toBe(403);
    expect(user.body.error.message).toBe(
      'Not allowed to run data-products-alerts: it needs the permission stockroom.task.trigger',
    );
    expect(service.status).toBe(202);
    expect(service.body).toEqual({ taskId: 'data-products-alerts' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /^No Stockroom task "catalog-refresh": the tasks this instance schedules are /,
    );
    // each answer as the published document says
    const validator = OpenApiRequestValidator.fromDocument();
    for (const response of [user, service, unknown]) {
      expect(
        validator.responseProblems(
          'post',
          '/tasks/:id/trigger',
          response.status,
          response.body,
        ),
      ).toEqual([]);
    }
  });
});
