import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { inventoryReadPermission } from '@stockroom/plugin-data-products-common';
import { Request } from 'express';
import { requirePermission } from '../requirePermission';

/**
 * Who may read what the inventory lists (the products, and those missing
 * from the catalog): a user or a service holding the inventory's read
 * permission. Returns the caller's credentials; throws 401/403 otherwise,
 * the 403 saying it was to `what`.
 */
export async function requireInventoryReader(
  req: Request,
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  what: string,
): Promise<BackstageCredentials> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  await requirePermission(
    services.permissions,
    credentials,
    { permission: inventoryReadPermission },
    what,
  );
  return credentials;
}
