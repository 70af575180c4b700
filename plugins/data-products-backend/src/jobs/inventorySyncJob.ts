import {
  InventorySync,
  InventorySyncSummary,
} from '../service/inventory/InventorySync';
import {
  ConfiguredJobOptions,
  globalJob,
  RunReport,
  ScheduledJob,
} from './ScheduledJob';

/** Id of the scheduled task that keeps the inventory's read model up to date. */
export const INVENTORY_SYNC_TASK_ID = 'data-products-inventory-sync';

/**
 * Brings the inventory's read model up to the catalog every
 * `stockroom.inventory.sync.frequency` (15 s by default), on one instance
 * of a cluster at a time: every replica then answers `GET /products` from
 * the database (see InventorySync). Quiet when nothing changed.
 */
export function inventorySyncJob(
  options: ConstructorParameters<typeof InventorySync>[0] &
    ConfiguredJobOptions & {
      logger: Parameters<typeof globalJob>[0]['logger'];
    },
): ScheduledJob<InventorySyncSummary> {
  return globalJob({
    ...options,
    id: INVENTORY_SYNC_TASK_ID,
    timeout: { minutes: 10 },
    work: new InventorySync(options),
    report: inventorySyncReport,
  });
}

function inventorySyncReport(summary: InventorySyncSummary): RunReport {
  const message = `Inventory sync (${summary.full ? 'full' : 'changes'}): ${
    summary.inCatalog
  } DataProducts in the catalog, ${summary.written} written, ${
    summary.removed
  } removed, ${summary.scoresReconciled} latest scores caught up`;
  const changed = summary.written + summary.removed > 0 || summary.full;
  return { level: changed ? 'info' : 'debug', message };
}
