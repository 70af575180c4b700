/**
 * The SLA breach verdict of each run, for whoever lists runs one by one (the
 * run list of the API, breach alerts): the same rule the reliability score
 * counts — a failed run, or a successful run lagging beyond the p99 SLA
 * (p95 when no p99 is promised).
 */
import type { FreshnessSla } from '../kind/types';
import { freshnessLagMs } from './lag';
import { type ScoringRun, type Timestamp, timestampMs } from './runs';
import { promisedLags } from './sla';

/**
 * The lag beyond which a successful run breaches the SLA: the promised p99,
 * else the p95; undefined when neither is promised (only failures breach).
 *
 * @public
 */
export function slaBreachLine(
  freshness: FreshnessSla | undefined,
): { percentile: 'p99' | 'p95'; ms: number } | undefined {
  const promised = promisedLags(freshness);
  if (promised.p99 !== undefined)
    return { percentile: 'p99', ms: promised.p99 };
  if (promised.p95 !== undefined)
    return { percentile: 'p95', ms: promised.p95 };
  return undefined;
}

/** @public */
export interface RunSlaVerdict {
  /** Freshness lag of a successful run (see freshnessLagMs); null otherwise or unmeasurable. */
  lagMs: number | null;
  breach: boolean;
  /** Why it breaches; null when it does not. */
  cause: 'failed' | 'late' | null;
}

/**
 * Each run's lag and breach verdict, in the order given. `runs` must be
 * ordered oldest first: a run without a watermark measures its lag from the
 * previous successful run in the list, or from `previousSuccessfulRun` (the
 * one before the list) for the first. Runs still running neither lag nor
 * breach.
 *
 * @public
 */
export function runSlaVerdicts(
  runs: ReadonlyArray<Pick<ScoringRun, 'status' | 'finishedAt' | 'watermark'>>,
  freshness: FreshnessSla | undefined,
  previousSuccessfulRun?: { finishedAt?: Timestamp },
): RunSlaVerdict[] {
  const line = slaBreachLine(freshness);
  let previous = previousSuccessfulRun;
  return runs.map(run => {
    if (run.status === 'failed') {
      return { lagMs: null, breach: true, cause: 'failed' };
    }
    if (run.status !== 'success' || Number.isNaN(timestampMs(run.finishedAt))) {
      return { lagMs: null, breach: false, cause: null };
    }
    const lag = freshnessLagMs(run, previous);
    previous = run;
    const late = lag !== undefined && line !== undefined && lag > line.ms;
    return {
      lagMs: lag ?? null,
      breach: late,
      cause: late ? 'late' : null,
    };
  });
}
