/**
 * Facts every scorecard of a product reads besides its runs, shared by the
 * live snapshot (ScorecardService) and the past days of its history
 * (ProductHistory), so both score from the same evidence.
 */
import { Entity, RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The calendar quarter containing now starts at most 92 days before it. */
export const QUARTER_LOOKBACK_MS = 93 * DAY_MS;

/** Distinct catalog entities that depend on the product. */
export function consumerCountOf(product: Entity): number {
  return new Set(
    (product.relations ?? [])
      .filter(relation => relation.type === RELATION_DEPENDENCY_OF)
      .map(relation => relation.targetRef),
  ).size;
}

/**
 * When the product's incidents since `since` opened, and whether its
 * contract ever changed: the stability score's evidence besides runs.
 * Without the contract-history store, neither is known: no incidents and
 * no change.
 */
export async function driftFactsOf(
  contractHistory: ContractHistoryStore | undefined,
  entityRef: string,
  since: Date,
): Promise<{ incidentsOpenedAt: Date[]; hasContractChange: boolean }> {
  if (!contractHistory) {
    return { incidentsOpenedAt: [], hasContractChange: false };
  }
  const [incidents, hasContractChange] = await Promise.all([
    contractHistory.listIncidentsOpenedSince(since, { entityRef }),
    contractHistory.hasContractChange(entityRef),
  ]);
  return {
    incidentsOpenedAt: incidents.map(incident => incident.openedAt),
    hasContractChange,
  };
}

/** When each of `upstreams`' drift incidents since `since` opened. */
export async function upstreamDriftOf(
  contractHistory: ContractHistoryStore | undefined,
  upstreams: readonly string[],
  since: Date,
): Promise<Array<{ entityRef: string; openedAt: Date[] }>> {
  if (!contractHistory || upstreams.length === 0) return [];
  return Promise.all(
    upstreams.map(async entityRef => ({
      entityRef,
      openedAt: (
        await contractHistory.listIncidentsOpenedSince(since, { entityRef })
      ).map(incident => incident.openedAt),
    })),
  );
}
