import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { taskTriggerPermission } from '@stockroom/plugin-data-products-common';
import { Request } from 'express';

/**
 * Throws 401 without credentials and 403 unless the caller holds
 * `stockroom.task.trigger`. One check for the plugin's trigger endpoint and
 * the scheduler's own, so both refuse the same callers.
 */
export async function authorizeTaskTrigger(
  req: Request,
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  what: string,
): Promise<void> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const [decision] = await services.permissions.authorize(
    [{ permission: taskTriggerPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to ${what}: it needs the permission ${taskTriggerPermission.name}`,
    );
  }
}
