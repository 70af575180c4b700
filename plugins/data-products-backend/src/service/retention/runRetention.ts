/**
 * What the runs retention keeps and what it deletes, as plain functions:
 * the store's pruning SQL (database/pruneRuns.ts) says the same thing in
 * WHERE clauses, and its tests derive their expectations from this rule.
 */

/** A duration as app-config gives it (readDurationFromConfig). */
export type ConfigDuration = {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
};

export const DAY_MS = 24 * 60 * 60 * 1000;

// A year as the `ms` strings read it ('400d' is read as 1 year, 4 weeks
// and some days): 365.25 days, so the string form converts back to exactly
// the days written. A month is a twelfth of that.
const UNIT_MS: Record<keyof ConfigDuration, number> = {
  years: 365.25 * DAY_MS,
  months: (365.25 / 12) * DAY_MS,
  weeks: 7 * DAY_MS,
  days: DAY_MS,
  hours: 60 * 60 * 1000,
  minutes: 60 * 1000,
  seconds: 1000,
  milliseconds: 1,
};

/** The length of `duration` in milliseconds (a year 365.25 days, a month a twelfth of it). */
export function durationMilliseconds(duration: ConfigDuration): number {
  let total = 0;
  for (const [unit, ms] of Object.entries(UNIT_MS)) {
    total += (duration[unit as keyof ConfigDuration] ?? 0) * ms;
  }
  return total;
}

/** Runs that finished (or last changed) before this instant are deleted. */
export function retentionCutoff(now: Date, retentionMs: number): Date {
  return new Date(now.getTime() - retentionMs);
}

/** The times of a stored run the retention looks at. */
export interface RunTimes {
  finishedAt?: Date;
  /** The time of the event (or report) that last changed the run. */
  eventTime: Date;
}

/**
 * The instant a run ages from: its finish; for a run never finished, the
 * last event that changed it — not its start, so a stream running for
 * longer than the retention (RUNNING events keep coming) is kept, and a run
 * abandoned open goes once nothing was heard of it for the retention.
 */
export function runAgesFrom(run: RunTimes): Date {
  return run.finishedAt ?? run.eventTime;
}

/** Whether pruning at `cutoff` deletes the run (and the rows of its product run). */
export function isRunExpired(run: RunTimes, cutoff: Date): boolean {
  return runAgesFrom(run).getTime() < cutoff.getTime();
}
