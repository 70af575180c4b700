/**
 * Platform defaults for estimating what another freshness tier would cost
 * when an owner declares no `cost.options` (dataproduct-spec.md "Freshness
 * versus cost"): a cost multiplier per tier, and the P95 lag a tier
 * typically delivers — without the latter no estimate could say how much
 * lag a tier move saves.
 */
import type { DurationText, FreshnessTier } from '../kind/types';

/** @public */
export interface CostSettings {
  /** `stockroom.costs.tierMultipliers`: relative monthly cost of each tier. */
  tierMultipliers: Readonly<Record<FreshnessTier, number>>;
  /** `stockroom.costs.tierTypicalP95`: the P95 lag each tier typically delivers. */
  tierTypicalP95: Readonly<Record<FreshnessTier, DurationText>>;
}

/**
 * The spec's example multipliers (streaming 4×, micro-batch 1.5×, daily 1×)
 * and the P95 of its example contract and options (1m, 30m, 1d).
 *
 * @public
 */
export const DEFAULT_COST_SETTINGS: CostSettings = Object.freeze({
  tierMultipliers: Object.freeze({
    streaming: 4,
    'micro-batch': 1.5,
    daily: 1,
  }),
  tierTypicalP95: Object.freeze({
    streaming: '1m',
    'micro-batch': '30m',
    daily: '1d',
  }),
});

/** Freshest first: the order in which one tier is "fresher" than another. @public */
export const TIERS_FRESHEST_FIRST: readonly FreshnessTier[] = Object.freeze([
  'streaming',
  'micro-batch',
  'daily',
]);
