/**
 * Runs built for scoring tests. Every expected number in the tests is worked
 * out by hand from these shapes, never by the code under test.
 */
import type { ScoringRun } from '../runs';

export const NOW = new Date('2026-03-31T12:00:00.000Z');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * One successful run per lag, a minute apart (thousands fit in the window),
 * the last one a minute before NOW, each with a watermark exactly `lag`
 * before its finish.
 */
export function runsWithLags(lagsMs: readonly number[]): ScoringRun[] {
  return lagsMs.map((lag, i) => {
    const finished = NOW.getTime() - (lagsMs.length - i) * MINUTE;
    return {
      runId: `lag-${i}`,
      status: 'success',
      finishedAt: new Date(finished).toISOString(),
      watermark: new Date(finished - lag).toISOString(),
    };
  });
}

/** `count` failed runs, a second apart, all inside the window. */
export function failedRuns(count: number): ScoringRun[] {
  return Array.from({ length: count }, (_, i) => ({
    runId: `failed-${i}`,
    status: 'failed' as const,
    finishedAt: NOW.getTime() - (i + 1) * SECOND,
  }));
}

/** `count` lags of `low`, then `high` lags filling ranks from the top. */
export function lags(count: number, low: number, ...high: number[]): number[] {
  return [...Array(count - high.length).fill(low), ...high];
}

/** A run reporting counts for one column. */
export function measuredRun(
  runId: string,
  rowCount: number | undefined,
  column: string,
  counts: { nullCount?: number; distinctCount?: number },
): ScoringRun {
  return {
    runId,
    status: 'success',
    finishedAt: NOW.getTime() - HOUR,
    rowCount,
    columns: { [column]: counts },
  };
}
