import type { ScoreLadder } from './thresholds';
import type { Score } from './types';

/**
 * Ratios and percentages are computed in floating point: 0.7 / 0.1 is
 * 6.999…, 3 × 0.1 is 0.30000000000000004. A value that is on a threshold
 * on paper must score as on it, so comparisons allow a relative slack far
 * below any meaningful difference.
 */
const SLACK = 1e-9;

/** `value ≤ bound`, forgiving floating-point noise. */
export function atMost(value: number, bound: number): boolean {
  return value <= bound + Math.abs(bound) * SLACK + Number.EPSILON;
}

/** `value ≥ bound`, forgiving floating-point noise. */
export function atLeast(value: number, bound: number): boolean {
  return value >= bound - Math.abs(bound) * SLACK - Number.EPSILON;
}

/** Lower is better: 5 when within the bound for 5, and so on down to 1. */
export function scoreAtMost(value: number, ladder: ScoreLadder): Score {
  if (atMost(value, ladder[5])) return 5;
  if (atMost(value, ladder[4])) return 4;
  if (atMost(value, ladder[3])) return 3;
  if (atMost(value, ladder[2])) return 2;
  return 1;
}

/** Higher is better: 5 when at least the bound for 5, and so on down to 1. */
export function scoreAtLeast(value: number, ladder: ScoreLadder): Score {
  if (atLeast(value, ladder[5])) return 5;
  if (atLeast(value, ladder[4])) return 4;
  if (atLeast(value, ladder[3])) return 3;
  if (atLeast(value, ladder[2])) return 2;
  return 1;
}
