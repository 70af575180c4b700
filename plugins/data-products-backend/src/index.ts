/**
 * Stockroom's backend plugin (`data-products`): the lifecycle API and the
 * scheduled lifecycle notices. Add it to a backend with
 * `backend.add(import('@stockroom/plugin-data-products-backend'))`.
 *
 * @packageDocumentation
 */
export { dataProductsPlugin as default } from './plugin';

/*
 * @internal For the repository's bench/ only, not a public API: the stores
 * and services the benchmarks time without starting a whole backend.
 */
export { openStores } from './database/openStores';
export { ScorecardService, ScoringJob } from './service/runs';
export {
  INVENTORY_CATALOG_FIELDS,
  createInventoryRouter,
} from './service/inventory';
