export { DataProductProcessor } from './DataProductProcessor';
export { InvalidDataProductError } from './InvalidDataProductError';
export { dataProductRelations } from './relations';
export type { DataProductRelation } from './relations';
