/**
 * Reliability: SLA breaches per 1,000 runs over the window. A breach is a
 * failed run, or a successful run lagging beyond the p99 SLA (p95 when no
 * p99 is promised). Without any SLA only failures can breach.
 */
import type { FreshnessSla } from '../kind/types';
import { formatCount, formatLag, plural } from './format';
import { scoreAtMost } from './ladder';
import { promisedLags } from './sla';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type { DimensionScore, ReliabilityEvidence } from './types';
import type { RunWindow } from './window';

/**
 * Breaches per 1,000 runs; undefined for no runs. Multiplies before dividing
 * so that whole results (1 in 1,000) come out exact.
 *
 * @public
 */
export function breachesPer1000(
  breaches: number,
  runs: number,
): number | undefined {
  return runs > 0 ? (breaches * 1000) / runs : undefined;
}

/** @public */
export function scoreReliability(
  window: RunWindow,
  freshness: FreshnessSla | undefined,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<ReliabilityEvidence> {
  const promised = promisedLags(freshness);
  // The breach line: p99, or p95 when no p99 is promised.
  let slaPercentile: ReliabilityEvidence['slaPercentile'] = null;
  if (promised.p99 !== undefined) slaPercentile = 'p99';
  else if (promised.p95 !== undefined) slaPercentile = 'p95';
  const slaMs = promised.p99 ?? promised.p95;
  const lateRuns =
    slaMs === undefined
      ? 0
      : window.lagsMs.length - countAtMost(window.lagsMs, slaMs);
  const runs = window.runCount;
  const breaches = window.failedRuns + lateRuns;
  const per1000 = breachesPer1000(breaches, runs);
  const evidence: ReliabilityEvidence = {
    window: { from: window.from, to: window.to },
    runs,
    failedRuns: window.failedRuns,
    lateRuns,
    breaches,
    breachesPer1000: per1000 ?? null,
    slaPercentile,
    slaMs: slaMs ?? null,
    thresholds: thresholds.reliability,
  };
  const days = `the last ${plural(window.days, 'day')}`;
  if (per1000 === undefined) {
    return { score: null, evidence, summary: `No runs in ${days}` };
  }

  const noSla =
    slaMs === undefined ? '; no freshness SLA, so only failures count' : '';
  let summary: string;
  if (breaches === 0) {
    summary = `No SLA breaches in ${plural(runs, 'run')} over ${days}${noSla}`;
  } else {
    const causes = [
      window.failedRuns > 0 ? `${formatCount(window.failedRuns)} failed` : '',
      lateRuns > 0
        ? `${formatCount(lateRuns)} later than the ${formatLag(
            slaMs!,
          )} ${slaPercentile!.toUpperCase()} SLA`
        : '',
    ]
      .filter(Boolean)
      .join(', ');
    summary = `${plural(breaches, 'SLA breach', 'SLA breaches')} in ${plural(
      runs,
      'run',
    )} over ${days} (${formatCount(per1000)} per 1,000): ${causes}${noSla}`;
  }
  return {
    score: scoreAtMost(per1000, thresholds.reliability),
    evidence,
    summary,
  };
}

/** How many of the ascending `sorted` values are ≤ bound: a binary search. */
function countAtMost(sorted: Float64Array, bound: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= bound) low = mid + 1;
    else high = mid;
  }
  return low;
}
