import {
  HttpAuthService,
  PermissionsService,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { authorizeTaskTrigger } from './authorizeTaskTrigger';

/** Where Backstage's scheduler serves its REST API under every plugin. */
export const SCHEDULER_ENDPOINTS_PATH = '/.backstage/scheduler';

/**
 * Refuses writes to the scheduler's own endpoints under the plugin
 * (`POST /.backstage/scheduler/v1/tasks/:id/trigger` and `…/cancel`) to
 * callers without `stockroom.task.trigger`. Backstage's scheduler serves
 * them to any signed-in caller, guest and narrowly restricted service tokens
 * included, with no permission of its own (backend-defaults 0.18). Reading
 * the task list stays open to signed-in callers, as Backstage serves it.
 */
export function createSchedulerEndpointGuard(services: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const router = Router();
  router.use(SCHEDULER_ENDPOINTS_PATH, async (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      next();
      return;
    }
    await authorizeTaskTrigger(
      req,
      services,
      'run or cancel Stockroom tasks through the scheduler endpoint (POST /tasks/:id/trigger is the plugin’s own)',
    );
    next();
  });
  return router;
}

/**
 * Mounts {@link createSchedulerEndpointGuard} on the plugin's HTTP router.
 *
 * Why a service: the scheduler mounts its router on the plugin's HTTP
 * router when the scheduler service is created, which happens while the
 * plugin's dependencies are resolved — before `init` runs — and the HTTP
 * router only appends, `addAuthPolicy` only loosens, and the root router
 * refuses paths inside a plugin's. Backstage resolves a plugin's
 * dependencies one after another in the order they are declared, so this
 * service, declared before `scheduler`, is created first and its guard is
 * ahead of the scheduler's router (backend-app-api, BackendInitializer
 * #getInitDeps). schedulerEndpointGuard.test.ts and plugin.tasks.test.ts
 * fail if that ever stops holding.
 */
export const schedulerEndpointGuardServiceRef = createServiceRef<{
  /** The path the guard sits on, under the plugin's base. */
  guardedPath: string;
}>({
  id: 'stockroom.data-products.scheduler-endpoint-guard',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
      },
      factory({ httpRouter, httpAuth, permissions }) {
        httpRouter.use(createSchedulerEndpointGuard({ httpAuth, permissions }));
        // An instance, not void: Backstage treats an undefined service as missing.
        return { guardedPath: SCHEDULER_ENDPOINTS_PATH };
      },
    }),
});
