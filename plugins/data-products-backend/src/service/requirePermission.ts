import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** A permission request: a basic permission, or a resource one with its ref. */
export type PermissionRequest =
  | { permission: BasicPermission; resourceRef?: never }
  | { permission: ResourcePermission; resourceRef: string };

/**
 * Asks the permission framework and throws a 403 naming the permission when
 * it denies: "Not allowed to <what>: it needs the permission <name>". Every
 * permission-checked endpoint of the plugin says it the same way.
 */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: PermissionRequest,
  what: string,
): Promise<void> {
  const [decision] = await permissions.authorize([request], { credentials });
  if (decision.result === AuthorizeResult.DENY) {
    throw new NotAllowedError(
      `Not allowed to ${what}: it needs the permission ${request.permission.name}`,
    );
  }
}
