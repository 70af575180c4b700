import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_KIND,
  isDataProductEntity,
} from '@stockroom/plugin-data-products-common';
import { readConsumerOwners } from './consumerOwners';
import {
  CATALOG_FIELDS,
  CatalogProduct,
  catalogProduct,
} from './InventoryCatalog';

/** Refs per catalog request of {@link readCatalogProductsByRefs}. */
const REFS_PER_REQUEST = 500;

/** Every DataProduct the credentials may see, with their consumers' owners. */
export async function readCatalogProducts(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<CatalogProduct[]> {
  const products: CatalogProduct[] = [];
  for await (const page of catalog.streamEntities(
    { filter: { kind: DATA_PRODUCT_KIND }, fields: CATALOG_FIELDS },
    { credentials },
  )) {
    for (const entity of page) {
      if (isDataProductEntity(entity)) products.push(catalogProduct(entity));
    }
  }
  return withConsumerOwners(catalog, credentials, products);
}

/**
 * These DataProducts as the catalog serves them now, each with its etag;
 * refs it no longer serves (or that are not DataProducts) are left out.
 */
export async function readCatalogProductsByRefs(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  entityRefs: readonly string[],
): Promise<Array<{ product: CatalogProduct; etag: string | null }>> {
  const read: Array<{ product: CatalogProduct; etag: string | null }> = [];
  for (let i = 0; i < entityRefs.length; i += REFS_PER_REQUEST) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: entityRefs.slice(i, i + REFS_PER_REQUEST),
        fields: [...CATALOG_FIELDS, 'metadata.etag'],
      },
      { credentials },
    );
    for (const entity of items) {
      if (entity && isDataProductEntity(entity)) {
        read.push({
          product: catalogProduct(entity),
          etag: etagOf(entity.metadata.etag),
        });
      }
    }
  }
  await withConsumerOwners(
    catalog,
    credentials,
    read.map(({ product }) => product),
  );
  return read;
}

/** The catalog's etag of a stitched entity, if it has one. */
export function etagOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The consumers' owners, in a few requests for every product at once. */
async function withConsumerOwners(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  products: CatalogProduct[],
): Promise<CatalogProduct[]> {
  const consumerRefs = products.flatMap(product => product.consumerRefs);
  if (consumerRefs.length === 0) return products;
  const owners = await readConsumerOwners(catalog, credentials, consumerRefs);
  for (const product of products) {
    product.consumerOwners = product.consumerRefs.flatMap(
      ref => owners.get(ref) ?? [],
    );
  }
  return products;
}
