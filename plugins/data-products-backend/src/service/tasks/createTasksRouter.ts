import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { authenticated } from '../authenticated';
import { OpenApiRequestValidator } from '../openapi';
import { authorizeTaskTrigger } from './authorizeTaskTrigger';

export interface TasksRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The plugin's scheduler: only the tasks it scheduled can be triggered. */
  scheduler: SchedulerService;
  /** Audits each trigger when given, as the plugin's other writes are. */
  auditor?: AuditorService;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

/**
 * `POST /tasks/:id/trigger`: run one of Stockroom's scheduled tasks now, for
 * callers holding `stockroom.task.trigger` — the permission-checked
 * replacement for the scheduler's own trigger endpoint, which any signed-in
 * caller could use (that one is guarded too, see schedulerEndpointGuard).
 *
 * 202 once the scheduler has accepted it: a `global` task then starts within
 * seconds on whichever instance of the cluster claims it, so the run's
 * outcome is in the logs, not in this response.
 */
export function createTasksRouter(options: TasksRouterOptions): express.Router {
  const { httpAuth, permissions, scheduler, auditor } = options;
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  const router = Router();

  router.post(
    '/tasks/:id/trigger',
    authenticated(httpAuth),
    validator.middleware(),
    async (req, res) => {
      const { id } = req.params;
      // Permission first: without it, a caller learns nothing, not even
      // which task ids exist.
      await authorizeTaskTrigger(req, { httpAuth, permissions }, `run ${id}`);
      const known = (await scheduler.getScheduledTasks()).map(task => task.id);
      if (!known.includes(id)) {
        throw new NotFoundError(
          `No Stockroom task "${id}": the tasks this instance schedules are ${known.join(
            ', ',
          )}`,
        );
      }
      const auditorEvent = await auditor?.createEvent({
        eventId: 'task-trigger',
        severityLevel: 'medium',
        request: req,
        meta: { taskId: id },
      });
      try {
        // A task already running is the scheduler's ConflictError: a 409.
        await scheduler.triggerTask(id);
        await auditorEvent?.success();
      } catch (error) {
        await auditorEvent?.fail({ error: error as Error });
        throw error;
      }
      res.status(202).json({ taskId: id });
    },
  );

  return router;
}
