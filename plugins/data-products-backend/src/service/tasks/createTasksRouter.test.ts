import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { createTasksRouter } from './createTasksRouter';

const OPERATOR = 'user:default/operator';

/**
 * A policy in miniature: `stockroom.task.trigger` for service principals
 * and the operator only. Records what was asked.
 */
function permissionsForOperators() {
  const asked: string[] = [];
  const permissions: PermissionsService = {
    async authorize(requests, options) {
      const { principal } = (options as { credentials: BackstageCredentials })
        .credentials as BackstageCredentials<any>;
      const allowed =
        principal.type === 'service' || principal.userEntityRef === OPERATOR;
      return requests.map(r => {
        asked.push(r.permission.name);
        return {
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      });
    },
    async authorizeConditional() {
      throw new Error('not used');
    },
  };
  return { permissions, asked };
}

async function setup() {
  const scheduler = mockServices.scheduler();
  const scoring = jest.fn(async () => {});
  const alerts = jest.fn(async () => {});
  for (const [id, fn] of [
    ['data-products-scoring', scoring],
    ['data-products-alerts', alerts],
  ] as const) {
    await scheduler.scheduleTask({
      id,
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      fn,
    });
  }
  const { permissions, asked } = permissionsForOperators();
  const auditor = mockServices.auditor.mock();
  const app = express();
  app.use(
    createTasksRouter({
      httpAuth: mockServices.httpAuth(),
      permissions,
      scheduler,
      auditor,
    }),
  );
  app.use(mockErrorHandler());
  return { app, scheduler, scoring, alerts, asked, auditor };
}

describe('createTasksRouter: POST /tasks/:id/trigger', () => {
  it('runs the task for a caller holding stockroom.task.trigger: 202', async () => {
    const { app, scoring, alerts, asked, auditor } = await setup();

    const response = await request(app)
      .post('/tasks/data-products-scoring/trigger')
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ taskId: 'data-products-scoring' });
    expect(asked).toEqual(['stockroom.task.trigger']);
    // That task, once; not the others.
    expect(scoring).toHaveBeenCalledTimes(1);
    expect(alerts).not.toHaveBeenCalled();
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'task-trigger',
        meta: { taskId: 'data-products-scoring' },
      }),
    );
  });

  it('lets a user the policy allows trigger too', async () => {
    const { app, alerts } = await setup();

    const response = await request(app)
      .post('/tasks/data-products-alerts/trigger')
      .set('Authorization', mockCredentials.user.header(OPERATOR));

    expect(response.status).toBe(202);
    expect(alerts).toHaveBeenCalledTimes(1);
  });

  it('refuses a user without the permission: 403 naming it, nothing runs', async () => {
    const { app, scoring } = await setup();

    const response = await request(app)
      .post('/tasks/data-products-scoring/trigger')
      .set('Authorization', mockCredentials.user.header('user:default/guest'));

    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'Not allowed to run data-products-scoring: it needs the permission stockroom.task.trigger',
    });
    expect(scoring).not.toHaveBeenCalled();
  });

  it('refuses an unknown task with 403 before 404, so ids are not probed', async () => {
    const { app } = await setup();

    const response = await request(app)
      .post('/tasks/catalog-refresh/trigger')
      .set('Authorization', mockCredentials.user.header('user:default/guest'));

    expect(response.status).toBe(403);
  });

  it('answers 404 naming the tasks there are, for a permitted caller', async () => {
    const { app, scoring, alerts } = await setup();

    const response = await request(app)
      .post('/tasks/catalog-refresh/trigger')
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No Stockroom task "catalog-refresh": the tasks this instance schedules are data-products-scoring, data-products-alerts',
    );
    expect(scoring).not.toHaveBeenCalled();
    expect(alerts).not.toHaveBeenCalled();
  });

  it('answers 401 without credentials, and runs nothing', async () => {
    const { app, scoring } = await setup();

    const anonymous = await request(app)
      .post('/tasks/data-products-scoring/trigger')
      .set('Authorization', mockCredentials.none.header());
    const bad = await request(app)
      .post('/tasks/data-products-scoring/trigger')
      .set('Authorization', mockCredentials.user.invalidHeader());

    expect(anonymous.status).toBe(401);
    expect(bad.status).toBe(401);
    expect(scoring).not.toHaveBeenCalled();
  });

  it('answers 409 when the task is running already', async () => {
    const { app, scheduler } = await setup();
    jest
      .spyOn(scheduler, 'triggerTask')
      .mockRejectedValue(
        new ConflictError('Task data-products-scoring is currently running'),
      );

    const response = await request(app)
      .post('/tasks/data-products-scoring/trigger')
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'Task data-products-scoring is currently running',
    );
  });

  it('refuses unknown query parameters, as the document says', async () => {
    const { app, scoring } = await setup();

    const response = await request(app)
      .post('/tasks/data-products-scoring/trigger?force=true')
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'The request does not match the API: unknown query parameter "force"; this endpoint takes none',
    );
    expect(scoring).not.toHaveBeenCalled();
  });
});
