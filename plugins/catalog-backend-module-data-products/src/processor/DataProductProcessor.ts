import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
  validateDataProduct,
} from '@stockroom/plugin-data-products-common';
import { dataProductRelations } from './relations';
import { InvalidDataProductError } from './InvalidDataProductError';

/**
 * Teaches the catalog the DataProduct kind: validates it with the shared
 * schema and semantic checks from -common, and emits the relations the kind
 * implies. Holds no state, makes no calls: every verdict comes from -common,
 * so the CLI and this processor can never disagree.
 */
export class DataProductProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'DataProductProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isDataProductEntity(entity)) {
      return false;
    }
    const problems = validateDataProduct(entity);
    if (problems.length > 0) {
      throw new InvalidDataProductError(stringifyEntityRef(entity), problems);
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    for (const { type, reverseType, target } of dataProductRelations(
      entity as DataProductEntityV1alpha1,
    )) {
      emit(processingResult.relation({ source: self, type, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverseType,
          target: self,
        }),
      );
    }
    return entity;
  }
}
