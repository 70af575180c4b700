/**
 * Catalog module that teaches the Backstage catalog the DataProduct kind.
 *
 * @packageDocumentation
 */
export { catalogModuleDataProducts as default } from './module';
export { placeholderResolvers } from './placeholders/placeholderResolvers';
export {
  DataProductProcessor,
  InvalidDataProductError,
  dataProductRelations,
} from './processor';
export type {
  DataProductProblem,
  DataProductProcessorOptions,
  DataProductRelation,
  StoredEntityReader,
} from './processor';
