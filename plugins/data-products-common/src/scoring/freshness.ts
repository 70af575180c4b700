/**
 * Freshness: P95 (and P99) lag of the window's successful runs against the
 * promised p95 (and p99). Unknown without a promised p95 — every grade is a
 * multiple of it — or without a measured lag.
 */
import type { FreshnessSla } from '../kind/types';
import { formatLag, plural } from './format';
import { atMost } from './ladder';
import { nearestRankSorted } from './percentile';
import { promisedLags } from './sla';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type { DimensionScore, FreshnessEvidence, Score } from './types';
import type { RunWindow } from './window';

/** @public */
export function scoreFreshness(
  window: RunWindow,
  freshness: FreshnessSla | undefined,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<FreshnessEvidence> {
  const promised = promisedLags(freshness);
  const p95 = nearestRankSorted(window.lagsMs, 0.95);
  const p99 = nearestRankSorted(window.lagsMs, 0.99);
  const evidence: FreshnessEvidence = {
    window: { from: window.from, to: window.to },
    runs: window.runCount,
    successfulRuns: window.successfulRuns,
    measuredRuns: window.lagsMs.length,
    p95LagMs: p95 ?? null,
    p99LagMs: p99 ?? null,
    promisedP95Ms: promised.p95 ?? null,
    promisedP99Ms: promised.p99 ?? null,
    thresholds: { 3: thresholds.freshness[3], 2: thresholds.freshness[2] },
  };
  const unknown = (summary: string) => ({ score: null, evidence, summary });
  const days = `the last ${plural(window.days, 'day')}`;

  if (promised.p95 === undefined) {
    return unknown(
      'No freshness promise to measure against: declare contract.freshness.p95 (e.g. 30m)',
    );
  }
  if (window.runCount === 0) {
    return unknown(`No runs in ${days}`);
  }
  if (p95 === undefined || p99 === undefined) {
    return unknown(
      `No successful run with a measurable lag in ${days} (${plural(
        window.runCount,
        'run',
      )}, ${window.failedRuns} failed)`,
    );
  }

  let score: Score;
  if (atMost(p95, promised.p95)) {
    score = promised.p99 === undefined || atMost(p99, promised.p99) ? 5 : 4;
  } else if (atMost(p95, thresholds.freshness[3] * promised.p95)) {
    score = 3;
  } else if (atMost(p95, thresholds.freshness[2] * promised.p95)) {
    score = 2;
  } else {
    score = 1;
  }

  const p99Part =
    promised.p99 === undefined
      ? ''
      : ` (P99 ${formatLag(p99)} vs ${formatLag(promised.p99)})`;
  return {
    score,
    evidence,
    summary: `P95 lag ${formatLag(p95)} vs ${formatLag(
      promised.p95,
    )} promised${p99Part} over ${plural(
      evidence.measuredRuns,
      'run',
    )} in ${days}`,
  };
}
