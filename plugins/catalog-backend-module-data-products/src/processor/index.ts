export { DataProductProcessor } from './DataProductProcessor';
export type { DataProductProcessorOptions } from './DataProductProcessor';
export { withComputedMetadata } from './computedMetadata';
export { InvalidDataProductError } from './InvalidDataProductError';
export type { DataProductProblem } from './InvalidDataProductError';
export { dataProductRelations } from './relations';
export type { DataProductRelation } from './relations';
export type { StoredEntityReader } from './catalogRuleContext';
