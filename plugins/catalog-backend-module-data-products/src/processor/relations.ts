import {
  CompoundEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  RELATION_SUPERSEDED_BY,
  RELATION_SUPERSEDES,
} from '@stockroom/plugin-data-products-common';

/** One relation from the product to `target`, and the reverse type the target gets. */
export interface DataProductRelation {
  type: string;
  reverseType: string;
  target: CompoundEntityRef;
}

type RefContext = { defaultKind?: string; defaultNamespace: string };

/**
 * The relations a DataProduct implies, as listed in the spec: ownership,
 * domain/system membership, dependencies (lineage upstreams and the API
 * entities behind api access patterns) and version succession.
 *
 * Refs in the YAML may omit kind or namespace; like the built-in kinds we fill
 * them in from the field's meaning and the product's own namespace.
 */
export function dataProductRelations(
  entity: DataProductEntityV1alpha1,
): DataProductRelation[] {
  const namespace = entity.metadata.namespace ?? 'default';
  const { spec } = entity;
  const relations: DataProductRelation[] = [];
  const add = (
    refs: string | undefined | Array<string | undefined>,
    context: RefContext,
    type: string,
    reverseType: string,
  ) => {
    for (const ref of [refs].flat()) {
      if (!ref) continue;
      const { kind, namespace: ns, name } = parseEntityRef(ref, context);
      relations.push({
        type,
        reverseType,
        target: { kind, namespace: ns, name },
      });
    }
  };

  add(
    spec.owner,
    { defaultKind: 'Group', defaultNamespace: namespace },
    RELATION_OWNED_BY,
    RELATION_OWNER_OF,
  );
  add(
    spec.domain,
    { defaultKind: 'Domain', defaultNamespace: namespace },
    RELATION_PART_OF,
    RELATION_HAS_PART,
  );
  add(
    spec.system,
    { defaultKind: 'System', defaultNamespace: namespace },
    RELATION_PART_OF,
    RELATION_HAS_PART,
  );
  add(
    spec.contract?.lineage?.upstreams,
    { defaultKind: 'DataProduct', defaultNamespace: namespace },
    RELATION_DEPENDS_ON,
    RELATION_DEPENDENCY_OF,
  );
  add(
    spec.contract?.accessPatterns?.map(pattern => pattern.api),
    { defaultKind: 'API', defaultNamespace: namespace },
    RELATION_DEPENDS_ON,
    RELATION_DEPENDENCY_OF,
  );
  // lifecycle.supersedes and migration.from usually name the same product:
  // emit the pair once.
  const superseded = new Set(
    [spec.lifecycle?.supersedes, spec.migration?.from].filter(
      (ref): ref is string => Boolean(ref),
    ),
  );
  add(
    [...superseded],
    { defaultKind: 'DataProduct', defaultNamespace: namespace },
    RELATION_SUPERSEDES,
    RELATION_SUPERSEDED_BY,
  );
  // A product that names its successor is superseded by it: the same pair as
  // the successor's own `supersedes`, so the chain holds if either side says it.
  add(
    spec.lifecycle?.successor,
    { defaultKind: 'DataProduct', defaultNamespace: namespace },
    RELATION_SUPERSEDED_BY,
    RELATION_SUPERSEDES,
  );
  return dedupe(relations);
}

function dedupe(relations: DataProductRelation[]): DataProductRelation[] {
  const seen = new Set<string>();
  return relations.filter(({ type, target }) => {
    const key =
      `${type}|${target.kind}:${target.namespace}/${target.name}`.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
