import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { InventoryReadModel } from '../../database/InventoryReadModel';

/**
 * Whether the read model may answer this caller today. It holds every
 * DataProduct as the plugin's own credentials see them, so it answers only
 * callers the permission policy lets read every catalog entity
 * (unconditionally), and only once a full pass has evaluated states on
 * today's date. Anyone else — a policy with conditions on catalog reads, a
 * model not yet filled, a new day before its first pass — is answered from
 * the catalog with their own credentials, as before.
 */
export async function readModelServes(
  model: InventoryReadModel,
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  today: string,
): Promise<boolean> {
  const [lastPass, [decision]] = await Promise.all([
    model.lastFullPass(),
    permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    ),
  ]);
  return lastPass?.on === today && decision.result === AuthorizeResult.ALLOW;
}
