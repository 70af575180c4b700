import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Report pipeline runs (native batches and OpenLineage RunEvents). Pipelines
 * usually call with a Backstage `externalAccess` static token, so a policy
 * grants this to those service principals.
 *
 * @public
 */
export const runReportPermission = createPermission({
  name: 'stockroom.run.report',
  attributes: { action: 'create' },
});

/**
 * Recompute and snapshot a data product's scorecard now, rather than at the
 * next scheduled run. A resource permission on the product's catalog entity,
 * so a policy can allow it to the product's owners only.
 *
 * @public
 */
export const scorecardRefreshPermission = createPermission({
  name: 'stockroom.scorecard.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Read the inventory: every product with its latest scorecard, by category.
 *
 * @public
 */
export const inventoryReadPermission = createPermission({
  name: 'stockroom.inventory.read',
  attributes: { action: 'read' },
});

/**
 * Run one of Stockroom's scheduled tasks now (scoring, SLA alerts, lifecycle
 * notices, contract history), through `POST /tasks/:id/trigger`, or through
 * the Backstage scheduler's own endpoints under the plugin. A run reads the
 * whole inventory and may notify every owner, so a policy grants this to
 * operators and automation only, not to every user.
 *
 * @public
 */
export const taskTriggerPermission = createPermission({
  name: 'stockroom.task.trigger',
  attributes: { action: 'update' },
});

/**
 * Every permission Stockroom defines, for `permissionsRegistry.addPermissions`.
 *
 * @public
 */
export const dataProductsPermissions = [
  runReportPermission,
  scorecardRefreshPermission,
  inventoryReadPermission,
  taskTriggerPermission,
];
