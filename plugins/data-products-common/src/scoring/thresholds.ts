/**
 * The scorecard's thresholds (dataproduct-spec.md "Scorecard"), as data so a
 * platform team can tune them. Each ladder gives the bound for scores 5, 4, 3
 * and 2; anything beyond the bound for 2 scores 1.
 */

/** Bounds for scores 5, 4, 3 and 2. @public */
export type ScoreLadder = {
  readonly 5: number;
  readonly 4: number;
  readonly 3: number;
  readonly 2: number;
};

/** @public */
export interface ScoreThresholds {
  /**
   * Freshness: P95 lag at most this multiple of the promised p95 for a 3 and
   * a 2. A 5 and a 4 need P95 within p95 itself (and P99 within p99 for 5).
   */
  readonly freshness: { readonly 3: number; readonly 2: number };
  /** Reliability: at most this many SLA breaches per 1,000 runs. */
  readonly reliability: ScoreLadder;
  /** Quality: the worst key-field rate at most this multiple of its max. */
  readonly quality: ScoreLadder;
  /**
   * Quality where the declared max is 0 (no ratio exists): a rate at most
   * `5` scores 5, at most `3` scores 3, anything else 1.
   */
  readonly qualityZeroMax: { readonly 5: number; readonly 3: number };
  /**
   * Quality from assertions (dbt tests, Great Expectations, Soda): at most
   * this share of the window's key-field assertions failed.
   */
  readonly assertions: ScoreLadder;
  /** Stability: at most this many drift incidents this quarter. */
  readonly stability: ScoreLadder;
  /** Contract: completeness of at least this percent. */
  readonly contract: ScoreLadder;
  /** Ownership: at least this many of the four checks pass. */
  readonly ownership: ScoreLadder;
  /** Reuse: at least this many distinct consuming entities. */
  readonly reuse: ScoreLadder;
}

/** The defaults of dataproduct-spec.md. @public */
export const DEFAULT_SCORE_THRESHOLDS: ScoreThresholds = Object.freeze({
  freshness: Object.freeze({ 3: 1.5, 2: 3 }),
  reliability: Object.freeze({ 5: 1, 4: 10, 3: 50, 2: 100 }),
  quality: Object.freeze({ 5: 1, 4: 2, 3: 5, 2: 10 }),
  qualityZeroMax: Object.freeze({ 5: 0, 3: 0.001 }),
  assertions: Object.freeze({ 5: 0, 4: 0.01, 3: 0.05, 2: 0.1 }),
  stability: Object.freeze({ 5: 0, 4: 1, 3: 2, 2: 4 }),
  contract: Object.freeze({ 5: 100, 4: 80, 3: 60, 2: 40 }),
  ownership: Object.freeze({ 5: 4, 4: 3, 3: 2, 2: 1 }),
  reuse: Object.freeze({ 5: 5, 4: 4, 3: 3, 2: 2 }),
});

/** The default scoring window. @public */
export const DEFAULT_SCORING_WINDOW_DAYS = 30;
