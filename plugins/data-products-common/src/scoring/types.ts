import type { DataContract } from '../kind/types';
import type { ScoreLadder } from './thresholds';
import type { ColumnCounts, ScoringRun, Timestamp } from './runs';

/** @public */
export type Score = 1 | 2 | 3 | 4 | 5;

/** @public */
export const SCORE_DIMENSIONS = [
  'freshness',
  'reliability',
  'quality',
  'stability',
  'contract',
  'ownership',
  'reuse',
] as const;

/** @public */
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

/**
 * The parts of a contract the scorecard reads. Both a `spec.contract` and a
 * normalized contract (src/contract) fit.
 *
 * @public
 */
export type ScorableContract = Pick<
  DataContract,
  | 'schema'
  | 'freshness'
  | 'accessPatterns'
  | 'lineage'
  | 'quality'
  | 'escalation'
>;

/**
 * A dimension's verdict. `score` is null when there is no evidence: an
 * unknown, never a made-up number. `evidence` holds what a reader needs to
 * check the score; `summary` says it in plain words.
 *
 * @public
 */
export interface DimensionScore<E> {
  score: Score | null;
  evidence: E;
  summary: string;
}

/** ISO bounds of a scoring window, both inclusive. @public */
export interface WindowBounds {
  from: string;
  to: string;
}

/** Lags in milliseconds; null where not measured or not promised. @public */
export interface FreshnessEvidence {
  window: WindowBounds;
  /** Finished runs in the window. */
  runs: number;
  successfulRuns: number;
  /** Successful runs whose lag could be measured. */
  measuredRuns: number;
  p95LagMs: number | null;
  p99LagMs: number | null;
  promisedP95Ms: number | null;
  promisedP99Ms: number | null;
  thresholds: { 3: number; 2: number };
}

/** @public */
export interface ReliabilityEvidence {
  window: WindowBounds;
  runs: number;
  failedRuns: number;
  /** Successful runs lagging beyond the SLA. */
  lateRuns: number;
  breaches: number;
  breachesPer1000: number | null;
  /** The SLA a lag breaches: p99, else p95; null when neither is promised. */
  slaPercentile: 'p99' | 'p95' | null;
  slaMs: number | null;
  thresholds: ScoreLadder;
}

/** One key field measured against one declared maximum. @public */
export interface QualityCheck {
  field: string;
  metric: 'nullRate' | 'duplicateRate';
  /** Mean rate over the runs reporting it; null when none did. */
  rate: number | null;
  max: number;
  /** rate ÷ max; null when max is 0 or nothing was measured. */
  ratio: number | null;
  /** Runs that reported the counts. */
  runs: number;
  score: Score | null;
}

/** @public */
export interface QualityEvidence {
  window: WindowBounds;
  runs: number;
  keyFields: string[];
  maxNullRate: number | null;
  maxDuplicateRate: number | null;
  checks: QualityCheck[];
  /** The check that decided the score. */
  worst: { field: string; metric: 'nullRate' | 'duplicateRate' } | null;
  thresholds: ScoreLadder;
  zeroMaxThresholds: { 5: number; 3: number };
  /** Quality checks by other jobs (tests, validations) in the window. */
  observations: number;
  /** Who reported the checks counted: runs' own metrics and check tools. */
  sources: string[];
  /** Assertions of the window's checks (on key fields, when any is named). */
  assertions: AssertionEvidence | null;
  /** The latest check of the worst field, in words a reader can verify. */
  latest: string | null;
}

/** @public */
export interface AssertionEvidence {
  total: number;
  failed: number;
  /** failed ÷ total. */
  failureRate: number;
  score: Score;
  /** The failed ones, newest first (at most 10). */
  failures: Array<{ source: string; assertion: string; column: string | null }>;
  thresholds: ScoreLadder;
}

/**
 * A quality check of the product's data by any job: a Great Expectations
 * validation, dbt tests, Soda, or a run's own metrics on a dataset it read.
 *
 * @public
 */
export interface QualityObservation {
  observedAt: Timestamp;
  /** Who checked: "Great Expectations", "dbt", or the job. */
  source: string;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  assertions?: ReadonlyArray<{
    assertion: string;
    column?: string;
    success: boolean;
  }>;
}

/** @public */
export interface StabilityEvidence {
  /** The calendar quarter (UTC) containing now: from inclusive, to exclusive. */
  quarter: { label: string; from: string; to: string };
  hasEvidence: boolean;
  incidents: number;
  thresholds: ScoreLadder;
}

/** Each part 0..1. @public */
export interface ContractEvidence {
  percent: number;
  parts: {
    fieldSemantics: number;
    sla: number;
    escalation: number;
    lineage: number;
    accessPatterns: number;
  };
  describedFields: number;
  fields: number;
  thresholds: ScoreLadder;
}

/** The four ownership checks. @public */
export interface OwnershipChecks {
  /** spec.owner resolves to a Group in the catalog. */
  ownerIsGroup: boolean;
  /** That group has at least one member. */
  groupHasMembers: boolean;
  /** escalation.channel is set. */
  escalationChannel: boolean;
  /** escalation.onCall is set. */
  onCall: boolean;
}

/** @public */
export interface OwnershipEvidence {
  checks: OwnershipChecks;
  passed: number;
  thresholds: ScoreLadder;
}

/** @public */
export interface ReuseEvidence {
  consumers: number;
  thresholds: ScoreLadder;
}

/** @public */
export interface Scorecard {
  /** Mean of the known dimensions, one decimal; null when none is known. */
  overall: number | null;
  window: WindowBounds & { runs: number };
  dimensions: {
    freshness: DimensionScore<FreshnessEvidence>;
    reliability: DimensionScore<ReliabilityEvidence>;
    quality: DimensionScore<QualityEvidence>;
    stability: DimensionScore<StabilityEvidence>;
    contract: DimensionScore<ContractEvidence>;
    ownership: DimensionScore<OwnershipEvidence>;
    reuse: DimensionScore<ReuseEvidence>;
  };
}

/** Schema-drift facts for the stability dimension. @public */
export interface DriftEvidence {
  /** When each drift incident was opened. */
  openedAt: readonly Timestamp[];
  /** An observed schema or a recorded contract change exists. */
  hasStabilityEvidence: boolean;
}

/** Catalog facts about the owner; the escalation checks come from the contract. @public */
export interface OwnershipFacts {
  ownerIsGroup: boolean;
  groupHasMembers: boolean;
}

/** @public */
export interface ScorecardInput {
  /** `spec.contract` of the entity, or its normalized contract. */
  contract?: ScorableContract;
  /** Runs of the product; those outside the window are ignored. */
  runs: readonly ScoringRun[];
  /** Quality checks by any job; those outside the window are ignored. */
  checks?: readonly QualityObservation[];
  /** Days back from now; default 30. */
  windowDays?: number;
  /** Absent: stability is unknown. */
  drift?: DriftEvidence;
  ownership: OwnershipFacts;
  /** Distinct entities with a dependsOn relation to the product. */
  consumerCount: number;
}
