import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { fromCatalogShape } from '@stockroom/plugin-data-products-common';
import { ProductSighting } from '../../database/ProductSightingsStore';
import { ownersOf } from '../entityRefs';

/** What the plugin remembers of a DataProduct it saw in the catalog. */
export function productSighting(entity: Entity): ProductSighting {
  const product = fromCatalogShape(entity);
  const owner = ownersOf(entity)[0];
  const stage = product.spec?.lifecycle?.stage;
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  return {
    entityRef: stringifyEntityRef(entity),
    ...(owner ? { owner } : {}),
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(typeof stage === 'string' ? { stage } : {}),
    ...(location ? { location } : {}),
  };
}
