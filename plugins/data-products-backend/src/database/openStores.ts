import { DatabaseService } from '@backstage/backend-plugin-api';
import { ContractHistoryStore } from './ContractHistoryStore';
import { KnexContractHistoryStore } from './KnexContractHistoryStore';
import { HistoryMarkStore } from './HistoryMarkStore';
import { KnexHistoryMarkStore } from './KnexHistoryMarkStore';
import { InventoryReadModel } from './InventoryReadModel';
import { KnexInventoryReadModel } from './KnexInventoryReadModel';
import { KnexNotificationLogStore } from './KnexNotificationLogStore';
import { KnexProductSightingsStore } from './KnexProductSightingsStore';
import { KnexRunStore } from './KnexRunStore';
import {
  KnexScorecardSnapshotStore,
  LatestScoresReadOptions,
} from './KnexScorecardSnapshotStore';
import { MigrateDatabaseOptions, migrateDatabase } from './migrateDatabase';
import { NotificationLogStore } from './NotificationLogStore';
import { ProductSightingsStore } from './ProductSightingsStore';
import { RunStore } from './RunStore';
import { ScorecardSnapshotStore } from './ScorecardSnapshotStore';

/**
 * Every store of the plugin, one per group of tables; each store's file
 * says which tables it owns, and no other module touches them.
 */
export interface DataProductsStores {
  /** `notifications_sent`, `delivery_attempts`: once-only notices and alerts. */
  notificationLog: NotificationLogStore;
  /** `contract_versions`, `drift_incidents`. */
  contractHistory: ContractHistoryStore;
  /** `product_sightings`. */
  productSightings: ProductSightingsStore;
  /** `runs`, `run_events`, `observed_schemas`, `quality_checks`, `run_samples`. */
  runs: RunStore;
  /** `scorecard_snapshots`: for scoring, the scorecard API and the inventory. */
  scorecardSnapshots: ScorecardSnapshotStore;
  /** `history_marks`: how far each product's past days were computed. */
  historyMarks: HistoryMarkStore;
  /** `inventory_products`, `inventory_sync` (and `latest_scores`, read): the inventory's read model. */
  inventory: InventoryReadModel;
}

/**
 * The one place the plugin's database is opened: migrates it (once per
 * database service, however often this is called; see migrateDatabase),
 * then builds every store on the migrated client. Stores never migrate.
 */
export async function openStores(
  database: DatabaseService,
  options: MigrateDatabaseOptions & {
    /** How the inventory's latest-scores read goes; tests set the clock. */
    latestScores?: LatestScoresReadOptions;
  } = {},
): Promise<DataProductsStores> {
  const client = await migrateDatabase(database, options);
  return {
    notificationLog: new KnexNotificationLogStore(client),
    contractHistory: new KnexContractHistoryStore(client),
    productSightings: new KnexProductSightingsStore(client),
    runs: new KnexRunStore(client),
    scorecardSnapshots: new KnexScorecardSnapshotStore(
      client,
      options.latestScores,
    ),
    historyMarks: new KnexHistoryMarkStore(client),
    inventory: new KnexInventoryReadModel(client),
  };
}
