import type { ApiScorecard } from '@stockroom/plugin-data-products-common';

/*
 * The supply-chain parts of a scorecard, named after the API document's
 * schemas (`SupplyChain`, `TierAtRisk`, …) so each component takes exactly
 * the part it shows.
 */

/** `supplyChain` of a scorecard, when the snapshot has it. */
export type SupplyChain = NonNullable<ApiScorecard['supplyChain']>;
/** A P50/P95 lead-time summary against `leadTime.target`. */
export type LeadTimeSummary = SupplyChain['leadTime'];
/** One of the newest successful runs, with what it absorbed. */
export type RecentRun = NonNullable<SupplyChain['recentRuns']>[number];
/** Lag and row-count spread, upstream drift. */
export type Volatility = SupplyChain['volatility'];
/** P95 over target and high volatility. */
export type FragileVerdict = SupplyChain['fragile'];
/** The P95 and P99 error budgets and the 24 h burn rate. */
export type ErrorBudgets = SupplyChain['errorBudgets'];
/** One error budget. */
export type ErrorBudget = ErrorBudgets['p95'];
/** `tierAtRisk` of a scorecard, when the snapshot has it. */
export type TierAtRisk = NonNullable<ApiScorecard['tierAtRisk']>;
