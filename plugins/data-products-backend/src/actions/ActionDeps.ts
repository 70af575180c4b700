import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import {
  PermissionsService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { StockroomPolicy } from '@stockroom/plugin-data-products-common';
import { ScorecardSnapshotStore } from '../database/ScorecardSnapshotStore';
import { ScorecardService } from '../service/runs/ScorecardService';
import { EvaluatedCatalogProduct } from '../service/inventory/InventoryCatalog';

/**
 * The zod the actions registry hands each schema builder: the registry turns
 * schemas into JSON Schema with its own zod, so ours use that one too.
 */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** The caller's view of the inventory, as the inventory API computes it. */
export interface ProductSource {
  products(
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<EvaluatedCatalogProduct[]>;
}

/**
 * What Stockroom's actions read, all with the caller's credentials: the
 * catalog (catalog permissions apply), the inventory's evaluated products,
 * the latest scorecard snapshots, and the policy the engine judges with.
 */
export interface ActionDeps {
  catalog: CatalogService;
  permissions: PermissionsService;
  inventory: ProductSource;
  /** The latest stored scorecards, never rescored on read. */
  snapshots: Pick<
    ScorecardSnapshotStore,
    'latestScores' | 'latestSnapshot' | 'snapshotHistory'
  >;
  /** For the thresholds scores are computed with. */
  scorecards: Pick<ScorecardService, 'thresholds'>;
  policy: StockroomPolicy;
  /** The "now" states and expiry are evaluated at. */
  clock: () => Date;
}

/** Every Stockroom action is a read: it changes nothing, and asking twice answers alike. */
export const READ_ONLY = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;
