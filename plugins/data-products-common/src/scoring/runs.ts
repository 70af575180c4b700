/**
 * A pipeline run as the scorecard reads it: plain data, whatever it was
 * reported as (a native run report or OpenLineage events) and wherever it was
 * stored. Timestamps may be ISO strings, epoch milliseconds or Dates so a
 * database row can be passed as it comes.
 */

/** An instant: ISO-8601 text, epoch milliseconds or a Date. @public */
export type Timestamp = string | number | Date;

/**
 * `running` until a closing event. `aborted` (OpenLineage ABORT: cancelled,
 * skipped) is neither success nor failure: scoring leaves it out unless the
 * platform counts aborts as failures (`stockroom.runs.abortCountsAsFailure`).
 *
 * @public
 */
export type RunStatus = 'running' | 'success' | 'failed' | 'aborted';

/** Per-column counts a run reports about the data it wrote. @public */
export interface ColumnCounts {
  nullCount?: number;
  distinctCount?: number;
}

/**
 * A field of an observed schema. Nested fields are flattened with dotted
 * names (`address.city`). OpenLineage does not require a type, so it may be
 * missing.
 *
 * @public
 */
export interface ObservedField {
  name: string;
  type?: string;
}

/** @public */
export interface ScoringRun {
  runId: string;
  status: RunStatus;
  startedAt?: Timestamp;
  /** When the run closed; a run without it is still running and not scored. */
  finishedAt?: Timestamp;
  /** How current the data is: the end of the period the run covered. */
  watermark?: Timestamp;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
}

/**
 * Epoch milliseconds of a {@link Timestamp}, NaN when it names no instant.
 * Strings go through Date.parse: stored runs were validated on the way in,
 * and databases hand back their own ISO-like text.
 *
 * @public
 */
export function timestampMs(value: Timestamp | undefined): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string') {
    return Date.parse(value);
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  return NaN;
}
