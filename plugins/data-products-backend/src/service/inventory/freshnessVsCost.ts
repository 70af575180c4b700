import {
  ApiInventoryItem,
  CostSettings,
  DEFAULT_COST_SETTINGS,
  unitCostOfFreshness,
} from '@stockroom/plugin-data-products-common';
import { StoredFreshnessEvidence } from '../../database/ScorecardSnapshotStore';
import { InventoryListing } from './inventoryRows';

type FreshnessVsCost = NonNullable<ApiInventoryItem['freshnessVsCost']>;
type ObservedLag = FreshnessVsCost['observedLag'];

/**
 * What the inventory's "Freshness vs cost" view shows of one product: the
 * P95 lag its latest snapshot measured, and what each other freshness tier
 * would cost (dataproduct-spec.md "Freshness versus cost"), each with its
 * evidence or unknown with the reason. Read from the snapshot and priced by
 * `unitCostOfFreshness`, never recomputed from runs.
 */
export function freshnessVsCost(
  row: InventoryListing,
  stored: StoredFreshnessEvidence | undefined,
  costs: CostSettings = DEFAULT_COST_SETTINGS,
): FreshnessVsCost {
  const { cost, freshness } = row.pricing;
  return {
    observedLag: observedLag(row, stored),
    unitCostOfFreshness: unitCostOfFreshness(
      // The currency as the inventory shows it (upper case), so the price
      // and the product's cost read alike.
      cost ? { ...cost, currency: row.cost.currency ?? undefined } : undefined,
      freshness,
      costs,
    ),
  };
}

/** The freshness dimension's evidence as the scoring task stored it. */
interface StoredFreshness {
  evidence?: {
    window?: { from?: unknown; to?: unknown };
    runs?: unknown;
    measuredRuns?: unknown;
    p95LagMs?: unknown;
    promisedP95Ms?: unknown;
  };
  summary?: unknown;
}

function observedLag(
  row: InventoryListing,
  stored: StoredFreshnessEvidence | undefined,
): ObservedLag {
  if (row.computedAt === null) {
    return unknown('Not scored yet: the product has no scorecard snapshot');
  }
  const freshness = stored?.freshness as StoredFreshness | null | undefined;
  const evidence = freshness?.evidence;
  if (!stored || typeof evidence !== 'object' || evidence === null) {
    return unknown(
      'The latest scorecard snapshot holds no freshness evidence; the next scoring records it',
    );
  }
  const { window } = evidence;
  const measured = {
    takenAt: stored.takenAt.toISOString(),
    window:
      typeof window?.from === 'string' && typeof window?.to === 'string'
        ? { from: window.from, to: window.to }
        : null,
    runs: numberOrNull(evidence.runs),
    measuredRuns: numberOrNull(evidence.measuredRuns),
    promisedP95Ms: numberOrNull(evidence.promisedP95Ms),
  };
  const p95Ms = numberOrNull(evidence.p95LagMs);
  if (p95Ms === null) {
    const summary =
      typeof freshness?.summary === 'string' ? freshness.summary : undefined;
    return {
      p95Ms,
      reason: summary ?? 'No lag measured in the latest snapshot’s window',
      evidence: measured,
    };
  }
  return { p95Ms, reason: null, evidence: measured };
}

function unknown(reason: string): ObservedLag {
  return { p95Ms: null, reason, evidence: null };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
