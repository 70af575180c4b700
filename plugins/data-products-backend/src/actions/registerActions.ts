import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FundingPolicy,
  StockroomPolicy,
} from '@stockroom/plugin-data-products-common';
import { ScorecardSnapshotStore } from '../database/ScorecardSnapshotStore';
import { ScorecardService } from '../service/runs/ScorecardService';
import { InventoryCatalog } from '../service/inventory/InventoryCatalog';
import { registerCheckContractChange } from './checkContractChangeAction';
import { registerGetDataProduct } from './getDataProductAction';
import { registerGetScorecard } from './getScorecardAction';
import { registerImpactOfChange } from './impactOfChangeAction';
import { registerListAttention } from './listAttentionAction';
import { registerSearchDataProducts } from './searchDataProductsAction';

export interface RegisterActionsOptions {
  actionsRegistry: ActionsRegistryService;
  catalog: CatalogService;
  permissions: PermissionsService;
  /** The latest scorecard snapshots, never rescored on read. */
  snapshots: Pick<
    ScorecardSnapshotStore,
    'latestScores' | 'latestSnapshot' | 'snapshotHistory'
  >;
  /** The plugin's scorer: the thresholds its scores are computed with. */
  scorecards: Pick<ScorecardService, 'thresholds'>;
  policy: StockroomPolicy;
  funding?: FundingPolicy;
  clock?: () => Date;
}

/**
 * Stockroom's actions in Backstage's actions registry, which the MCP actions
 * backend serves to agents. All read-only, all with the caller's
 * credentials: an agent sees what its user may see. docs/agents.md lists them.
 */
export function registerActions(options: RegisterActionsOptions): void {
  const { actionsRegistry, catalog, policy, funding } = options;
  const deps = {
    catalog,
    permissions: options.permissions,
    snapshots: options.snapshots,
    scorecards: options.scorecards,
    policy,
    // the inventory's own reader: the same products, states and consumers
    // as GET /products, kept a few seconds per caller
    inventory: new InventoryCatalog({ catalog, policy, funding }),
    clock: options.clock ?? (() => new Date()),
  };
  registerSearchDataProducts(actionsRegistry, deps);
  registerGetDataProduct(actionsRegistry, deps);
  registerCheckContractChange(actionsRegistry, deps);
  registerImpactOfChange(actionsRegistry, deps);
  registerGetScorecard(actionsRegistry, deps);
  registerListAttention(actionsRegistry, deps);
}
