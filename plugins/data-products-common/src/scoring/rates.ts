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

/** @public */
export function meanNullRate(
  runs: readonly Counted[],
  field: string,
): MeanRate {
  let sum = 0;
  let count = 0;
  for (const run of runs) {
    const rows = run.rowCount;
    const nulls = run.columns?.[field]?.nullCount;
    if (typeof rows !== 'number' || rows <= 0 || typeof nulls !== 'number') {
      continue;
    }
    sum += nulls / rows;
    count++;
  }
  return count === 0 ? { runs: 0 } : { rate: sum / count, runs: count };
}

/**
 * Mean duplicate rate. More distinct values than rows cannot happen; where a
 * producer reports it anyway the run counts as duplicate-free, never as a
 * negative rate that would hide another run's duplicates.
 *
 * @public
 */
export function meanDuplicateRate(
  runs: readonly Counted[],
  field: string,
): MeanRate {
  let sum = 0;
  let count = 0;
  for (const run of runs) {
    const rows = run.rowCount;
    const distinct = run.columns?.[field]?.distinctCount;
    if (typeof rows !== 'number' || rows <= 0 || typeof distinct !== 'number') {
      continue;
    }
    sum += Math.max(0, 1 - distinct / rows);
    count++;
  }
  return count === 0 ? { runs: 0 } : { rate: sum / count, runs: count };
}
