import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';

/**
 * Every DataProduct in the catalog with just what sightings and the missing
 * report read: identity, title, owner, stage, annotations, relations.
 */
export async function readPresentProducts(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: DATA_PRODUCT_KIND },
      fields: [
        'apiVersion',
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.owner',
        'spec.lifecycle',
        'relations',
      ],
    },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities;
}
