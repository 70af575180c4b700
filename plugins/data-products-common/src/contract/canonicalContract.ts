import type { SchemaField } from '../kind/types';
import type { NormalizedContract } from './types';

/**
 * One spelling per meaning, so that equal contracts are equal objects (the
 * diff, the fingerprint and the ODCS round trip compare them): `required:
 * false` and `key: none` are the defaults and left out, so are empty
 * objects and an empty key-field list, and nothing holds `undefined`.
 * Returns fresh objects; the entity is never shared or changed.
 */
export function canonicalContract(
  contract: NormalizedContract,
): NormalizedContract {
  return defined({
    schema: (contract.schema ?? []).map(canonicalField),
    freshness: nonEmpty(contract.freshness),
    availability: contract.availability,
    accessPatterns: (contract.accessPatterns ?? []).map(pattern =>
      defined({ ...pattern }),
    ),
    lineage: { upstreams: [...(contract.lineage?.upstreams ?? [])] },
    quality: nonEmpty(
      contract.quality && {
        ...contract.quality,
        keyFields: contract.quality.keyFields?.length
          ? [...contract.quality.keyFields]
          : undefined,
      },
    ),
    escalation: nonEmpty(contract.escalation),
    version: contract.version,
    stage: contract.stage,
    sunsetOn: contract.sunsetOn,
    cost: nonEmpty(contract.cost),
  });
}

function canonicalField(field: SchemaField): SchemaField {
  return defined({
    ...field,
    required: field?.required === true ? true : undefined,
    key: field?.key === 'none' ? undefined : field?.key,
  });
}

function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  if (!value) {
    return undefined;
  }
  const result = defined({ ...value });
  return Object.keys(result).length > 0 ? result : undefined;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as T;
}
