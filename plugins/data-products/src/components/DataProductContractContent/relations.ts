import {
  DEFAULT_NAMESPACE,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/** Distinct targets of an entity's relations of one type, sorted. */
export function relationTargets(
  entity: Entity | undefined,
  type: string,
): CompoundEntityRef[] {
  const seen = new Set<string>();
  const targets: CompoundEntityRef[] = [];
  for (const relation of entity?.relations ?? []) {
    if (relation.type !== type || seen.has(relation.targetRef)) {
      continue;
    }
    seen.add(relation.targetRef);
    try {
      targets.push(parseEntityRef(relation.targetRef));
    } catch {
      // a malformed relation is the catalog's problem, not the reader's
    }
  }
  return targets.sort((a, b) =>
    stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
  );
}

/**
 * A ref an owner wrote, made complete (`group:default/x`); undefined when
 * malformed.
 */
export function fullRef(
  ref: unknown,
  defaultKind: string,
  entity: Entity,
): string | undefined {
  if (typeof ref !== 'string' || !ref) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    return undefined;
  }
}

/** The owner as the catalog resolved it (`ownedBy`), else spec.owner. */
export function ownerRef(entity: Entity): string | undefined {
  const related = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (related) {
    return related.targetRef;
  }
  return fullRef(
    (entity.spec as { owner?: unknown } | undefined)?.owner,
    'group',
    entity,
  );
}
