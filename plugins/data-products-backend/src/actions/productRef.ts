import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';
import { ProductSource } from './ActionDeps';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EvaluatedCatalogProduct } from '../service/inventory/InventoryCatalog';

/**
 * A data product ref as a model may write it (`customer-identity-v2`,
 * `dataproduct:default/customer-identity-v2`), completed the way the catalog
 * completes it. A ref of another kind is an input error naming `field`.
 */
export function productRefOf(field: string, value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind: DATA_PRODUCT_KIND,
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `${field} ${JSON.stringify(
        value,
      )} is not an entity ref; write [dataproduct:][namespace/]name, e.g. dataproduct:default/orders-core`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'dataproduct') {
    throw new InputError(
      `${field} ${JSON.stringify(value)} is a ${ref.kind}, not a DataProduct`,
    );
  }
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

/**
 * The product `ref` among those the caller may see. One the caller may not
 * read is as absent as one that does not exist: the same not-found error,
 * so an agent learns nothing of what its user cannot see.
 */
export async function findProduct(
  inventory: ProductSource,
  credentials: BackstageCredentials,
  ref: string,
  now: Date,
): Promise<{
  product: EvaluatedCatalogProduct;
  all: EvaluatedCatalogProduct[];
}> {
  const all = await inventory.products(credentials, now);
  const product = all.find(p => p.entityRef.toLocaleLowerCase('en-US') === ref);
  if (!product) {
    throw new NotFoundError(`No data product ${ref} in the catalog`);
  }
  return { product, all };
}
