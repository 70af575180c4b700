import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** Entities per streamed page, as the catalog client pages. */
const STREAM_PAGE = 500;

/**
 * The in-memory catalog service of Backstage's test utils, answering
 * look-ups by ref from an index and streaming entities of one kind from a
 * list. The mock builds a map of every entity on each `getEntitiesByRefs`
 * call, and filters every entity again for each page it streams: 10,000
 * entities took 15.9 s to stream and 10,000 look-ups were quadratic — work
 * the real catalog (indexed tables) never does, which would be billed to
 * scoring. Everything else is the mock's.
 */
export function indexedCatalog(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const byRef = new Map(
    entities.map(entity => [stringifyEntityRef(entity), entity]),
  );
  catalog.getEntitiesByRefs = (async (request: { entityRefs: string[] }) => ({
    items: request.entityRefs.map(ref => byRef.get(ref)),
  })) as typeof catalog.getEntitiesByRefs;
  const byKind = new Map<string, Entity[]>();
  for (const entity of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    byKind.set(kind, [...(byKind.get(kind) ?? []), entity]);
  }
  const stream = catalog.streamEntities.bind(catalog);
  catalog.streamEntities = ((request: any, options: any) => {
    const kind = request?.filter?.kind;
    const keys = request?.filter ? Object.keys(request.filter) : [];
    if (typeof kind !== 'string' || keys.length !== 1 || request.fields) {
      return stream(request, options);
    }
    const matching = byKind.get(kind.toLocaleLowerCase('en-US')) ?? [];
    return (async function* pages() {
      for (let i = 0; i < matching.length; i += STREAM_PAGE) {
        yield matching.slice(i, i + STREAM_PAGE);
      }
    })();
  }) as typeof catalog.streamEntities;
  return catalog;
}
