/**
 * Stockroom frontend: the DataProduct overview card, for the legacy frontend
 * system. The new frontend system plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export { dataProductsPlugin, EntityDataProductOverviewCard } from './plugin';
export { isDataProductEntity } from './isDataProductEntity';
export type { DataProductOverviewCardProps } from './components/DataProductOverviewCard';
