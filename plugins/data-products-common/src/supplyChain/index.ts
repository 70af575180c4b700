export type {
  AbsorbedRun,
  LeadTimeEvidence,
  LeadTimeSummary,
  LeadTimeUnknownCause,
  LineageProduct,
  RunLeadTime,
  SupplyChainRun,
} from './types';
export { UpstreamRunIndex } from './upstreamRuns';
export { runLeadTime, runLeadTimes, upstreamsOfRun } from './leadTime';
export { summarizeLeadTimes } from './leadTimeSummary';
export {
  LineageGraph,
  type ChainLink,
  type EndToEndLeadTime,
  type LeadTimeItem,
} from './endToEnd';
export { SharedHops } from './sharedHops';
export { findLineageCycles, type LineageCycle } from './lineageCycles';
export {
  coefficientOfVariation,
  measureVolatility,
  successfulRowCounts,
  volatilityLevel,
  type Spread,
  type UpstreamDrift,
  type Volatility,
  type VolatilityLevel,
} from './volatility';
export { judgeFragile, type FragileVerdict } from './fragile';
export {
  computeErrorBudgets,
  measureErrorBudgets,
  errorBudgetNotices,
  isBudgetExhausted,
  isBurnRateAlarming,
  type BurnRate,
  type ErrorBudget,
  type ErrorBudgetNotice,
  type ErrorBudgets,
} from './errorBudget';
export {
  judgeTierAtRisk,
  shouldNotifyTierAtRisk,
  type ScoreSnapshot,
  type TierAtRisk,
  type TierAtRiskDimension,
} from './tierAtRisk';
export {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';
export { supplyChainSettingsFromConfig } from './supplyChainSettingsFromConfig';
export { declaredUpstreamRefs } from './upstreamRefs';
export {
  computeSupplyChain,
  type SupplyChainInput,
  type SupplyChainReport,
} from './computeSupplyChain';
export {
  computeSupplyChainDays,
  firstAtOrAfter,
} from './computeSupplyChainDays';
