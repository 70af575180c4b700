import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  Evaluation,
  StockroomPolicy,
  evaluateDataProduct,
  fromCatalogShape,
  isDataProductEntity,
  withNormalizedContract,
} from '@stockroom/plugin-data-products-common';

/** A data product with the engine's verdict on one day. */
export interface EvaluatedProduct {
  entity: DataProductEntityV1alpha1;
  entityRef: string;
  evaluation: Evaluation;
}

/**
 * The engine's verdict on every DataProduct among `entities` at `now`. Other
 * kinds, and entities of kind DataProduct under another apiVersion, are
 * skipped: they are not ours to judge. Contracts are normalized first (an
 * ODCS document mapped), as the processor, the CLI and the inventory do.
 */
export function evaluateProducts(
  entities: Entity[],
  policy: StockroomPolicy,
  now: Date,
): EvaluatedProduct[] {
  return entities
    .filter(isDataProductEntity)
    .map(stored => withNormalizedContract(fromCatalogShape(stored)))
    .map(entity => ({
      entity,
      entityRef: stringifyEntityRef(entity),
      evaluation: evaluateDataProduct(entity, policy, now),
    }));
}
