/**
 * Stockroom's one rule engine: the DataProduct kind and every verdict about it,
 * as pure functions of plain data and `now`.
 *
 * @packageDocumentation
 */
export * from './kind';
export * from './policy';
export * from './permissions';
export * from './scoring';
export * from './supplyChain';
export * from './costs';
export * from './openlineage';
export * from './contract';
export * from './judge';
export * from './api';
