import { Entity } from '@backstage/catalog-model';
import {
  DataProductLifecycle,
  RELATION_SUPERSEDED_BY,
} from '@stockroom/plugin-data-products-common';

/** The declared successor, else the newer product the catalog relates. */
export function successorRef(
  entity: Entity,
  lifecycle: Partial<DataProductLifecycle> | undefined,
): string | undefined {
  if (typeof lifecycle?.successor === 'string' && lifecycle.successor) {
    return lifecycle.successor;
  }
  return entity.relations?.find(r => r.type === RELATION_SUPERSEDED_BY)
    ?.targetRef;
}
