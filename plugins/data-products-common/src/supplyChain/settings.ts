/**
 * The supply-chain thresholds of dataproduct-spec.md as data, so a platform
 * team can tune them (`supplyChainSettingsFromConfig`).
 */

/** @public */
export interface SupplyChainSettings {
  volatility: {
    /** Fewer measured runs than this: unknown. Default 10. */
    minRuns: number;
    /** Coefficient of variation from which volatility is medium. Default 0.25. */
    medium: number;
    /** … and high (and a product with a P95 lead time over target, fragile). Default 0.5. */
    high: number;
  };
  errorBudget: {
    /** The owner is told when the 24 h burn rate reaches this. Default 10. */
    burnRateAlert: number;
    /** … with at least this many runs in those 24 h. Default 5. */
    burnRateMinRuns: number;
  };
  tierAtRisk: {
    /** Days of daily snapshots that must all score ≤ 2. Default 14. */
    days: number;
  };
}

/** The spec's defaults. @public */
export const DEFAULT_SUPPLY_CHAIN_SETTINGS: SupplyChainSettings = Object.freeze(
  {
    volatility: Object.freeze({ minRuns: 10, medium: 0.25, high: 0.5 }),
    errorBudget: Object.freeze({ burnRateAlert: 10, burnRateMinRuns: 5 }),
    tierAtRisk: Object.freeze({ days: 14 }),
  },
);
