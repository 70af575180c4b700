/**
 * Stockroom frontend for the legacy frontend system: the DataProduct overview
 * card, status banner and Contract tab, and the client of the Stockroom
 * backend. The new frontend system plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  dataProductsPlugin,
  EntityDataProductContractContent,
  EntityDataProductOverviewCard,
  EntityDataProductStatusBanner,
} from './plugin';
export { isDataProductEntity } from './isDataProductEntity';
export type { DataProductOverviewCardProps } from './components/DataProductOverviewCard';
export type { DataProductStatusBannerProps } from './components/DataProductStatusBanner';
export type { DataProductContractContentProps } from './components/DataProductContractContent';
export {
  DataProductsClient,
  dataProductsApiRef,
  type ContractHistory,
  type ContractHistoryChange,
  type ContractHistoryEntry,
  type DataProductsApi,
} from './api';
