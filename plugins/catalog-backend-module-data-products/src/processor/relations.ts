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
import { sameTarget } from './sameTarget';
import * as common from '@stockroom/plugin-data-products-common';
import type { DataProductEntityV1alpha1 } from '@stockroom/plugin-data-products-common';

// Read once, not through -common's re-export getters on every use (see
// DataProductProcessor.ts).
const { RELATION_SUPERSEDED_BY, RELATION_SUPERSEDES } = common;

/** One relation from the product to `target`, and the reverse type the target gets. */
export interface DataProductRelation {
  type: string;
  reverseType: string;
  target: CompoundEntityRef;
}

/**
 * The relations a DataProduct implies, as listed in the spec: ownership,
 * domain/system membership, dependencies (lineage upstreams and the API
 * entities behind api access patterns) and version succession.
 *
 * Refs in the YAML may omit kind or namespace; like the built-in kinds we fill
 * them in from the field's meaning and the product's own namespace. A
 * relation already listed (same type and target, in any letter case) is
 * listed once, first come first kept. Runs for every product on every
 * processing: one pass, each ref parsed once, duplicates dropped as found.
 */
export function dataProductRelations(
  entity: DataProductEntityV1alpha1,
): DataProductRelation[] {
  const defaultNamespace = entity.metadata.namespace ?? 'default';
  const { spec } = entity;
  const relations: DataProductRelation[] = [];
  const add = (
    ref: string | undefined,
    defaultKind: string,
    type: string,
    reverseType: string,
  ) => {
    if (!ref) return;
    // exactly { kind, namespace, name }: the target as it is, not copied
    const target = parseEntityRef(ref, { defaultKind, defaultNamespace });
    // A handful of relations: each compared with those of its type, without
    // a lowercased key built for each (the relation types differ in more
    // than case).
    for (const listed of relations) {
      if (listed.type === type && sameTarget(listed.target, target)) return;
    }
    relations.push({ type, reverseType, target });
  };

  add(spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
  add(spec.domain, 'Domain', RELATION_PART_OF, RELATION_HAS_PART);
  add(spec.system, 'System', RELATION_PART_OF, RELATION_HAS_PART);
  for (const upstream of spec.contract?.lineage?.upstreams ?? []) {
    add(upstream, 'DataProduct', RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
  }
  for (const pattern of spec.contract?.accessPatterns ?? []) {
    add(pattern.api, 'API', RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
  }
  // lifecycle.supersedes and migration.from usually name the same product:
  // the pair is emitted once.
  add(
    spec.lifecycle?.supersedes,
    'DataProduct',
    RELATION_SUPERSEDES,
    RELATION_SUPERSEDED_BY,
  );
  add(
    spec.migration?.from,
    'DataProduct',
    RELATION_SUPERSEDES,
    RELATION_SUPERSEDED_BY,
  );
  // A product that names its successor is superseded by it: the same pair as
  // the successor's own `supersedes`, so the chain holds if either side says it.
  add(
    spec.lifecycle?.successor,
    'DataProduct',
    RELATION_SUPERSEDED_BY,
    RELATION_SUPERSEDES,
  );
  return relations;
}
