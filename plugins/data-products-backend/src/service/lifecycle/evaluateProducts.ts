import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  DataProductState,
  Judgement,
  StockroomPolicy,
  fromCatalogShape,
  isDataProductEntity,
  judgeDataProduct,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import { ruleContextsOf } from './ruleContexts';

/** A data product with the engine's verdict on one day. */
export interface EvaluatedProduct {
  /** As prepareDataProduct reads it (contract normalized). */
  entity: DataProductEntityV1alpha1;
  entityRef: string;
  /** judgeDataProduct's verdict; the catalog only holds valid products, so a state. */
  evaluation: Judgement & { state: DataProductState };
}

/**
 * The engine's verdict on every DataProduct among `entities` at `now`. Other
 * kinds, and entities of kind DataProduct under another apiVersion, are
 * skipped: they are not ours to judge, and so is one the engine finds
 * invalid (the catalog would not hold it; no state to report). The verdict
 * is judgeDataProduct's, the one the processor and the CLI give.
 */
export function evaluateProducts(
  entities: Entity[],
  policy: StockroomPolicy,
  now: Date,
): EvaluatedProduct[] {
  const products: EvaluatedProduct[] = [];
  const dataProducts = entities.filter(isDataProductEntity);
  const contextOf = ruleContextsOf(dataProducts);
  for (const stored of dataProducts) {
    // judged as authored, like the processor judges the file (the catalog
    // stores spec.lifecycle as a string beside spec.lifecycleDetails)
    const judgement = judgeDataProduct(
      fromCatalogShape(stored),
      policy,
      now,
      contextOf(stored),
    );
    if (judgement.state !== null) {
      products.push({
        entity: prepareDataProduct(stored).entity,
        entityRef: stringifyEntityRef(stored),
        evaluation: { ...judgement, state: judgement.state },
      });
    }
  }
  return products;
}
