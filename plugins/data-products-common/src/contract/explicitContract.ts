import type { DataProductEntityV1alpha1 } from '../kind/types';
import type { NormalizedContract } from './types';

/**
 * What the entity states itself, outside any ODCS document: the explicit
 * `spec.contract` fields, `spec.version`, the lifecycle stage and sunset,
 * `spec.cost`. Read defensively, since surfaces may normalize before or
 * without validating; a part of the wrong shape counts as not written.
 */
export function explicitContract(
  entity: DataProductEntityV1alpha1,
): Partial<NormalizedContract> {
  const spec = (entity?.spec ?? {}) as Partial<
    DataProductEntityV1alpha1['spec']
  >;
  const contract = objectOr(spec.contract);
  const lifecycle = objectOr(spec.lifecycle);
  return {
    schema: arrayOr(contract.schema),
    freshness: objectOrUndefined(contract.freshness),
    availability: contract.availability,
    accessPatterns: arrayOr(contract.accessPatterns),
    lineage: objectOrUndefined(
      contract.lineage,
    ) as NormalizedContract['lineage'],
    quality: objectOrUndefined(contract.quality),
    escalation: objectOrUndefined(contract.escalation),
    version: spec.version,
    stage: lifecycle.stage,
    sunsetOn: lifecycle.sunsetOn,
    cost: objectOrUndefined(spec.cost),
  };
}

function objectOr<T extends object>(value: T | undefined): Partial<T> {
  return objectOrUndefined(value) ?? {};
}

function objectOrUndefined<T>(value: T | undefined): T | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? value
    : undefined;
}

function arrayOr<T>(value: T[] | undefined): T[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
