/**
 * The `stockroom` CLI: lint DataProduct YAML with the catalog's own rules
 * and renew convenience views. Every verdict comes from
 * `@stockroom/plugin-data-products-common`.
 *
 * @packageDocumentation
 */
export { main } from './main';
export type { CliIo } from './io';
