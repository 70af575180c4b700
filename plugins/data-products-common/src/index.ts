/**
 * Stockroom's one rule engine: the DataProduct kind and every verdict about it,
 * as pure functions of plain data and `now`.
 *
 * @packageDocumentation
 */
export * from './kind';
export * from './policy';
