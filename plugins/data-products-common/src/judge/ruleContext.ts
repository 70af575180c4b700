import {
  type Entity,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { fromCatalogShape } from '../kind/catalogShape';
import type { DataProductEntityV1alpha1 } from '../kind/types';

/**
 * The product a DataProduct supersedes, as written (`lifecycle.supersedes`,
 * else `migration.from`): the entity whose contract a caller fetches for
 * `judgeDataProduct(…, { supersededContract })`. Undefined when it
 * supersedes nothing.
 *
 * @public
 */
export function supersededRefOf(
  entity: Entity | DataProductEntityV1alpha1,
): string | undefined {
  const spec = fromCatalogShape(entity as Entity).spec;
  for (const ref of [spec?.lifecycle?.supersedes, spec?.migration?.from]) {
    if (typeof ref === 'string' && ref.trim() !== '') return ref.trim();
  }
  return undefined;
}

/**
 * The entities that still depend on a product, from its catalog relations
 * (`dependencyOf`, the reverse of their `dependsOn`), sorted and each once:
 * the `dependents` of `judgeDataProduct(…, { dependents })`. The product
 * itself is never its own dependent.
 *
 * @public
 */
export function dependentsOf(entity: Entity): string[] {
  const self = selfRef(entity);
  const refs = new Set<string>();
  for (const relation of entity.relations ?? []) {
    if (
      relation.type === RELATION_DEPENDENCY_OF &&
      relation.targetRef.toLocaleLowerCase('en-US') !== self
    ) {
      refs.add(relation.targetRef);
    }
  }
  return [...refs].sort();
}

// Relation refs are lower-case (`dataproduct:default/orders`).
function selfRef(entity: Entity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  }).toLocaleLowerCase('en-US');
}
