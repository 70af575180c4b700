import { SCORE_DIMENSIONS } from '@stockroom/plugin-data-products-common';
import { ScorecardSnapshot } from '../database/ScorecardSnapshotStore';

/** How far back get-scorecard looks for a trend. */
export const TREND_DAYS = 30;

export interface ScoreTrend {
  /** When the oldest snapshot in the window was taken. */
  since: string;
  snapshots: number;
  overallThen: number | null;
  overallNow: number | null;
  direction: 'improving' | 'steady' | 'declining' | 'unknown';
  /** Dimensions whose score differs between the oldest and the latest snapshot. */
  changed: Array<{ dimension: string; from: number | null; to: number | null }>;
}

/**
 * The trend of stored snapshots (oldest first, as the store returns them):
 * the oldest against the latest, no smoothing. Null without a snapshot.
 */
export function scoreTrend(history: ScorecardSnapshot[]): ScoreTrend | null {
  if (history.length === 0) return null;
  const first = history[0];
  const last = history[history.length - 1];
  const direction = (): ScoreTrend['direction'] => {
    if (first.overall === null || last.overall === null) return 'unknown';
    if (last.overall > first.overall) return 'improving';
    if (last.overall < first.overall) return 'declining';
    return 'steady';
  };
  return {
    since: first.takenAt.toISOString(),
    snapshots: history.length,
    overallThen: first.overall,
    overallNow: last.overall,
    direction: direction(),
    changed: SCORE_DIMENSIONS.filter(
      name => first.scores[name] !== last.scores[name],
    ).map(name => ({
      dimension: name,
      from: first.scores[name],
      to: last.scores[name],
    })),
  };
}
