import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { DATA_PRODUCT_API_VERSION, DATA_PRODUCT_KIND } from './constants';
import type { DataProductEntityV1alpha1, DataProductLifecycle } from './types';

/**
 * Where the catalog keeps the lifecycle details (everything but the stage).
 *
 * Owners write `spec.lifecycle` as an object (stage, dates, successor), as the
 * spec defines. Backstage, however, treats `spec.lifecycle` as a string on
 * every kind: the catalog table, entity header, About card and lifecycle
 * filter render it directly, and an object there crashes the catalog page
 * ("Objects are not valid as a React child"). So the processor stores
 * DataProducts in the catalog with `spec.lifecycle` = the stage and the rest
 * under `spec.lifecycleDetails`; {@link fromCatalogShape} restores the
 * authored form for the rule engine.
 *
 * @public
 */
export const LIFECYCLE_DETAILS_FIELD = 'lifecycleDetails';

/**
 * The catalog form of an authored DataProduct (see
 * {@link LIFECYCLE_DETAILS_FIELD}). Idempotent.
 *
 * @public
 */
export function toCatalogShape(entity: DataProductEntityV1alpha1): Entity {
  const lifecycle = entity.spec.lifecycle as unknown;
  if (!lifecycle || typeof lifecycle !== 'object') {
    return entity;
  }
  const { stage, ...details } = lifecycle as DataProductLifecycle;
  return {
    ...entity,
    spec: {
      ...(entity.spec as unknown as JsonObject),
      lifecycle: stage,
      [LIFECYCLE_DETAILS_FIELD]: details as JsonObject,
    },
  };
}

/**
 * The authored form of a DataProduct read from the catalog (or already
 * authored: then it is returned as is). Every surface that evaluates catalog
 * entities calls this first.
 *
 * @public
 */
export function fromCatalogShape(entity: Entity): DataProductEntityV1alpha1 {
  const spec = entity.spec as JsonObject | undefined;
  if (!spec || typeof spec.lifecycle !== 'string') {
    return entity as DataProductEntityV1alpha1;
  }
  const { [LIFECYCLE_DETAILS_FIELD]: details, ...rest } = spec;
  return {
    ...entity,
    apiVersion: entity.apiVersion as typeof DATA_PRODUCT_API_VERSION,
    kind: entity.kind as typeof DATA_PRODUCT_KIND,
    spec: {
      ...(rest as unknown as DataProductEntityV1alpha1['spec']),
      lifecycle: {
        ...((details as object | undefined) ?? {}),
        stage: spec.lifecycle,
      } as DataProductLifecycle,
    },
  };
}
