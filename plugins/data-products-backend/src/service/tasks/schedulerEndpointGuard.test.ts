import {
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { schedulerEndpointGuardServiceRef } from './schedulerEndpointGuard';

jest.setTimeout(60_000);

/** A plugin that schedules one task, its deps declared in `order`. */
function pluginWithDeps(
  pluginId: string,
  order: 'guard-first' | 'scheduler-first',
) {
  const deps =
    order === 'guard-first'
      ? {
          guard: schedulerEndpointGuardServiceRef,
          scheduler: coreServices.scheduler,
        }
      : {
          scheduler: coreServices.scheduler,
          guard: schedulerEndpointGuardServiceRef,
        };
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps,
        async init({ scheduler }) {
          await scheduler.scheduleTask({
            id: 'probe',
            scope: 'global',
            frequency: { hours: 1 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 1 },
            fn: async () => {},
          });
        },
      });
    },
  });
}

/** Grants `stockroom.task.trigger` to service principals only. */
const servicesOnly = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests, options) {
      const { principal } = (
        options as { credentials: BackstageCredentials<{ type: string }> }
      ).credentials;
      return requests.map(() => ({
        result:
          principal.type === 'service'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional() {
      throw new Error('not used');
    },
  }),
});

/**
 * The guard rests on one property of Backstage's backend: a plugin's
 * dependencies are created one by one, in the order declared. If that ever
 * changes, the first test fails here before users can trigger tasks.
 */
describe("schedulerEndpointGuard on Backstage's real scheduler", () => {
  let server: express.Express;

  beforeAll(async () => {
    ({ server } = (await startTestBackend({
      features: [
        schedulerServiceFactory,
        servicesOnly,
        pluginWithDeps('guarded', 'guard-first'),
        pluginWithDeps('unguarded', 'scheduler-first'),
      ],
    })) as unknown as { server: express.Express });
  });

  const trigger = (pluginId: string) =>
    `/api/${pluginId}/.backstage/scheduler/v1/tasks/probe/trigger`;

  it('refuses a user without stockroom.task.trigger when declared before the scheduler', async () => {
    const response = await request(server)
      .post(trigger('guarded'))
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(
      /it needs the permission stockroom\.task\.trigger$/,
    );
  });

  it('lets a permitted caller through to the scheduler', async () => {
    const response = await request(server)
      .post(trigger('guarded'))
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(200);
  });

  it('is too late when declared after the scheduler: the scheduler answers first (why plugin.ts declares it first)', async () => {
    const response = await request(server)
      .post(trigger('unguarded'))
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
  });

  it('leaves the read-only task list open to signed-in callers', async () => {
    const response = await request(server)
      .get('/api/guarded/.backstage/scheduler/v1/tasks')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body.tasks).toEqual([
      expect.objectContaining({ taskId: 'probe', pluginId: 'guarded' }),
    ]);
  });
});
