import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { inventoryReadPermission } from '@stockroom/plugin-data-products-common';
import { Request } from 'express';
import { requirePermission } from '../requirePermission';

/** The credentials of the caller, a user or a service; 401 otherwise. */
export function readerCredentials(
  req: Request,
  httpAuth: HttpAuthService,
): Promise<BackstageCredentials> {
  return httpAuth.credentials(req, { allow: ['user', 'service'] });
}

/**
 * Who may read what the inventory lists (the products, and those missing
 * from the catalog): a caller holding the inventory's read permission.
 * Throws 403 otherwise, saying it was to `what`.
 */
export async function requireInventoryReader(
  credentials: BackstageCredentials,
  permissions: PermissionsService,
  what: string,
): Promise<void> {
  await requirePermission(
    permissions,
    credentials,
    { permission: inventoryReadPermission },
    what,
  );
}
