import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyLocationRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { FailingLocations } from './findMissingProducts';

/** The status item type under which the catalog reports processing errors. */
const PROCESSING_STATUS = 'backstage.io/catalog-processing';

/**
 * The files the catalog currently fails to read, by location ref
 * (`type:target`), with its error messages. The catalog keeps a file's
 * processing errors on the Location entity that reads it (`status.items`),
 * not on the entities the file defines: a list document, for one, fails
 * there with "Expected object at root, got object".
 */
export async function readFailingLocations(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<FailingLocations> {
  const failing = new Map<string, string[]>();
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: 'Location' },
      fields: ['kind', 'metadata.name', 'spec.type', 'spec.target', 'status'],
    },
    { credentials },
  )) {
    for (const location of page) {
      const { type, target } = location.spec ?? {};
      const messages = ((location as AlphaEntity).status?.items ?? [])
        .filter(item => item.type === PROCESSING_STATUS)
        .map(item => item.message);
      if (typeof type === 'string' && typeof target === 'string') {
        if (messages.length > 0) {
          failing.set(stringifyLocationRef({ type, target }), messages);
        }
      }
    }
  }
  return failing;
}
