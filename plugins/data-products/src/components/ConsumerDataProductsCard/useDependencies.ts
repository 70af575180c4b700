import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { DATA_PRODUCT_KIND } from '@stockroom/plugin-data-products-common';
import {
  dataProductsApiRef,
  type DataProductsApi,
  type DataProductsInventoryApi,
} from '../../api';

const DATA_PRODUCT = DATA_PRODUCT_KIND.toLocaleLowerCase('en-US');
/** Kinds whose parts' dependencies a System card lists. */
const PART_KINDS = ['component', 'resource'];
/** At most this many inventory pages are read to learn what breaches. */
const MAX_BREACHING_PAGES = 5;

function kindOf(ref: string): string | undefined {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function normalized(ref: string): string {
  return stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');
}

/** Distinct targets of `type` relations whose kind is one of `kinds`. */
function targets(
  entity: Entity | undefined,
  type: string,
  kinds: string[],
): string[] {
  const refs = new Set<string>();
  for (const relation of entity?.relations ?? []) {
    const kind = kindOf(relation.targetRef);
    if (relation.type === type && kind && kinds.includes(kind)) {
      refs.add(normalized(relation.targetRef));
    }
  }
  return [...refs].sort();
}

function isSystem(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'system';
}

/** A data product the entity (or, for a system, one of its parts) depends on. */
export interface Dependency {
  /** Normalized entity ref, lower case. */
  ref: string;
  /** The product as the catalog has it; undefined when it is not there. */
  entity?: Entity;
  /** The parts of a system that depend on it; empty for a direct one. */
  via: string[];
  /** The latest overall score; null when unknown. */
  overall?: number | null;
  /** The scorecard could not be read. */
  scoreFailed?: boolean;
  /** Breaching its SLA now; undefined when that could not be learned. */
  breaching?: boolean;
}

/** The refs of the products in breach, following at most a few pages. */
async function breachingRefs(
  api: DataProductsInventoryApi,
): Promise<Set<string>> {
  const refs = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_BREACHING_PAGES; page++) {
    const answer = await api.getInventory({
      breaching: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of answer.items) refs.add(normalized(item.entityRef));
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return refs;
}

async function overallScores(
  api: DataProductsApi,
  entities: Entity[],
): Promise<Map<string, number | null | 'failed'>> {
  const answers = await Promise.allSettled(
    entities.map(entity => api.getScorecard(getCompoundEntityRef(entity))),
  );
  return new Map(
    entities.map((entity, index) => {
      const answer = answers[index];
      return [
        normalized(stringifyEntityRef(entity)),
        answer.status === 'fulfilled'
          ? answer.value?.overall ?? null
          : 'failed',
      ];
    }),
  );
}

/**
 * The data products an entity depends on: its `dependsOn` relations to
 * DataProducts (for a System, also those of its component and resource
 * parts), read from the catalog, with each product's overall score (its
 * scorecard) and whether it breaches now (one inventory request for the
 * breaching products). Requests: one to the catalog (two for a system),
 * one scorecard per product, one inventory page or a few.
 */
export function useDependencies(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(dataProductsApiRef);
  const system = isSystem(entity);
  const entityKey = stringifyEntityRef(entity);

  const direct = useMemo(
    () => targets(entity, RELATION_DEPENDS_ON, [DATA_PRODUCT]),
    [entity],
  );
  const partRefs = useMemo(
    () => (system ? targets(entity, RELATION_HAS_PART, PART_KINDS) : []),
    [entity, system],
  );

  const directKey = direct.join(',');
  const partsKey = partRefs.join(',');
  const graph = useAsync(async () => {
    const via = new Map<string, string[]>(direct.map(ref => [ref, []]));
    if (partRefs.length > 0) {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: partRefs,
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      });
      for (const part of items) {
        if (!part) continue;
        const partRef = stringifyEntityRef(part);
        for (const ref of targets(part, RELATION_DEPENDS_ON, [DATA_PRODUCT])) {
          via.set(ref, [...(via.get(ref) ?? []), partRef]);
        }
      }
    }
    const refs = [...via.keys()].sort();
    if (refs.length === 0) return [];
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    return refs.map(
      (ref, index): Dependency => ({
        ref,
        entity: items[index] ?? undefined,
        via: via.get(ref) ?? [],
      }),
    );
    // the refs are derived from the keys
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, entityKey, directKey, partsKey]);

  const found = useMemo(
    () =>
      (graph.value ?? [])
        .map(dependency => dependency.entity)
        .filter((e): e is Entity => e !== undefined),
    [graph.value],
  );
  const foundKey = found.map(e => stringifyEntityRef(e)).join(',');

  const scores = useAsync(
    async () => (found.length ? overallScores(api, found) : new Map()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, foundKey],
  );
  const breaching = useAsync(
    async () => (found.length ? breachingRefs(api) : new Set<string>()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, foundKey],
  );

  const dependencies = useMemo(
    () =>
      graph.value?.map((dependency): Dependency => {
        const score = scores.value?.get(dependency.ref);
        return {
          ...dependency,
          overall: score === 'failed' ? undefined : score,
          scoreFailed: score === 'failed',
          breaching: breaching.value?.has(dependency.ref),
        };
      }),
    [graph.value, scores.value, breaching.value],
  );

  return {
    dependencies,
    loading: graph.loading,
    error: graph.error,
    scoresLoading: scores.loading,
    breachingLoading: breaching.loading,
    /** The breaching check failed: say so rather than implying "not breaching". */
    breachingError: breaching.error,
    isSystem: system,
  };
}
