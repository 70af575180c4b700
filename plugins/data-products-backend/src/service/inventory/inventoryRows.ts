import { ScoreDimension } from '@stockroom/plugin-data-products-common';
import { LatestScores } from '../../database/InventorySnapshotReader';
import { EvaluatedCatalogProduct } from './InventoryCatalog';

/** A product of the inventory: catalog facts, today's state, latest scores. */
export interface InventoryRow extends EvaluatedCatalogProduct {
  overall: number | null;
  scores: Record<ScoreDimension, number | null>;
  breaching: boolean;
  /** When the latest snapshot was taken; null when there is none yet. */
  computedAt: Date | null;
}

const UNKNOWN_SCORES: Record<ScoreDimension, null> = Object.freeze({
  freshness: null,
  reliability: null,
  quality: null,
  stability: null,
  contract: null,
  ownership: null,
  reuse: null,
});

/**
 * Whether a product breaches its SLA now, by its latest snapshot:
 *
 * - freshness 3 or lower: the scoring window's measured P95 lag is beyond
 *   the promised p95 (the engine's 5 and 4 both need P95 ≤ p95), or
 * - reliability 2 or lower: more SLA breaches — failed runs, and runs later
 *   than the p99 SLA (p95 when no p99) — than the reliability ladder allows
 *   a 3 (50 per 1,000 runs by default).
 *
 * Unknown scores never breach. Both come from the snapshot's columns, which
 * the engine's evidence decided when the snapshot was taken.
 */
export function isBreaching(scores: {
  freshness: number | null;
  reliability: number | null;
}): boolean {
  return (
    (scores.freshness !== null && scores.freshness <= 3) ||
    (scores.reliability !== null && scores.reliability <= 2)
  );
}

/**
 * The inventory: every product the caller sees, with its latest snapshot if
 * it has one. Snapshots of products the caller does not see are dropped.
 */
export function inventoryRows(
  products: EvaluatedCatalogProduct[],
  latest: ReadonlyMap<string, LatestScores>,
): InventoryRow[] {
  return products.map(product => {
    const snapshot = latest.get(product.entityRef);
    const scores = snapshot?.scores ?? UNKNOWN_SCORES;
    return {
      ...product,
      overall: snapshot?.overall ?? null,
      scores,
      breaching: isBreaching(scores),
      computedAt: snapshot?.takenAt ?? null,
    };
  });
}
