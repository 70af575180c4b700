import type { DataProductRun } from '../../api';
import { num } from '../shared/format';

/** A run with the lag it delivered, when it can be told. */
export interface RunWithLag {
  run: DataProductRun;
  /** Successful runs only; undefined when not measurable. */
  lagMs?: number;
}

/** A run that breached the SLA, and why. */
export interface Breach extends RunWithLag {
  reason: 'failed' | 'late';
}

/**
 * The lag of each successful run, as the backend measured it (the rule
 * engine's `freshnessLagMs` over the whole history, which the browser's
 * page of runs could not reproduce at its edges).
 */
export function withLags(runs: readonly DataProductRun[]): RunWithLag[] {
  return runs.map(run =>
    run.status === 'success' ? { run, lagMs: num(run.lagMs) } : { run },
  );
}

/**
 * The runs the backend judged SLA breaches (`breach`), with the reason
 * shown: a failure, or a successful run that was late.
 */
export function breaches(runs: readonly RunWithLag[]): Breach[] {
  return runs
    .filter(entry => entry.run.breach === true)
    .map(entry => ({
      ...entry,
      reason: entry.run.status === 'failed' ? 'failed' : 'late',
    }));
}
