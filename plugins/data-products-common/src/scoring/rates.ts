/**
 * Key-field rates (dataproduct-spec.md "Measurements"): null rate =
 * nullCount / rowCount, duplicate rate = 1 − distinctCount / rowCount, each
 * the mean over the window's runs that report it. A run with no rows has no
 * rate (0/0) rather than a perfect one.
 */
import type { ColumnCounts } from './runs';

/** Anything that reports counts: a run, or another job's check. */
type Counted = { rowCount?: number; columns?: Record<string, ColumnCounts> };

/** A mean rate and how many runs it was measured on. @public */
export interface MeanRate {
  /** Undefined when no run reported the counts. */
  rate?: number;
  runs: number;
}

/**
 * A running sum of rates and how many runs reported one: the state of a mean
 * fed one run at a time. The sum is taken in feeding order, so a mean fed in
 * the same order is the same number to the last bit. @public
 */
export interface RateSum {
  sum: number;
  runs: number;
}

/** Adds the run's null rate of `field` to `total`, if it reports one. */
export function addNullRate(total: RateSum, run: Counted, field: string): void {
  const rows = run.rowCount;
  const nulls = run.columns?.[field]?.nullCount;
  if (typeof rows !== 'number' || rows <= 0 || typeof nulls !== 'number') {
    return;
  }
  total.sum += nulls / rows;
  total.runs++;
}

/**
 * Adds the run's duplicate rate of `field` to `total`, if it reports one.
 * More distinct values than rows cannot happen; where a producer reports it
 * anyway the run counts as duplicate-free, never as a negative rate that
 * would hide another run's duplicates.
 */
export function addDuplicateRate(
  total: RateSum,
  run: Counted,
  field: string,
): void {
  const rows = run.rowCount;
  const distinct = run.columns?.[field]?.distinctCount;
  if (typeof rows !== 'number' || rows <= 0 || typeof distinct !== 'number') {
    return;
  }
  total.sum += Math.max(0, 1 - distinct / rows);
  total.runs++;
}

/** The mean of a {@link RateSum}. */
export function meanOf(total: RateSum): MeanRate {
  return total.runs === 0
    ? { runs: 0 }
    : { rate: total.sum / total.runs, runs: total.runs };
}

/** @public */
export function meanNullRate(
  runs: readonly Counted[],
  field: string,
): MeanRate {
  const total = { sum: 0, runs: 0 };
  for (const run of runs) addNullRate(total, run, field);
  return meanOf(total);
}

/** @public */
export function meanDuplicateRate(
  runs: readonly Counted[],
  field: string,
): MeanRate {
  const total = { sum: 0, runs: 0 };
  for (const run of runs) addDuplicateRate(total, run, field);
  return meanOf(total);
}
