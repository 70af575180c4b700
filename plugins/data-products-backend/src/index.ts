/**
 * Stockroom's backend plugin (`data-products`): the lifecycle API and the
 * scheduled lifecycle notices. Add it to a backend with
 * `backend.add(import('@stockroom/plugin-data-products-backend'))`.
 *
 * @packageDocumentation
 */
export { dataProductsPlugin as default } from './plugin';
