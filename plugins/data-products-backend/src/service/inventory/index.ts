export { createInventoryRouter } from './createInventoryRouter';
export type { InventoryRouterOptions } from './createInventoryRouter';
export {
  CATALOG_FIELDS as INVENTORY_CATALOG_FIELDS,
  DEFAULT_CATALOG_CACHE_TTL_MS,
} from './InventoryCatalog';
export { INVENTORY_SORTS } from './parseInventoryQuery';
