import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
  fromCatalogShape,
  isDataProductEntity,
} from '@stockroom/plugin-data-products-common';

/** A DataProduct read from the catalog, in the form the engine reads. */
export interface ReadProduct {
  entity: DataProductEntityV1alpha1;
  /** As the catalog spells it: the key of the product's history. */
  entityRef: string;
}

/**
 * The DataProduct `namespace/name`, read with the caller's credentials, so
 * one they may not see is as absent as one that does not exist.
 *
 * @throws NotFoundError naming the ref.
 */
export async function readDataProduct(
  catalog: CatalogService,
  ref: { namespace: string; name: string },
  credentials: BackstageCredentials,
): Promise<ReadProduct> {
  const wanted = { kind: DATA_PRODUCT_KIND, ...ref };
  const stored = await catalog.getEntityByRef(wanted, { credentials });
  if (!stored || !isDataProductEntity(stored)) {
    throw new NotFoundError(
      `No data product ${stringifyEntityRef(wanted)} in the catalog`,
    );
  }
  return {
    entity: fromCatalogShape(stored),
    entityRef: stringifyEntityRef(stored),
  };
}
