/**
 * Stockroom's backend plugin (`data-products`): run ingestion (native and
 * OpenLineage), scorecards, the inventory, lifecycle and contract APIs, and
 * the scheduled jobs behind them (docs/architecture.md). Add it to a backend with
 * `backend.add(import('@stockroom/plugin-data-products-backend'))`.
 *
 * @packageDocumentation
 */
export { dataProductsPlugin as default } from './plugin';
