/**
 * Stability: schema drift incidents opened in the calendar quarter (UTC)
 * that contains now. Unknown until there is something to drift against — an
 * observed schema or a recorded contract change — because "no incidents"
 * from no observation would be a made-up 5.
 */
import { plural } from './format';
import { scoreAtMost } from './ladder';
import { timestampMs } from './runs';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type { DimensionScore, DriftEvidence, StabilityEvidence } from './types';

/** The UTC calendar quarter containing `now`: [from, to) and `2026-Q3`. @public */
export function calendarQuarter(now: Date): {
  label: string;
  fromMs: number;
  toMs: number;
} {
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return {
    label: `${year}-Q${quarter + 1}`,
    fromMs: Date.UTC(year, quarter * 3, 1),
    toMs: Date.UTC(year, quarter * 3 + 3, 1),
  };
}

/**
 * An incident recorded at all is evidence too, whatever the flag says: it
 * came from an observed schema or a contract change.
 *
 * @public
 */
export function scoreStability(
  drift: DriftEvidence | undefined,
  now: Date,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<StabilityEvidence> {
  const quarter = calendarQuarter(now);
  const openedAt = drift?.openedAt ?? [];
  let incidents = 0;
  for (const at of openedAt) {
    const ms = timestampMs(at);
    if (ms >= quarter.fromMs && ms < quarter.toMs) incidents++;
  }
  const hasEvidence =
    drift?.hasStabilityEvidence === true || openedAt.length > 0;
  const evidence: StabilityEvidence = {
    quarter: {
      label: quarter.label,
      from: new Date(quarter.fromMs).toISOString(),
      to: new Date(quarter.toMs).toISOString(),
    },
    hasEvidence,
    incidents,
    thresholds: thresholds.stability,
  };
  if (!hasEvidence) {
    return {
      score: null,
      evidence,
      summary:
        'No observed schema or recorded contract change yet, so drift cannot be judged',
    };
  }
  return {
    score: scoreAtMost(incidents, thresholds.stability),
    evidence,
    summary:
      incidents === 0
        ? `No schema drift this quarter (${quarter.label})`
        : `${plural(incidents, 'schema drift incident')} this quarter (${
            quarter.label
          })`,
  };
}
