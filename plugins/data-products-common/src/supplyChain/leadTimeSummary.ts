/**
 * P50 / P95 lead time over the scoring window, nearest-rank, against
 * `leadTime.target` (dataproduct-spec.md "Supply chain"). The same summary
 * serves per-run and end-to-end lead times.
 */
import { parseDuration } from '../kind/duration';
import type { DurationText } from '../kind/types';
import { formatLag, plural } from '../scoring/format';
import { nearestRank } from '../scoring/percentile';
import { DEFAULT_SCORING_WINDOW_DAYS } from '../scoring/thresholds';
import { windowOf } from './instant';
import type { LeadTimeSummary } from './types';

/**
 * Summarizes lead times of runs finished in [now − windowDays, now]. Each
 * item is a run's measured lead time, or null with the cause it is unknown
 * (`RunLeadTime` and `EndToEndLeadTime` both fit).
 *
 * @public
 */
export function summarizeLeadTimes(
  leadTimes: ReadonlyArray<{
    finishedAt: string;
    /** `finishedAt` already parsed, when the caller has it (many days in a row). */
    finishedMs?: number;
    leadTimeMs: number | null;
    cause: string | null;
  }>,
  target: DurationText | undefined,
  now: Date,
  windowDays: number = DEFAULT_SCORING_WINDOW_DAYS,
): LeadTimeSummary {
  const window = windowOf(now, windowDays);
  const measured: number[] = [];
  const unmeasured = new Map<string, number>();
  let successfulRuns = 0;
  for (const item of leadTimes) {
    const at = item.finishedMs ?? Date.parse(item.finishedAt);
    if (!(at >= window.fromMs && at <= window.toMs)) continue;
    successfulRuns++;
    if (item.leadTimeMs !== null && Number.isFinite(item.leadTimeMs)) {
      measured.push(item.leadTimeMs);
    } else {
      const cause = item.cause ?? 'unknown';
      unmeasured.set(cause, (unmeasured.get(cause) ?? 0) + 1);
    }
  }
  const targetMs =
    typeof target === 'string' ? parseDuration(target) : undefined;
  const p50 = nearestRank(measured, 0.5);
  const p95 = nearestRank(measured, 0.95);
  const evidence = {
    window: { from: window.from, to: window.to },
    successfulRuns,
    measuredRuns: measured.length,
    p50Ms: p50 ?? null,
    p95Ms: p95 ?? null,
    targetMs: targetMs ?? null,
    unmeasured: [...unmeasured]
      .map(([cause, runs]) => ({ cause, runs }))
      .sort((a, b) => b.runs - a.runs || a.cause.localeCompare(b.cause)),
  };
  const days = `the last ${plural(windowDays, 'day')}`;
  const unknown = (summary: string): LeadTimeSummary => ({
    p50Ms: null,
    p95Ms: null,
    overTarget: null,
    evidence,
    summary,
  });

  if (successfulRuns === 0) {
    return unknown(`No successful run in ${days}: no lead time to measure`);
  }
  if (p50 === undefined || p95 === undefined) {
    const causes = evidence.unmeasured
      .map(u => `${u.cause} ${u.runs}`)
      .join(', ');
    return unknown(
      `No lead time measurable in ${days} (${plural(
        successfulRuns,
        'successful run',
      )}: ${causes})`,
    );
  }
  const over = targetMs === undefined ? null : p95 > targetMs;
  const against =
    targetMs === undefined
      ? ' (no target: declare leadTime.target, e.g. 2d)'
      : ` vs ${formatLag(targetMs)} target${over ? ': over target' : ''}`;
  return {
    p50Ms: p50,
    p95Ms: p95,
    overTarget: over,
    evidence,
    summary: `P95 lead time ${formatLag(p95)}${against}; P50 ${formatLag(
      p50,
    )}; over ${plural(measured.length, 'run')} in ${days}`,
  };
}
