import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { KnownProduct } from '../../database/ProductSightingsStore';

/**
 * Set by the catalog on an entity no file defines any more (catalog-model
 * exports no constant for it).
 */
export const ORPHAN_ANNOTATION = 'backstage.io/orphan';

/**
 * Why a product the plugin knows is not (or soon not) what its file says:
 * - `gone`: the catalog no longer has it. Its file stopped defining it (an
 *   invalid rename, an emptied or deleted file) and the orphan cleanup
 *   deleted it, or someone unregistered it.
 * - `orphaned`: still in the catalog, but no file defines it any more; the
 *   catalog deletes it at its next orphan cleanup (`orphanStrategy: delete`).
 * - `stale`: in the catalog, but the catalog fails to read its file (a list
 *   document, broken YAML): it stays as it last was, and edits never arrive.
 */
export type MissingStatus = 'gone' | 'orphaned' | 'stale';

export interface MissingProduct {
  known: KnownProduct;
  status: MissingStatus;
}

/** A file (`type:target` location ref) the catalog currently fails on. */
export type FailingLocations = ReadonlyMap<string, string[]>;

/**
 * The known products that are gone, orphaned or stale, by entity ref.
 * `present` is every DataProduct the catalog has now (read with the plugin's
 * own credentials, so a product hidden from a caller is not called gone).
 * A product last seen `retired` is expected to be removed and is left out.
 */
export function findMissingProducts(
  known: KnownProduct[],
  present: Entity[],
  failing: FailingLocations,
): MissingProduct[] {
  const presentByRef = new Map(
    present.map(entity => [stringifyEntityRef(entity), entity]),
  );
  const missing: MissingProduct[] = [];
  for (const product of known) {
    const entity = presentByRef.get(product.entityRef);
    const status = entity ? presentStatus(entity, failing) : 'gone';
    if (!status || (status === 'gone' && product.stage === 'retired')) {
      continue;
    }
    missing.push({ known: product, status });
  }
  return missing.sort((a, b) =>
    a.known.entityRef.localeCompare(b.known.entityRef),
  );
}

function presentStatus(
  entity: Entity,
  failing: FailingLocations,
): MissingStatus | undefined {
  const annotations = entity.metadata.annotations ?? {};
  if (annotations[ORPHAN_ANNOTATION] === 'true') {
    return 'orphaned';
  }
  const location = annotations[ANNOTATION_LOCATION];
  return location && failing.has(location) ? 'stale' : undefined;
}
