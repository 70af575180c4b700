import type { SchemaField } from '../kind/types';
import type { NormalizedContract } from './types';

/**
 * The explicit contract over the ODCS-mapped one, field by field: an
 * explicit `freshness.p95` keeps an ODCS latency as p99, an explicit
 * `escalation.onCall` keeps the ODCS support channel. Schema fields merge by
 * name (an explicit entry overrides the attributes it states, explicit-only
 * fields follow the ODCS ones); lists of other things (access patterns,
 * upstreams, key fields) are replaced whole, since half of two lists is
 * nobody's intent.
 */
export function mergeContracts(
  explicit: Partial<NormalizedContract>,
  mapped: Partial<NormalizedContract>,
): NormalizedContract {
  return {
    schema: mergeSchema(explicit.schema, mapped.schema),
    freshness: mergeObjects(mapped.freshness, explicit.freshness),
    availability: explicit.availability ?? mapped.availability,
    accessPatterns: explicit.accessPatterns ?? mapped.accessPatterns ?? [],
    lineage: {
      upstreams: explicit.lineage?.upstreams ?? mapped.lineage?.upstreams ?? [],
    },
    quality: mergeObjects(mapped.quality, explicit.quality),
    escalation: mergeObjects(mapped.escalation, explicit.escalation),
    version: explicit.version ?? mapped.version,
    stage: explicit.stage ?? mapped.stage,
    sunsetOn: explicit.sunsetOn ?? mapped.sunsetOn,
    cost: mergeObjects(mapped.cost, explicit.cost),
  };
}

function mergeObjects<T extends object>(
  under: T | undefined,
  over: T | undefined,
): T | undefined {
  if (!under || !over) {
    return over ?? under;
  }
  const merged: Record<string, unknown> = { ...(under as object) };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged as T;
}

function mergeSchema(
  explicit: SchemaField[] | undefined,
  mapped: SchemaField[] | undefined,
): SchemaField[] {
  if (!mapped || !explicit) {
    return explicit ?? mapped ?? [];
  }
  const byName = new Map(
    explicit.filter(field => field?.name).map(field => [field.name, field]),
  );
  const merged = mapped.map(
    field => mergeObjects(field, byName.get(field.name))!,
  );
  const mappedNames = new Set(mapped.map(field => field.name));
  return [
    ...merged,
    ...explicit.filter(field => !field?.name || !mappedNames.has(field.name)),
  ];
}
