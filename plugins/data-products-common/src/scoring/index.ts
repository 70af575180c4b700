export {
  computeScorecard,
  overallScore,
  scoreRunWindow,
} from './computeScorecard';
export { scoreFreshness } from './freshness';
export { scoreReliability, breachesPer1000 } from './reliability';
export { scoreQuality, scoreQualityRate } from './quality';
export { scoreStability, calendarQuarter } from './stability';
export { scoreContract } from './contract';
export { scoreOwnership } from './ownership';
export { scoreReuse } from './reuse';
export { freshnessLagMs } from './lag';
export { formatCount, formatLag, formatRate, plural } from './format';
export {
  observedSchemaDrift,
  type ObservedDriftChange,
  type ObservedSchemaDrift,
} from './observedDrift';
export {
  runSlaVerdicts,
  slaBreachLine,
  type RunSlaVerdict,
} from './slaBreaches';
export { nearestRank, nearestRankSorted } from './percentile';
export {
  meanNullRate,
  meanDuplicateRate,
  type MeanRate,
  type RateSum,
} from './rates';
export {
  measureRunWindow,
  RunWindowMeter,
  type ColumnRateSums,
  type RunWindow,
} from './window';
export {
  DEFAULT_SCORE_THRESHOLDS,
  DEFAULT_SCORING_WINDOW_DAYS,
  type ScoreLadder,
  type ScoreThresholds,
} from './thresholds';
export { thresholdsFromConfig } from './thresholdsFromConfig';
export { SCORE_DIMENSIONS } from './types';
export type {
  ContractEvidence,
  DimensionScore,
  DriftEvidence,
  FreshnessEvidence,
  OwnershipChecks,
  OwnershipEvidence,
  OwnershipFacts,
  AssertionEvidence,
  QualityCheck,
  QualityObservation,
  QualityEvidence,
  ReliabilityEvidence,
  ReuseEvidence,
  ScorableContract,
  Score,
  ScoreDimension,
  Scorecard,
  ScorecardInput,
  StabilityEvidence,
  WindowBounds,
} from './types';
export type {
  ColumnCounts,
  ObservedField,
  RunStatus,
  ScoringRun,
  Timestamp,
} from './runs';
export { isBreachingNow } from './breachingNow';
export { timestampMs } from './runs';
