export { dataProductsApiRef } from './DataProductsApi';
export type {
  ContractHistory,
  ContractHistoryChange,
  ContractHistoryEntry,
  DataProductsApi,
} from './DataProductsApi';
export { DataProductsClient } from './DataProductsClient';
