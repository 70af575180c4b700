export { dataProductsApiRef } from './DataProductsApi';
export type {
  ContractHistory,
  ContractHistoryChange,
  ContractHistoryEntry,
  DataProductIncident,
  DataProductIncidents,
  DataProductRun,
  DataProductRuns,
  DataProductScorecard,
  DataProductsApi,
  PricedCostOption,
  ProductContract,
  ScorecardDimension,
  ScorecardHistory,
  ScorecardHistoryItem,
  ScorecardLag,
  ScorecardWindow,
  UnitCostOfFreshness,
} from './DataProductsApi';
export {
  INVENTORY_SORT_KEYS,
  type DataProductsInventoryApi,
  type InventoryCategorySummary,
  type InventoryCost,
  type InventoryItem,
  type InventoryPage,
  type InventoryQuery,
  type InventorySortKey,
  type InventorySortOrder,
  type InventorySummary,
  type InventoryTotals,
} from './InventoryApi';
export { inventorySearchParams, parseInventoryQuery } from './inventoryQuery';
export { DataProductsClient } from './DataProductsClient';
