export { createInventoryRouter } from './createInventoryRouter';
export type { InventoryRouterOptions } from './createInventoryRouter';
export { DEFAULT_CATALOG_CACHE_TTL_MS } from './InventoryCatalog';
export {
  DEFAULT_PAGE_SIZE,
  INVENTORY_SORTS,
  MAX_PAGE_SIZE,
} from './parseInventoryQuery';
export type { InventoryItem } from './inventoryItem';
