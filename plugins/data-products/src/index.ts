/**
 * Stockroom frontend for the legacy frontend system: the DataProduct overview
 * card, status banner, Contract and Scorecard tabs, the inventory page, the
 * consumer's card, and the client of the Stockroom backend. The new frontend
 * system plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  dataProductsPlugin,
  DataProductsInventoryPage,
  EntityDataProductContractContent,
  EntityDataProductOverviewCard,
  EntityDataProductScorecardContent,
  EntityDataProductStatusBanner,
  EntityDependsOnDataProductsCard,
} from './plugin';
export { isDataProductEntity } from './isDataProductEntity';
export type { DataProductOverviewCardProps } from './components/DataProductOverviewCard';
export type { DataProductStatusBannerProps } from './components/DataProductStatusBanner';
export type { DataProductContractContentProps } from './components/DataProductContractContent';
export type { DataProductScorecardContentProps } from './components/DataProductScorecardContent';
export type { DataProductsInventoryPageProps } from './components/InventoryPage';
export type { DependsOnDataProductsCardProps } from './components/ConsumerDataProductsCard';
export {
  DataProductsClient,
  dataProductsApiRef,
  type ContractHistory,
  type ContractHistoryChange,
  type ContractHistoryEntry,
  type DataProductIncident,
  type DataProductIncidents,
  type DataProductRun,
  type DataProductRuns,
  type DataProductScorecard,
  type DataProductsApi,
  type DataProductsInventoryApi,
  INVENTORY_SORT_KEYS,
  type PricedCostOption,
  type ProductContract,
  type InventoryCategorySummary,
  type InventoryCost,
  type InventoryItem,
  type InventoryPage,
  type InventoryQuery,
  type InventorySortKey,
  type InventorySortOrder,
  type InventorySummary,
  type InventoryTotals,
  type ScorecardDimension,
  type ScorecardHistory,
  type ScorecardHistoryItem,
  type ScorecardLag,
  type ScorecardWindow,
  type UnitCostOfFreshness,
} from './api';
