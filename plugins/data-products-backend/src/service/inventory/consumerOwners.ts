import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ownersOf } from '../entityRefs';

/** Refs per catalog request; the catalog answers a hundred at once well. */
const REFS_PER_REQUEST = 100;

/**
 * The owners of the entities that consume the inventory's products, by the
 * consumer's ref as the product's `dependencyOf` relation names it: what rule
 * `funding-follows-reuse` counts teams by. Read with the caller's
 * credentials, so a consumer the caller may not see is not counted (nor its
 * owner shown); a ref the catalog does not know has no entry.
 */
export async function readConsumerOwners(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  consumerRefs: Iterable<string>,
): Promise<Map<string, string[]>> {
  const refs = [...new Set(consumerRefs)];
  const owners = new Map<string, string[]>();
  for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
    const chunk = refs.slice(i, i + REFS_PER_REQUEST);
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: chunk,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.owner',
          'relations',
        ],
      },
      { credentials },
    );
    items.forEach((entity, index) => {
      if (entity) owners.set(chunk[index], ownersOf(entity));
    });
  }
  return owners;
}
