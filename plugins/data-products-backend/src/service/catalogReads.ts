import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';

// Refs per catalog request when asking for dependents: the filter travels in
// the query string, so keep it well under URL length limits.
const REFS_PER_REQUEST = 50;

/**
 * Every DataProduct the credentials may see, paged through the catalog.
 * Whose credentials decides what is returned: the caller's for the API (so
 * catalog permissions apply), the plugin's own for the scheduled task.
 */
export async function readDataProducts(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    { filter: { kind: DATA_PRODUCT_KIND } },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities;
}

// Refs per by-refs request: the refs travel in a POST body, so this only
// bounds one response's size.
const REFS_PER_BY_REFS_REQUEST = 500;

/**
 * The DataProducts among `entityRefs` that the credentials may see, in the
 * order asked; refs the catalog does not know (or that are no DataProduct)
 * are left out.
 */
export async function readDataProductsByRefs(
  catalog: CatalogService,
  entityRefs: readonly string[],
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const products: Entity[] = [];
  for (let i = 0; i < entityRefs.length; i += REFS_PER_BY_REFS_REQUEST) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: entityRefs.slice(i, i + REFS_PER_BY_REFS_REQUEST) },
      { credentials },
    );
    for (const entity of items) {
      if (entity?.kind === DATA_PRODUCT_KIND) products.push(entity);
    }
  }
  return products;
}

/**
 * The entities with a `dependsOn` relation to any of `targetRefs`, with just
 * what is needed to tell their owners: ref, owner and relations.
 */
export async function readDependents(
  catalog: CatalogService,
  targetRefs: string[],
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const byRef = new Map<string, Entity>();
  for (let i = 0; i < targetRefs.length; i += REFS_PER_REQUEST) {
    const chunk = targetRefs.slice(i, i + REFS_PER_REQUEST);
    for await (const page of catalog.streamEntities(
      {
        filter: { 'relations.dependsOn': chunk },
        fields: [
          'apiVersion',
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.owner',
          'relations',
        ],
      },
      { credentials },
    )) {
      // An entity depending on products in two chunks comes back twice.
      for (const entity of page) {
        byRef.set(stringifyEntityRef(entity), entity);
      }
    }
  }
  return [...byRef.values()];
}
